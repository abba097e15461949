import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export interface TriageSessionsTable {
  id: string;
  org_id: string;
  patient_id: string;
  started_by: string;
  language: 'zh-CN' | 'en-US';
  status: 'asking' | 'completed' | 'not_understood';
  facts: Json;
  question: NullableJson;
  result: NullableJson;
  not_understood: NullableJson;
  urgency: 'emergency' | 'within_24h' | 'routine' | 'self_care' | null;
  red_flags: Generated<string[]>;
  top_department: string | null;
  outcome_action: 'booked' | 'consulted' | 'called_emergency' | 'self_care' | 'none' | null;
  outcome_ref_id: string | null;
  outcome_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TriageMessagesTable {
  session_id: string;
  seq: number;
  org_id: string;
  role: 'patient' | 'system';
  kind: 'text' | 'question' | 'answer' | 'result' | 'not_understood';
  body: string;
  question_id: string | null;
  created_at: Timestamp;
}

export interface TriageSymptomOverridesTable {
  org_id: string;
  symptom_id: string;
  extra_synonyms_zh: string[];
  extra_synonyms_en: string[];
  departments: NullableJson;
  updated_by: string;
  updated_at: Timestamp;
}

export interface TriageClassifiersTable {
  org_id: string;
  model: Json;
  samples: number;
  departments: number;
  trained_at: Timestamp;
}

export interface TriageTables {
  triage_sessions: TriageSessionsTable;
  triage_messages: TriageMessagesTable;
  triage_symptom_overrides: TriageSymptomOverridesTable;
  triage_classifiers: TriageClassifiersTable;
}
