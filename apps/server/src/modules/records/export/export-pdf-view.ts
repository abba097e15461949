import type {
  Allergy,
  Condition,
  Encounter,
  FamilyHistoryEntry,
  LifestyleAssessment,
  MedicationStatement,
  Observation,
  Procedure,
  RecordExport,
} from '@careloop/contracts';
import type { Provenance, RecordExportView, ResultFlag } from '../../../platform/pdf/index.ts';
import type { Language } from '../../../platform/http/language.ts';
import { ageYearsAt } from '../observations/observation-rules.ts';
import { displayUnit, recordLabels } from '../record-labels.ts';

// Turns the exported record (the same data as export.json) into the PDF layer's view: names already in the
// reader's language, every entry with where it came from.

/** Values printed per item: the newest ones; the JSON export carries every value. */
export const PDF_VALUES_PER_ITEM = 60;

type WithProvenance = {
  source: Provenance['source'];
  sourceOrg: string | null;
  recordedBy: { name: string } | null;
};

const provenance = (e: WithProvenance): Provenance => ({
  source: e.source,
  recordedBy: e.recordedBy?.name ?? null,
  organization: e.sourceOrg,
});

/** 110105********002X: the first three and last four characters of a resident ID, the rest hidden. */
export function maskNationalId(id: string | null): string | null {
  if (!id) return null;
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

const num = (n: number) => String(Number(n.toPrecision(10)));

function rangeText(o: Observation): string | null {
  if (o.referenceText) return o.referenceText;
  if (o.referenceLow !== null && o.referenceHigh !== null)
    return `${num(o.referenceLow)}-${num(o.referenceHigh)}`;
  if (o.referenceHigh !== null) return `<${num(o.referenceHigh)}`;
  if (o.referenceLow !== null) return `>${num(o.referenceLow)}`;
  return null;
}

function observationGroups(observations: readonly Observation[], language: Language) {
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = `${o.codeSystem}|${o.code}`;
    const list = groups.get(key) ?? [];
    if (list.length < PDF_VALUES_PER_ITEM) list.push(o);
    groups.set(key, list);
  }
  return [...groups.values()].map((values) => {
    const latest = values[0]!;
    return {
      name: latest.name,
      unit: displayUnit(latest.unit, language),
      referenceRange: rangeText(latest),
      values: values.map((o) => ({
        effectiveAt: new Date(o.effectiveAt),
        result: o.value !== null ? num(o.value) : (o.valueText ?? ''),
        flag: o.flag as ResultFlag | null,
        ...provenance(o),
      })),
    };
  });
}

function lifestyleFacts(latest: LifestyleAssessment | undefined, language: Language) {
  if (!latest) return [];
  const labels = recordLabels(language);
  const p = provenance(latest);
  const facts: { aspect: string; value: string | null }[] = [
    {
      aspect: labels.phrase('smokingAspect'),
      value: labels.list([
        labels.value('smoking', latest.smoking),
        latest.smoking === 'current' &&
          latest.cigarettesPerDay !== null &&
          labels.phrase('cigarettes', { n: latest.cigarettesPerDay }),
      ]),
    },
    { aspect: labels.phrase('alcoholAspect'), value: labels.value('alcohol', latest.alcohol) },
    {
      aspect: labels.phrase('activityAspect'),
      value:
        latest.activityMinutesPerWeek === null
          ? null
          : labels.phrase('activity', { n: latest.activityMinutesPerWeek }),
    },
    { aspect: labels.phrase('dietAspect'), value: latest.diet },
    {
      aspect: labels.phrase('sleepAspect'),
      value: latest.sleepHours === null ? null : labels.phrase('sleep', { n: num(latest.sleepHours) }),
    },
  ];
  return facts.filter((f): f is { aspect: string; value: string } => !!f.value).map((f) => ({ ...f, ...p }));
}

export function toRecordExportView(
  record: RecordExport,
  context: { language: Language; organizationName: string; timeZone: string; nationalId: string | null },
): RecordExportView {
  const { language, timeZone } = context;
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const generatedAt = new Date(record.generatedAt);
  return {
    language,
    organizationName: context.organizationName,
    generatedAt,
    timeZone,
    patient: {
      name: record.patient.name,
      sex: record.patient.sex,
      age: ageYearsAt(record.patient.birthDate, generatedAt),
      maskedId: maskNationalId(context.nationalId),
      birthDate: record.patient.birthDate,
    },
    conditions: record.conditions.map((c: Condition) => ({
      icd10: c.icd10,
      name: c.display,
      status: c.clinicalStatus,
      onsetDate: c.onsetDate,
      ...provenance(c),
    })),
    allergies: record.allergies.map((a: Allergy) => ({
      substance: a.substance,
      reaction: a.reaction,
      severity: a.severity,
      ...provenance(a),
    })),
    medications: record.medications.map((m: MedicationStatement) => ({
      name: m.name,
      dose: m.dose,
      frequency: m.frequency,
      status: m.status,
      startedOn: m.startedOn,
      ...provenance(m),
    })),
    procedures: record.procedures.map((p: Procedure) => ({
      name: p.name,
      code: p.code,
      performedOn: p.performedOn,
      ...provenance(p),
    })),
    familyHistory: record.familyHistory.map((f: FamilyHistoryEntry) => ({
      relation: f.relation,
      condition: f.display,
      onsetAge: f.onsetAge,
      ...provenance(f),
    })),
    lifestyle: lifestyleFacts(record.lifestyle[0], language),
    encounters: record.encounters.map((e: Encounter) => ({
      startedAt: new Date(e.startedAt),
      kind: e.kind,
      department: e.department,
      summary: e.summary ?? e.reason,
      ...provenance(e),
    })),
    observations: observationGroups(record.observations, language),
    documents: record.documents.map((d) => ({
      title: d.title,
      date: d.documentDate ?? day.format(new Date(d.createdAt)),
      ...provenance(d),
    })),
    checkups: record.checkups.map((c) => ({
      date: day.format(new Date(c.performedAt)),
      reportNo: c.reportNo ?? '',
      centre: c.center ?? '',
      abnormalCount: c.abnormalCount,
    })),
  };
}
