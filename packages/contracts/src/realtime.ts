import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';
import { AlertSeverity, AlertStatus, ReadingType } from './monitoring.ts';

// Events pushed over Socket.IO (namespaces /console and /patient). Each carries the id and version of what
// changed, so a client that missed events while disconnected fetches the full state over HTTP.

export const AlertChangedEvent = z.object({
  type: z.enum(['alerts.alert.created', 'alerts.alert.updated']),
  id: Uuid,
  version: z.number().int(),
  patientId: Uuid,
  severity: AlertSeverity,
  status: AlertStatus,
  /** When the reading behind the alert reached the server: clients measure delivery latency from it. */
  receivedAt: IsoDateTime.optional(),
  at: IsoDateTime,
});
export type AlertChangedEvent = z.infer<typeof AlertChangedEvent>;

export const ReadingsStoredEvent = z.object({
  type: z.literal('monitoring.readings.stored'),
  patientId: Uuid,
  count: z.number().int(),
  types: z.array(ReadingType),
  latestAt: IsoDateTime,
  at: IsoDateTime,
});
export type ReadingsStoredEvent = z.infer<typeof ReadingsStoredEvent>;

export const NotificationCreatedEvent = z.object({
  type: z.literal('notifications.notification.created'),
  id: Uuid,
  at: IsoDateTime,
});
export type NotificationCreatedEvent = z.infer<typeof NotificationCreatedEvent>;

export const RealtimeEvent = z.discriminatedUnion('type', [
  AlertChangedEvent,
  ReadingsStoredEvent,
  NotificationCreatedEvent,
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;
export type RealtimeEventType = RealtimeEvent['type'];
