import type { ColumnType, Generated } from 'kysely';
import type { RecordsTables } from './schema-records.ts';
import type { CheckupsTables } from './schema-checkups.ts';
import type { FollowupTables } from './schema-followup.ts';
import type { MonitoringTables } from './schema-monitoring.ts';
import type { NotificationsTables } from './schema-notifications.ts';
import type { ConsultationsTables } from './schema-consultations.ts';
import type { SchedulingTables } from './schema-scheduling.ts';
import type { ReferralsTables } from './schema-referrals.ts';
import type { TriageTables } from './schema-triage.ts';
import type { PharmacyTables } from './schema-pharmacy.ts';
import type { MedicationTables } from './schema-medication.ts';

/** Timestamps come back as Date and go in as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OrgsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  time_zone: Generated<string>;
  settings: Generated<unknown>;
  created_at: Timestamp;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface AccountsTable {
  id: string;
  kind: 'patient' | 'staff';
  display_name: string;
  email: string | null;
  phone_enc: string | null;
  phone_bidx: string | null;
  password_hash: string | null;
  locale: 'zh-CN' | 'en-US' | null;
  elder_mode: Generated<boolean>;
  is_platform_admin: Generated<boolean>;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  mfa_secret_enc: string | null;
  mfa_pending_secret_enc: string | null;
  mfa_enabled: Generated<boolean>;
  mfa_exempt: Generated<boolean>;
  mfa_last_step: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: string;
  org_id: string;
  account_id: string;
  roles: string[];
  department_id: string | null;
  title: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  csrf_token: string;
  account_id: string;
  org_id: string | null;
  mfa_state: 'ok' | 'required' | 'enrolment_required';
  user_agent: string | null;
  ip: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface MfaRecoveryCodesTable {
  id: string;
  account_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface OneTimeCodesTable {
  id: string;
  purpose: 'sms_login' | 'register' | 'password_reset';
  target_bidx: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  account_id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  roles: string[];
  department_id: string | null;
  title: string | null;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
}

export interface PatientsTable {
  id: string;
  org_id: string;
  mrn: string;
  name: string;
  name_search: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  birth_date: ColumnType<string, string, string>;
  national_id_enc: string | null;
  national_id_bidx: string | null;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_last4: string | null;
  address_enc: string | null;
  emergency_contact_enc: string | null;
  insurance: unknown;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
}

export interface PatientLinksTable {
  id: string;
  org_id: string;
  account_id: string;
  patient_id: string;
  relationship: string;
  created_at: Timestamp;
  removed_at: NullableTimestamp;
}

export interface ProxyGrantsTable {
  id: string;
  org_id: string;
  patient_id: string;
  grantee_account_id: string;
  scopes: string[];
  expires_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface CareTeamTable {
  id: string;
  org_id: string;
  patient_id: string;
  staff_account_id: string;
  role: string;
  added_by: string | null;
  created_at: Timestamp;
  removed_at: NullableTimestamp;
}

export interface BreakGlassTable {
  id: string;
  org_id: string;
  patient_id: string;
  staff_account_id: string;
  reason: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface IdempotencyKeysTable {
  key: string;
  account_id: string;
  method: string;
  path: string;
  status: number;
  body: unknown;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  seq: Generated<string>;
  id: string;
  xid: Generated<string>;
  org_id: string | null;
  at: Timestamp;
  actor_account_id: string | null;
  actor_kind: string | null;
  action: string;
  patient_id: string | null;
  resource_type: string;
  resource_id: string | null;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  detail: unknown;
}

export interface AuditBlocksTable {
  block_no: string;
  xid_from: string;
  xid_to: string;
  entry_count: number;
  first_seq: string | null;
  last_seq: string | null;
  prev_hash: string;
  hash: string;
  sealed_at: Timestamp;
}

export interface OutboundMessagesTable {
  id: string;
  channel: 'sms' | 'email' | 'wechat';
  recipient_bidx: string;
  recipient_hint: string | null;
  template: string;
  body: string;
  created_at: Timestamp;
}

export interface Database
  extends
    RecordsTables,
    CheckupsTables,
    FollowupTables,
    MonitoringTables,
    NotificationsTables,
    SchedulingTables,
    ConsultationsTables,
    ReferralsTables,
    TriageTables,
    PharmacyTables,
    MedicationTables {
  orgs: OrgsTable;
  departments: DepartmentsTable;
  accounts: AccountsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  one_time_codes: OneTimeCodesTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  patients: PatientsTable;
  patient_links: PatientLinksTable;
  proxy_grants: ProxyGrantsTable;
  care_team: CareTeamTable;
  break_glass: BreakGlassTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  audit_blocks: AuditBlocksTable;
  outbound_messages: OutboundMessagesTable;
}
