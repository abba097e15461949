import type { ColumnType, Generated } from 'kysely';

// Tables of the scheduling module (migration 012). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns: read back as 'YYYY-MM-DD' (the pool's type parser), written as strings. */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
/** `time` columns: 'HH:MM:SS'. */
type TimeColumn = ColumnType<string, string, string>;

export type VisitModeColumn = 'in_person' | 'online';
export type AppointmentStatusColumn = 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
export type QueueStateColumn = 'waiting' | 'called' | 'in_consultation' | 'done' | 'skipped' | 'no_show';
export type WaitlistStatusColumn = 'waiting' | 'offered' | 'booked' | 'expired' | 'cancelled';

export interface SchedulingSettingsTable {
  org_id: string;
  cancel_cutoff_hours: Generated<number>;
  offer_window_minutes: Generated<number>;
  horizon_weeks: Generated<number>;
  check_in_before_minutes: Generated<number>;
  check_in_after_minutes: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ScheduleTemplatesTable {
  id: string;
  org_id: string;
  doctor_account_id: string;
  department_id: string | null;
  weekday: number;
  start_time: TimeColumn;
  end_time: TimeColumn;
  slot_minutes: number;
  capacity: number;
  mode: VisitModeColumn;
  fee_fen: number;
  valid_from: DateColumn;
  valid_until: NullableDate;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
  version: Generated<number>;
}

export interface ScheduleExceptionsTable {
  id: string;
  org_id: string;
  doctor_account_id: string;
  date: DateColumn;
  kind: 'off' | 'changed';
  template_id: string | null;
  start_time: TimeColumn | null;
  end_time: TimeColumn | null;
  slot_minutes: number | null;
  capacity: number | null;
  reason: string | null;
  cancelled_appointments: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface ScheduleSessionsTable {
  id: string;
  org_id: string;
  doctor_account_id: string;
  department_id: string | null;
  template_id: string | null;
  date: DateColumn;
  starts_at: Timestamp;
  ends_at: Timestamp;
  slot_minutes: number;
  capacity: number;
  mode: VisitModeColumn;
  fee_fen: number;
  status: Generated<'open' | 'cancelled'>;
  queue_seq: Generated<number>;
  queue_version: Generated<number>;
  created_at: Timestamp;
}

export interface SlotsTable {
  id: string;
  org_id: string;
  session_id: string;
  doctor_account_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  booked: Generated<number>;
  held: Generated<number>;
  status: Generated<'open' | 'closed'>;
}

export interface AppointmentsTable {
  id: string;
  org_id: string;
  patient_id: string;
  slot_id: string;
  session_id: string;
  doctor_account_id: string;
  visit_date: DateColumn;
  starts_at: Timestamp;
  status: AppointmentStatusColumn;
  booked_by: string;
  basis: string;
  rescheduled_from: string | null;
  waitlist_entry_id: string | null;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
  cancel_reason: string | null;
  checked_in_at: NullableTimestamp;
  checked_in_by: string | null;
  queue_state: QueueStateColumn | null;
  queue_number: number | null;
  called_at: NullableTimestamp;
  started_at: NullableTimestamp;
  done_at: NullableTimestamp;
  care_until: Timestamp;
  reminded_day_before_at: NullableTimestamp;
  reminded_two_hours_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface WaitlistEntriesTable {
  id: string;
  org_id: string;
  patient_id: string;
  doctor_account_id: string;
  visit_date: DateColumn;
  session_id: string | null;
  slot_id: string | null;
  requested_by: string;
  status: Generated<WaitlistStatusColumn>;
  offered_slot_id: string | null;
  offered_at: NullableTimestamp;
  offer_expires_at: NullableTimestamp;
  appointment_id: string | null;
  origin: Generated<'joined' | 'day_off'>;
  replaces_appointment_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchedulingTables {
  scheduling_settings: SchedulingSettingsTable;
  schedule_templates: ScheduleTemplatesTable;
  schedule_exceptions: ScheduleExceptionsTable;
  schedule_sessions: ScheduleSessionsTable;
  slots: SlotsTable;
  appointments: AppointmentsTable;
  waitlist_entries: WaitlistEntriesTable;
}
