import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';
import { AlertSeverity, AlertStatus, ReadingType } from './monitoring.ts';
import { ConsultationMessage, ConsultationStatus, PersonRef } from './consultations.ts';
import { PrescriptionStatus } from './pharmacy.ts';

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

/** A message stored in a consultation, whole, so the recipient shows it at once (it is committed already). */
export const MessageCreatedEvent = z.object({
  type: z.literal('consultations.message.created'),
  id: Uuid,
  consultationId: Uuid,
  message: ConsultationMessage,
  at: IsoDateTime,
});
export type MessageCreatedEvent = z.infer<typeof MessageCreatedEvent>;

export const ConsultationChangedEvent = z.object({
  type: z.enum(['consultations.consultation.created', 'consultations.consultation.updated']),
  id: Uuid,
  version: z.number().int(),
  patientId: Uuid,
  status: ConsultationStatus,
  at: IsoDateTime,
});
export type ConsultationChangedEvent = z.infer<typeof ConsultationChangedEvent>;

/** A participant's receipts moved: messages up to deliveredSeq reached them, up to readSeq were read. */
export const ReceiptUpdatedEvent = z.object({
  type: z.literal('consultations.receipt.updated'),
  consultationId: Uuid,
  accountId: Uuid,
  deliveredSeq: z.number().int(),
  readSeq: z.number().int(),
  at: IsoDateTime,
});
export type ReceiptUpdatedEvent = z.infer<typeof ReceiptUpdatedEvent>;

export const TypingChangedEvent = z.object({
  type: z.literal('consultations.typing.changed'),
  consultationId: Uuid,
  accountId: Uuid,
  typing: z.boolean(),
  at: IsoDateTime,
});
export type TypingChangedEvent = z.infer<typeof TypingChangedEvent>;

export const CallState = z.enum(['ringing', 'active', 'ended']);
export type CallState = z.infer<typeof CallState>;

/** A call's state for everyone in the consultation: who rings, who is in it, when it ends. */
export const CallUpdatedEvent = z.object({
  type: z.literal('calls.call.updated'),
  id: Uuid,
  consultationId: Uuid,
  media: z.enum(['video', 'audio']),
  state: CallState,
  startedBy: PersonRef,
  inCall: z.array(Uuid),
  endReason: z.enum(['hangup', 'declined', 'missed', 'failed']).nullable(),
  at: IsoDateTime,
});
export type CallUpdatedEvent = z.infer<typeof CallUpdatedEvent>;

/** WebRTC signaling relayed from one call member to another (SDP offers/answers and ICE candidates). */
export const CallSignalData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), sdp: z.string().max(60_000) }),
  z.object({ type: z.literal('answer'), sdp: z.string().max(60_000) }),
  z.object({
    type: z.literal('candidate'),
    candidate: z.object({
      candidate: z.string().max(2000),
      sdpMid: z.string().max(64).nullable().optional(),
      sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
]);
export type CallSignalData = z.infer<typeof CallSignalData>;

export const CallSignalEvent = z.object({
  type: z.literal('calls.signal.received'),
  callId: Uuid,
  consultationId: Uuid,
  from: Uuid,
  data: CallSignalData,
  at: IsoDateTime,
});
export type CallSignalEvent = z.infer<typeof CallSignalEvent>;

/** A session's live queue changed (check-in, call, skip, done, no-show): clients fetch the queue over HTTP. */
export const QueueUpdatedEvent = z.object({
  type: z.literal('scheduling.queue.updated'),
  sessionId: Uuid,
  version: z.number().int(),
  at: IsoDateTime,
});
export type QueueUpdatedEvent = z.infer<typeof QueueUpdatedEvent>;

/**
 * A prescription of the organization was signed, revised, cancelled or reviewed: the console's review queue and the
 * prescriber's views fetch it over HTTP (the event names no patient or drug).
 */
export const PrescriptionChangedEvent = z.object({
  type: z.literal('pharmacy.prescription.changed'),
  id: Uuid,
  status: PrescriptionStatus,
  at: IsoDateTime,
});
export type PrescriptionChangedEvent = z.infer<typeof PrescriptionChangedEvent>;

export const RealtimeEvent = z.discriminatedUnion('type', [
  AlertChangedEvent,
  ReadingsStoredEvent,
  NotificationCreatedEvent,
  MessageCreatedEvent,
  ConsultationChangedEvent,
  ReceiptUpdatedEvent,
  TypingChangedEvent,
  CallUpdatedEvent,
  CallSignalEvent,
  QueueUpdatedEvent,
  PrescriptionChangedEvent,
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;
export type RealtimeEventType = RealtimeEvent['type'];
