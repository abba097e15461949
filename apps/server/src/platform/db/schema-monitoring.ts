import type { ColumnType, Generated } from 'kysely';

// Tables of the monitoring module (migration 007). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type DeviceKindColumn =
  'bp-monitor' | 'glucose-meter' | 'cgm' | 'scale' | 'watch' | 'pulse-oximeter' | 'thermometer' | 'other';

export interface DevicesTable {
  id: string;
  org_id: string;
  patient_id: string;
  kind: DeviceKindColumn;
  model: string;
  serial: string;
  label: string | null;
  token_hash: string;
  token_hint: string;
  status: Generated<'active' | 'revoked'>;
  last_seen_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  version: Generated<number>;
}

export interface MonitoringPlansTable {
  patient_id: string;
  org_id: string;
  metrics: string[];
  reminders: ColumnType<unknown, string, string>;
  glucose_targets: Generated<'standard' | 'older-high-risk'>;
  note: string | null;
  started_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MonitoringRuleOverridesTable {
  id: string;
  org_id: string;
  patient_id: string;
  rule_key: string;
  patch: ColumnType<unknown, string, string>;
  reason: string;
  set_by: string;
  set_at: Timestamp;
}

export interface MonitoringSettingsTable {
  org_id: string;
  escalate_after_minutes: Generated<number>;
  on_call_account_id: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type AlertStatusColumn = 'open' | 'acknowledged' | 'resolved';
export type AlertSeverityColumn = 'info' | 'warning' | 'urgent';
export type AlertResolutionColumn =
  'message-patient' | 'adjust-plan' | 'book-visit' | 'no-action' | 'readings-resumed';

export interface AlertsTable {
  id: string;
  org_id: string;
  patient_id: string;
  rule_key: string;
  kind: 'threshold' | 'consecutive' | 'trend' | 'rate-of-change' | 'missing-data';
  metric: string;
  severity: AlertSeverityColumn;
  episode_key: string;
  status: Generated<AlertStatusColumn>;
  message_zh: string;
  message_en: string;
  advice_zh: string | null;
  advice_en: string | null;
  reading_ids: Generated<string[]>;
  reading_count: Generated<number>;
  first_reading_at: NullableTimestamp;
  last_reading_at: NullableTimestamp;
  received_at: Timestamp;
  assigned_to: string | null;
  escalation_level: Generated<number>;
  escalate_at: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  resolution_note: string | null;
  resolution_action: AlertResolutionColumn | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export type AlertEventKindColumn =
  'created' | 'folded' | 'assigned' | 'escalated' | 'acknowledged' | 'resolved' | 'patient-notified';

export interface AlertEventsTable {
  id: string;
  alert_id: string;
  org_id: string;
  kind: AlertEventKindColumn;
  actor_id: string | null;
  detail: string | null;
  at: Timestamp;
}

export interface MonitoringStatusTable {
  patient_id: string;
  org_id: string;
  last_reading_at: NullableTimestamp;
  last_by_type: ColumnType<unknown, string | undefined, string>;
  bp_readings: Generated<number>;
  bp_systolic_mean: number | null;
  bp_diastolic_mean: number | null;
  bp_in_target_percent: number | null;
  glucose_readings: Generated<number>;
  glucose_mean: number | null;
  glucose_in_range_percent: number | null;
  updated_at: Timestamp;
  /** Migration 009. */
  computed_at: NullableTimestamp;
}

export interface MonitoringImportsTable {
  id: string;
  org_id: string;
  patient_id: string;
  kind: 'apple-health';
  file_name: string;
  /** bigint: read back as a string. */
  size_bytes: ColumnType<string, number, number>;
  part_size: number;
  parts_received: Generated<number[]>;
  status: Generated<'uploading' | 'queued' | 'running' | 'done' | 'failed'>;
  bytes_processed: ColumnType<string, number | undefined, number>;
  stored: Generated<number>;
  duplicates: Generated<number>;
  rejected: Generated<number>;
  problems: Generated<unknown>;
  by_type: Generated<unknown>;
  error: string | null;
  created_by: string;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface MonitoringTables {
  devices: DevicesTable;
  monitoring_plans: MonitoringPlansTable;
  monitoring_rule_overrides: MonitoringRuleOverridesTable;
  monitoring_settings: MonitoringSettingsTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  monitoring_status: MonitoringStatusTable;
  monitoring_imports: MonitoringImportsTable;
}
