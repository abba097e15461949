import type { ColumnType, Generated } from 'kysely';

// Tables of the notifications module (migrations 005, 007 and 011). The Database interface in schema.ts extends
// this one.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type NotificationKindColumn =
  | 'follow_up_task'
  | 'critical_value'
  | 'task_assigned'
  | 'report_ready'
  | 'monitoring_alert'
  | 'measurement_reminder'
  | 'consultation_message'
  | 'consultation_update'
  | 'call_incoming'
  | 'appointment_reminder'
  | 'appointment_update'
  | 'referral_update'
  | 'prescription_update'
  | 'prescription_review'
  | 'medication_order_update'
  | 'medication_reminder'
  | 'medication_reaction'
  | 'medication_refill';

export type NotificationCategoryColumn =
  'consultation' | 'appointment' | 'medication' | 'monitoring' | 'follow_up' | 'system';

export type DeliveryChannelColumn = 'push' | 'email' | 'sms' | 'wechat';
export type DeliveryStatusColumn = 'queued' | 'sent' | 'failed' | 'skipped';
export type UrgencyColumn = 'urgent' | 'normal';

export interface NotificationsTable {
  id: string;
  org_id: string | null;
  account_id: string;
  patient_id: string | null;
  kind: NotificationKindColumn;
  category: Generated<NotificationCategoryColumn>;
  urgency: Generated<UrgencyColumn>;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
  announced_at: NullableTimestamp;
}

export interface NotificationPreferencesTable {
  account_id: string;
  channels: ColumnType<Record<string, string[]>, string | undefined, string>;
  /** 'HH:MM:SS' as PostgreSQL returns a time. */
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
  wechat_open_id_enc: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PushSubscriptionsTable {
  id: string;
  account_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: Timestamp;
  last_success_at: NullableTimestamp;
}

export interface NotificationDeliveriesTable {
  id: string;
  notification_id: string;
  org_id: string | null;
  account_id: string;
  kind: NotificationKindColumn;
  category: NotificationCategoryColumn;
  urgency: UrgencyColumn;
  channel: DeliveryChannelColumn;
  status: Generated<DeliveryStatusColumn>;
  attempts: Generated<number>;
  due_at: Timestamp;
  next_attempt_at: Timestamp;
  enqueued_at: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppSecretsTable {
  name: string;
  public_value: string | null;
  secret_enc: string;
  created_at: Timestamp;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  push_subscriptions: PushSubscriptionsTable;
  notification_deliveries: NotificationDeliveriesTable;
  app_secrets: AppSecretsTable;
}
