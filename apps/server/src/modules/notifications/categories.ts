import type { DeliveryChannel, NotificationCategory, NotificationKind } from '@careloop/contracts';

/** The category a kind falls in when the caller names none (what a person picks channels for). */
export const CATEGORY_OF_KIND: Record<NotificationKind, NotificationCategory> = {
  follow_up_task: 'follow_up',
  task_assigned: 'follow_up',
  report_ready: 'follow_up',
  critical_value: 'monitoring',
  monitoring_alert: 'monitoring',
  measurement_reminder: 'monitoring',
  consultation_message: 'consultation',
  consultation_update: 'consultation',
  call_incoming: 'consultation',
  appointment_reminder: 'appointment',
  appointment_update: 'appointment',
  referral_update: 'appointment',
  prescription_update: 'medication',
  prescription_review: 'medication',
  medication_order_update: 'medication',
  medication_reminder: 'medication',
  medication_reaction: 'medication',
  medication_refill: 'medication',
};

export const CATEGORIES: readonly NotificationCategory[] = [
  'consultation',
  'appointment',
  'medication',
  'monitoring',
  'follow_up',
  'system',
];

export const CHANNELS: readonly DeliveryChannel[] = ['push', 'email', 'sms', 'wechat'];

/**
 * Channels for a person who changed nothing. Push reaches only devices the person enabled, so it is on
 * everywhere; email for the slower categories; SMS and WeChat cost money per message and are chosen explicitly.
 */
export const DEFAULT_CHANNELS: Record<NotificationCategory, readonly DeliveryChannel[]> = {
  consultation: ['push'],
  appointment: ['push', 'email'],
  medication: ['push'],
  monitoring: ['push'],
  follow_up: ['push', 'email'],
  system: ['push', 'email'],
};

/** A person's channels for every category: their choices over the defaults. */
export function effectiveChannels(
  chosen: Partial<Record<string, readonly string[]>> | null | undefined,
): Record<NotificationCategory, DeliveryChannel[]> {
  const out = {} as Record<NotificationCategory, DeliveryChannel[]>;
  for (const category of CATEGORIES) {
    const own = chosen?.[category];
    const list = own ?? DEFAULT_CHANNELS[category];
    out[category] = CHANNELS.filter((c) => list.includes(c));
  }
  return out;
}
