import type { z } from 'zod';
import {
  Allergy,
  AllergyInput,
  AllergyList,
  AllergyUpdate,
  Condition,
  ConditionInput,
  ConditionList,
  ConditionUpdate,
  Encounter,
  EncounterInput,
  EncounterList,
  EncounterUpdate,
  FamilyHistoryEntry,
  FamilyHistoryInput,
  FamilyHistoryList,
  FamilyHistoryUpdate,
  MedicationInput,
  MedicationList,
  MedicationStatement,
  MedicationUpdate,
  Procedure,
  ProcedureInput,
  ProcedureList,
  ProcedureUpdate,
} from '@careloop/contracts';

// The six kinds of record entry that share one life cycle (list, create, patch with version, soft delete) and one
// set of rules (provenance, self-reported entries). Each kind is described here once, as data: its table, its
// fields and their columns, which fields are status (a clinician may change them on a patient's own entry) and
// how its list is ordered. The repository, service and routes are written once over these descriptions.

export type EntryTable =
  'conditions' | 'allergies' | 'medication_statements' | 'procedures' | 'family_history' | 'encounters';

export type EntryKindName =
  'condition' | 'allergy' | 'medication' | 'procedure' | 'family_history' | 'encounter';

export interface EntryKind {
  /** The kind's name in audit actions (`record.<name>.create`) and in the timeline. */
  readonly name: EntryKindName;
  /** The URL segment under /patients/:id/. */
  readonly path: string;
  readonly table: EntryTable;
  /** camelCase field of the API -> column of the table, for every field the API reads and writes. */
  readonly fields: Readonly<Record<string, string>>;
  /** Fields a clinician may change on a patient's self-reported entry (never the patient's own words). */
  readonly statusFields: readonly string[];
  /** SQL boolean over the table alias `t`: the entry counts as current (listed first, shown in the summary). */
  readonly activeSql: string;
  /** SQL ORDER BY terms after "active first". */
  readonly orderSql: string;
  /** Validate `icd10` against the code table and fill `display` from it. */
  readonly coded: boolean;
  /** Start and end fields of the entry's period: the end may not come before the start. */
  readonly period?: readonly [start: string, end: string];
  readonly schemas: {
    readonly item: z.ZodType;
    readonly list: z.ZodType;
    readonly input: z.ZodType;
    readonly update: z.ZodType;
  };
}

export const CONDITIONS: EntryKind = {
  name: 'condition',
  path: 'conditions',
  table: 'conditions',
  fields: {
    icd10: 'icd10',
    display: 'display',
    clinicalStatus: 'clinical_status',
    onsetDate: 'onset_date',
    abatedDate: 'abated_date',
    note: 'note',
  },
  statusFields: ['clinicalStatus', 'abatedDate'],
  activeSql: `t.clinical_status IN ('active', 'recurrence')`,
  orderSql: 't.onset_date DESC NULLS LAST, t.created_at DESC',
  coded: true,
  period: ['onsetDate', 'abatedDate'],
  schemas: { item: Condition, list: ConditionList, input: ConditionInput, update: ConditionUpdate },
};

export const ALLERGIES: EntryKind = {
  name: 'allergy',
  path: 'allergies',
  table: 'allergies',
  fields: {
    substance: 'substance',
    category: 'category',
    reaction: 'reaction',
    severity: 'severity',
    status: 'status',
    notedOn: 'noted_on',
    note: 'note',
  },
  statusFields: ['status'],
  activeSql: `t.status = 'active'`,
  orderSql: `(t.severity = 'severe') DESC, t.created_at DESC`,
  coded: false,
  schemas: { item: Allergy, list: AllergyList, input: AllergyInput, update: AllergyUpdate },
};

export const MEDICATIONS: EntryKind = {
  name: 'medication',
  path: 'medications',
  table: 'medication_statements',
  fields: {
    name: 'name',
    atc: 'atc',
    dose: 'dose',
    route: 'route',
    frequency: 'frequency',
    reason: 'reason',
    status: 'status',
    startedOn: 'started_on',
    stoppedOn: 'stopped_on',
    note: 'note',
  },
  statusFields: ['status', 'stoppedOn'],
  activeSql: `t.status = 'active'`,
  orderSql: 't.started_on DESC NULLS LAST, t.created_at DESC',
  coded: false,
  period: ['startedOn', 'stoppedOn'],
  schemas: {
    item: MedicationStatement,
    list: MedicationList,
    input: MedicationInput,
    update: MedicationUpdate,
  },
};

export const PROCEDURES: EntryKind = {
  name: 'procedure',
  path: 'procedures',
  table: 'procedures',
  fields: {
    name: 'name',
    code: 'code',
    kind: 'kind',
    performedOn: 'performed_on',
    outcome: 'outcome',
    note: 'note',
  },
  statusFields: [],
  activeSql: 'true',
  orderSql: 't.performed_on DESC NULLS LAST, t.created_at DESC',
  coded: false,
  schemas: { item: Procedure, list: ProcedureList, input: ProcedureInput, update: ProcedureUpdate },
};

export const FAMILY_HISTORY: EntryKind = {
  name: 'family_history',
  path: 'family-history',
  table: 'family_history',
  fields: {
    relation: 'relation',
    icd10: 'icd10',
    display: 'display',
    onsetAge: 'onset_age',
    note: 'note',
  },
  statusFields: [],
  activeSql: 'true',
  orderSql: 't.relation, t.created_at DESC',
  coded: true,
  schemas: {
    item: FamilyHistoryEntry,
    list: FamilyHistoryList,
    input: FamilyHistoryInput,
    update: FamilyHistoryUpdate,
  },
};

export const ENCOUNTERS: EntryKind = {
  name: 'encounter',
  path: 'encounters',
  table: 'encounters',
  fields: {
    kind: 'kind',
    startedAt: 'started_at',
    endedAt: 'ended_at',
    department: 'department',
    practitioner: 'practitioner',
    reason: 'reason',
    summary: 'summary',
  },
  statusFields: ['endedAt'],
  activeSql: 'true',
  orderSql: 't.started_at DESC',
  coded: false,
  period: ['startedAt', 'endedAt'],
  schemas: { item: Encounter, list: EncounterList, input: EncounterInput, update: EncounterUpdate },
};

export const ENTRY_KINDS: readonly EntryKind[] = [
  CONDITIONS,
  ALLERGIES,
  MEDICATIONS,
  PROCEDURES,
  FAMILY_HISTORY,
  ENCOUNTERS,
];

/** ORDER BY of a kind's list: current entries first, then the kind's own order. */
export const activeFirst = (kind: EntryKind) =>
  kind.activeSql === 'true' ? kind.orderSql : `(${kind.activeSql}) DESC, ${kind.orderSql}`;
