import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Tables of the consultations module (migration 010). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ConsultationStatusColumn =
  'requested' | 'accepted' | 'active' | 'closed' | 'declined' | 'expired' | 'cancelled';

export interface ConsultationSettingsTable {
  org_id: string;
  follow_up_days: Generated<number>;
  request_expiry_hours: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ConsultationsTable {
  id: string;
  org_id: string;
  patient_id: string;
  requested_by: string;
  doctor_account_id: string | null;
  department_id: string | null;
  status: ConsultationStatusColumn;
  chief_complaint: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  ended_at: NullableTimestamp;
  ended_by: string | null;
  end_reason: string | null;
  follow_up_until: NullableTimestamp;
  care_until: NullableTimestamp;
  diagnoses: JSONColumnType<{ code: string; display: string }[] | null, string | null, string | null>;
  advice: string | null;
  follow_up_interval_days: number | null;
  encounter_id: string | null;
  rating_stars: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  last_seq: Generated<string>;
  last_message_at: NullableTimestamp;
  version: Generated<number>;
}

export interface ConsultationParticipantsTable {
  consultation_id: string;
  account_id: string;
  role: 'patient' | 'doctor' | 'guest';
  added_by: string | null;
  added_at: Timestamp;
  removed_at: NullableTimestamp;
  last_delivered_seq: Generated<string>;
  last_read_seq: Generated<string>;
}

export interface ConsultationAttachmentsTable {
  id: string;
  org_id: string;
  consultation_id: string;
  uploaded_by: string;
  kind: 'image' | 'voice' | 'file';
  content_type: string;
  size_bytes: number;
  file_name: string | null;
  duration_ms: number | null;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface ConsultationMessagesTable {
  id: string;
  org_id: string;
  consultation_id: string;
  seq: string;
  client_id: string | null;
  sender_account_id: string | null;
  sender_role: 'patient' | 'doctor' | 'guest' | 'system';
  kind: 'text' | 'image' | 'voice' | 'file' | 'event';
  body: string | null;
  attachment_id: string | null;
  event: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: Timestamp;
}

export interface ConsultationQuickRepliesTable {
  id: string;
  org_id: string;
  account_id: string | null;
  title: string;
  body: string;
  sort: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface ConsultationCallsTable {
  id: string;
  org_id: string;
  consultation_id: string;
  media: 'video' | 'audio';
  started_by: string;
  started_at: Timestamp;
  answered_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  end_reason: 'hangup' | 'declined' | 'missed' | 'failed' | null;
  in_call: Generated<string[]>;
}

export interface ConsultationsTables {
  consultation_settings: ConsultationSettingsTable;
  consultations: ConsultationsTable;
  consultation_participants: ConsultationParticipantsTable;
  consultation_attachments: ConsultationAttachmentsTable;
  consultation_messages: ConsultationMessagesTable;
  consultation_quick_replies: ConsultationQuickRepliesTable;
  consultation_calls: ConsultationCallsTable;
}
