import type { ColumnType, Generated } from 'kysely';

// Tables of the follow-up module (migration 005). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type FollowUpKindColumn = 'retest' | 'lifestyle' | 'referral' | 'alert';
export type FollowUpPriorityColumn = 'routine' | 'soon' | 'urgent' | 'critical';

export interface FollowUpRulesTable {
  id: string;
  org_id: string;
  builtin_key: string | null;
  name_zh: string;
  name_en: string;
  code: string;
  code_system: Generated<'loinc' | 'local'>;
  unit: string | null;
  cond_min: number | null;
  cond_max: number | null;
  cond_flags: string[] | null;
  kind: FollowUpKindColumn;
  priority: FollowUpPriorityColumn;
  due_in_days: number;
  department: string | null;
  advice_zh: string;
  advice_en: string;
  notify_patient: Generated<boolean>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FollowUpTasksTable {
  id: string;
  org_id: string;
  patient_id: string;
  rule_id: string | null;
  observation_id: string | null;
  observation_at: NullableTimestamp;
  report_id: string | null;
  title_zh: string;
  title_en: string;
  advice_zh: string;
  advice_en: string;
  kind: FollowUpKindColumn;
  priority: FollowUpPriorityColumn;
  department: string | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  due_at: Timestamp;
  assignee_id: string | null;
  outcome: 'reached' | 'retested' | 'referred' | 'declined' | 'unreachable' | 'other' | null;
  outcome_note: string | null;
  completed_at: NullableTimestamp;
  completed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FollowupTables {
  follow_up_rules: FollowUpRulesTable;
  follow_up_tasks: FollowUpTasksTable;
}
