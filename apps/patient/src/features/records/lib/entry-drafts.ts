import type {
  Allergy,
  Condition,
  FamilyHistoryEntry,
  MedicationStatement,
  Procedure,
} from '@careloop/contracts';

// The add/edit forms hold strings; these turn them into request bodies. A create leaves out what is blank; an
// update sends blank optional fields as null, so clearing a field clears it.

export type FormMode = 'create' | 'update';
type Body = Record<string, unknown>;

function optional(value: string, mode: FormMode): string | null | undefined {
  const trimmed = value.trim();
  if (trimmed !== '') return trimmed;
  return mode === 'update' ? null : undefined;
}

function compact(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export interface ConditionDraft {
  icd10: string | null;
  display: string;
  clinicalStatus: Condition['clinicalStatus'];
  onsetDate: string;
  abatedDate: string;
  note: string;
}

export function conditionDraft(entry?: Condition): ConditionDraft {
  return {
    icd10: entry?.icd10 ?? null,
    display: entry?.display ?? '',
    clinicalStatus: entry?.clinicalStatus ?? 'active',
    onsetDate: entry?.onsetDate ?? '',
    abatedDate: entry?.abatedDate ?? '',
    note: entry?.note ?? '',
  };
}

export function conditionBody(d: ConditionDraft, mode: FormMode): Body {
  return compact({
    icd10: d.icd10 ?? (mode === 'update' ? null : undefined),
    display: d.display.trim() || undefined,
    clinicalStatus: d.clinicalStatus,
    onsetDate: optional(d.onsetDate, mode),
    abatedDate: optional(d.abatedDate, mode),
    note: optional(d.note, mode),
  });
}

export interface AllergyDraft {
  substance: string;
  category: Allergy['category'];
  reaction: string;
  severity: Allergy['severity'];
  status: Allergy['status'];
  notedOn: string;
  note: string;
}

export function allergyDraft(entry?: Allergy): AllergyDraft {
  return {
    substance: entry?.substance ?? '',
    category: entry?.category ?? 'drug',
    reaction: entry?.reaction ?? '',
    severity: entry?.severity ?? 'unknown',
    status: entry?.status ?? 'active',
    notedOn: entry?.notedOn ?? '',
    note: entry?.note ?? '',
  };
}

export function allergyBody(d: AllergyDraft, mode: FormMode): Body {
  return compact({
    substance: d.substance.trim(),
    category: d.category,
    reaction: optional(d.reaction, mode),
    severity: d.severity,
    status: d.status,
    notedOn: optional(d.notedOn, mode),
    note: optional(d.note, mode),
  });
}

export interface MedicationDraft {
  name: string;
  dose: string;
  route: string;
  frequency: string;
  reason: string;
  status: MedicationStatement['status'];
  startedOn: string;
  stoppedOn: string;
  note: string;
}

export function medicationDraft(entry?: MedicationStatement): MedicationDraft {
  return {
    name: entry?.name ?? '',
    dose: entry?.dose ?? '',
    route: entry?.route ?? '',
    frequency: entry?.frequency ?? '',
    reason: entry?.reason ?? '',
    status: entry?.status ?? 'active',
    startedOn: entry?.startedOn ?? '',
    stoppedOn: entry?.stoppedOn ?? '',
    note: entry?.note ?? '',
  };
}

export function medicationBody(d: MedicationDraft, mode: FormMode): Body {
  return compact({
    name: d.name.trim(),
    dose: optional(d.dose, mode),
    route: optional(d.route, mode),
    frequency: optional(d.frequency, mode),
    reason: optional(d.reason, mode),
    status: d.status,
    startedOn: optional(d.startedOn, mode),
    stoppedOn: optional(d.stoppedOn, mode),
    note: optional(d.note, mode),
  });
}

export interface ProcedureDraft {
  name: string;
  kind: Procedure['kind'];
  performedOn: string;
  outcome: string;
  note: string;
}

export function procedureDraft(entry?: Procedure): ProcedureDraft {
  return {
    name: entry?.name ?? '',
    kind: entry?.kind ?? 'surgery',
    performedOn: entry?.performedOn ?? '',
    outcome: entry?.outcome ?? '',
    note: entry?.note ?? '',
  };
}

export function procedureBody(d: ProcedureDraft, mode: FormMode): Body {
  return compact({
    name: d.name.trim(),
    kind: d.kind,
    performedOn: optional(d.performedOn, mode),
    outcome: optional(d.outcome, mode),
    note: optional(d.note, mode),
  });
}

export interface FamilyHistoryDraft {
  relation: FamilyHistoryEntry['relation'];
  icd10: string | null;
  display: string;
  onsetAge: string;
  note: string;
}

export function familyHistoryDraft(entry?: FamilyHistoryEntry): FamilyHistoryDraft {
  return {
    relation: entry?.relation ?? 'father',
    icd10: entry?.icd10 ?? null,
    display: entry?.display ?? '',
    onsetAge: entry?.onsetAge === null || entry?.onsetAge === undefined ? '' : String(entry.onsetAge),
    note: entry?.note ?? '',
  };
}

export function familyHistoryBody(d: FamilyHistoryDraft, mode: FormMode): Body {
  const age = d.onsetAge.trim();
  return compact({
    relation: d.relation,
    icd10: d.icd10 ?? (mode === 'update' ? null : undefined),
    display: d.display.trim() || undefined,
    onsetAge: age === '' ? (mode === 'update' ? null : undefined) : Number(age),
    note: optional(d.note, mode),
  });
}

/** What the form can tell before sending: the required fields that are empty, and ages that are not ages. */
export type DraftProblems = Partial<Record<string, 'required' | 'invalid'>>;

export function requiredProblems(values: Record<string, string>, required: readonly string[]): DraftProblems {
  const problems: DraftProblems = {};
  for (const key of required) if ((values[key] ?? '').trim() === '') problems[key] = 'required';
  return problems;
}

export function familyHistoryProblems(d: FamilyHistoryDraft): DraftProblems {
  const problems = requiredProblems({ display: d.display }, ['display']);
  const age = d.onsetAge.trim();
  if (age !== '' && !(/^\d{1,3}$/.test(age) && Number(age) <= 130)) problems.onsetAge = 'invalid';
  return problems;
}
