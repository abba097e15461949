import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

// Notifications (module `notifications`): the in-app inbox, and delivery of the same notification by web push,
// email, SMS and WeChat according to each person's preferences and quiet hours.

export const NotificationKind = z.enum([
  'follow_up_task',
  'critical_value',
  'task_assigned',
  'report_ready',
  'monitoring_alert',
  'measurement_reminder',
  'consultation_message',
  'consultation_update',
  'call_incoming',
  'appointment_reminder',
  'appointment_update',
  'referral_update',
  'prescription_update',
  'prescription_review',
  'medication_order_update',
  'medication_reminder',
  'medication_reaction',
  'medication_refill',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** What a person chooses channels for; every kind belongs to one (a caller may name another). */
export const NotificationCategory = z.enum([
  'consultation',
  'appointment',
  'medication',
  'monitoring',
  'follow_up',
  'system',
]);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

/** Channels beside the in-app inbox, which always receives every notification. */
export const DeliveryChannel = z.enum(['push', 'email', 'sms', 'wechat']);
export type DeliveryChannel = z.infer<typeof DeliveryChannel>;

export const DeliveryStatus = z.enum(['queued', 'sent', 'failed', 'skipped']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const AppNotification = z.object({
  id: Uuid,
  kind: NotificationKind,
  category: NotificationCategory,
  urgent: z.boolean(),
  /** In the request's language. */
  title: z.string(),
  body: z.string(),
  /** An app-relative link, e.g. `/records/checkups/<id>` in the patient app or `/patients/<id>` in the console. */
  link: z.string().nullable(),
  patientId: Uuid.nullable(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.nullable(),
});
export type AppNotification = z.infer<typeof AppNotification>;

export const NotificationList = z.object({
  items: z.array(AppNotification),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).optional(),
});

/** 'HH:MM', 00:00 to 23:59. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (00:00-23:59)');

export const QuietHours = z
  .strictObject({ start: ClockTime, end: ClockTime })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });
export type QuietHours = z.infer<typeof QuietHours>;

/** Channels per category; every category is present in answers, a PUT may name only those it changes. */
export const CategoryChannels = z.partialRecord(NotificationCategory, z.array(DeliveryChannel).max(4));

export const NotificationPreferences = z.object({
  channels: z.record(NotificationCategory, z.array(DeliveryChannel)),
  /** Null: no quiet hours. Urgent clinical alerts are delivered during them; others wait until they end. */
  quietHours: QuietHours.nullable(),
  /** The IANA time zone of the quiet hours (the organization's when not chosen). */
  timeZone: z.string(),
  /** Channels this account can be reached on at all (an email address, a phone, a push subscription...). */
  reachable: z.record(DeliveryChannel, z.boolean()),
  version: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const NotificationPreferencesUpdate = z.strictObject({
  channels: CategoryChannels.optional(),
  quietHours: QuietHours.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
  /** The version read; a stale one gets 409. */
  version: z.number().int().min(0),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;

const Base64Url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'expected base64url')
    .refine(
      (v) => Math.floor((v.replace(/=+$/, '').length * 6) / 8) === bytes,
      `expected ${bytes} bytes (base64url)`,
    );

/** A browser's PushSubscription.toJSON(). */
export const PushSubscriptionInput = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    /** The browser's P-256 public key, uncompressed point (65 bytes). */
    p256dh: Base64Url(65),
    /** The 16-byte authentication secret. */
    auth: Base64Url(16),
  }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionInput>;

export const PushSubscriptionRemove = z.strictObject({ endpoint: z.url().max(2000) });

export const PushSubscriptionSaved = z.object({ id: Uuid, createdAt: IsoDateTime });

export const VapidPublicKey = z.object({ publicKey: z.string() });

export const DeliveryLogItem = z.object({
  id: Uuid,
  notificationId: Uuid,
  accountId: Uuid,
  kind: NotificationKind,
  category: NotificationCategory,
  urgent: z.boolean(),
  channel: DeliveryChannel,
  status: DeliveryStatus,
  attempts: z.number().int(),
  /** An error code (smtp_550, push_http_500, timeout...), never an address or message text. */
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
  /** When the delivery may go out (later than createdAt when quiet hours delayed it). */
  dueAt: IsoDateTime,
  sentAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});
export type DeliveryLogItem = z.infer<typeof DeliveryLogItem>;

export const DeliveryLog = z.object({ items: z.array(DeliveryLogItem), nextCursor: z.string().nullable() });
export type DeliveryLog = z.infer<typeof DeliveryLog>;

export const DeliveryLogQuery = z.object({
  status: DeliveryStatus.optional(),
  channel: DeliveryChannel.optional(),
  kind: NotificationKind.optional(),
  accountId: Uuid.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type DeliveryLogQuery = z.infer<typeof DeliveryLogQuery>;
