import type { ColumnType, Generated } from 'kysely';

// Tables of the referrals module (migration 014). The Database interface in schema.ts extends this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column comes back as 'YYYY-MM-DD' (the pg type parser is set so in database.ts). */
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export type ReferralStatusColumn =
  | 'awaiting_consent'
  | 'consented'
  | 'accepted'
  | 'booked'
  | 'completed'
  | 'declined'
  | 'withdrawn'
  | 'cancelled'
  | 'expired';

export type ReferralConsentColumn = 'pending' | 'given' | 'refused' | 'withdrawn';

export type ReferralEventTypeColumn =
  | 'created'
  | 'consented'
  | 'refused'
  | 'withdrawn'
  | 'accepted'
  | 'declined'
  | 'booked'
  | 'completed'
  | 'cancelled';

export interface ReferralsTable {
  id: string;
  org_id: string;
  patient_id: string;
  referring_account_id: string;
  referring_department_id: string | null;
  target_kind: 'doctor' | 'department' | 'organization';
  target_org_id: string;
  target_department_id: string | null;
  target_account_id: string | null;
  reason: string;
  urgency: 'routine' | 'urgent' | 'emergency';
  sections: string[];
  window_from: NullableDate;
  window_to: NullableDate;
  status: ReferralStatusColumn;
  consent_state: Generated<ReferralConsentColumn>;
  consent_by: string | null;
  consent_at: NullableTimestamp;
  expires_at: Timestamp;
  accepted_by: string | null;
  accepted_at: NullableTimestamp;
  decline_reason: string | null;
  appointment_id: string | null;
  planned_at: NullableTimestamp;
  booking_note: string | null;
  booked_by: string | null;
  booked_at: NullableTimestamp;
  outcome: string | null;
  completed_by: string | null;
  completed_at: NullableTimestamp;
  encounter_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ReferralEventsTable {
  id: string;
  referral_id: string;
  org_id: string;
  type: ReferralEventTypeColumn;
  actor_account_id: string | null;
  note: string | null;
  at: Timestamp;
}

export interface ReferralsTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
}
