import type { ColumnType, Generated } from 'kysely';

// Tables of the records module (migration 003). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column comes back as 'YYYY-MM-DD' (the pg type parser is set so in database.ts). */
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type RecordSource = 'lab' | 'checkup' | 'device' | 'self' | 'clinician' | 'import';

interface Provenance {
  source: RecordSource;
  source_org: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

interface Versioned {
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
}

export interface EncountersTable extends Provenance, Versioned {
  id: string;
  org_id: string;
  patient_id: string;
  kind: 'outpatient' | 'inpatient' | 'emergency' | 'checkup' | 'telehealth' | 'home_visit' | 'other';
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  department: string | null;
  practitioner: string | null;
  reason: string | null;
  summary: string | null;
  /** Coded diagnoses of an encounter written from a consultation's summary. */
  diagnoses?: ColumnType<
    { code: string; display: string }[] | null,
    string | null | undefined,
    string | null
  >;
}

export interface ConditionsTable extends Provenance, Versioned {
  id: string;
  org_id: string;
  patient_id: string;
  icd10: string | null;
  display: string;
  clinical_status: 'active' | 'recurrence' | 'remission' | 'resolved' | 'inactive';
  onset_date: NullableDate;
  abated_date: NullableDate;
  note: string | null;
}

export interface AllergiesTable extends Provenance, Versioned {
  id: string;
  org_id: string;
  patient_id: string;
  substance: string;
  category: 'drug' | 'food' | 'environment' | 'other';
  reaction: string | null;
  severity: 'mild' | 'moderate' | 'severe' | 'unknown';
  status: Generated<'active' | 'inactive' | 'resolved'>;
  noted_on: NullableDate;
  note: string | null;
}

export interface MedicationStatementsTable extends Provenance, Versioned {
  id: string;
  org_id: string;
  patient_id: string;
  name: string;
  atc: string | null;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  reason: string | null;
  status: Generated<'active' | 'stopped' | 'completed' | 'on_hold'>;
  started_on: NullableDate;
  stopped_on: NullableDate;
  note: string | null;
  /** Set when written from an approved prescription item (migration 015). */
  prescription_item_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ProceduresTable extends Provenance, Versioned {
  id: string;
  org_id: string;
  patient_id: string;
  name: string;
  code: string | null;
  kind: Generated<'surgery' | 'procedure' | 'imaging' | 'other'>;
  performed_on: NullableDate;
  outcome: string | null;
  note: string | null;
}

export interface FamilyHistoryTable extends Provenance, Versioned {
  id: string;
  org_id: string;
  patient_id: string;
  relation: 'father' | 'mother' | 'sibling' | 'child' | 'grandparent' | 'other';
  icd10: string | null;
  display: string;
  onset_age: number | null;
  note: string | null;
}

export interface LifestyleAssessmentsTable extends Provenance {
  id: string;
  org_id: string;
  patient_id: string;
  assessed_at: Timestamp;
  smoking: 'never' | 'former' | 'current' | null;
  cigarettes_per_day: number | null;
  alcohol: 'none' | 'occasional' | 'regular' | 'heavy' | null;
  activity_minutes_per_week: number | null;
  diet: string | null;
  /** numeric(4,1): pg returns it as a string. */
  sleep_hours: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  note: string | null;
  deleted_at: NullableTimestamp;
}

export type ObservationFlag = 'N' | 'H' | 'L' | 'HH' | 'LL' | 'A';

export interface ObservationsTable extends Provenance {
  id: string;
  org_id: string;
  patient_id: string;
  code_system: 'loinc' | 'local';
  code: string;
  name: string;
  value_num: number | null;
  value_text: string | null;
  unit: string | null;
  ref_low: number | null;
  ref_high: number | null;
  ref_text: string | null;
  flag: ObservationFlag | null;
  effective_at: Timestamp;
  report_id: string | null;
  device_id: string | null;
  dedupe_key: string;
  status: Generated<'final' | 'amended' | 'entered_in_error'>;
  note: string | null;
  /** Reading context (glucose: fasting, after-meal, cgm ...); migration 007. */
  context: ColumnType<string | null, string | null | undefined, string | null>;
  /** End of a reading that covers a period (steps, sleep); migration 007. */
  end_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface DocumentsTable extends Provenance {
  id: string;
  org_id: string;
  patient_id: string;
  kind:
    'lab_report' | 'checkup_report' | 'imaging' | 'discharge_summary' | 'prescription' | 'photo' | 'other';
  title: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  document_date: NullableDate;
  deleted_at: NullableTimestamp;
}

export interface RecordsTables {
  encounters: EncountersTable;
  conditions: ConditionsTable;
  allergies: AllergiesTable;
  medication_statements: MedicationStatementsTable;
  procedures: ProceduresTable;
  family_history: FamilyHistoryTable;
  lifestyle_assessments: LifestyleAssessmentsTable;
  observations: ObservationsTable;
  documents: DocumentsTable;
}
