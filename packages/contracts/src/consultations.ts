import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';
import { Icd10CodeText } from './records.ts';

// Online consultations (module `consultations`): a patient (or a proxy with the consult scope) asks a doctor or a
// department pool; doctors take requests from a queue; text, images, voice notes and files are messages numbered
// per consultation (`seq`), so a client that reconnects asks for everything after the last number it holds.

export const ConsultationStatus = z.enum([
  'requested',
  'accepted',
  'active',
  'closed',
  'declined',
  'expired',
  'cancelled',
]);
export type ConsultationStatus = z.infer<typeof ConsultationStatus>;

export const ParticipantRole = z.enum(['patient', 'doctor', 'guest']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const MessageKind = z.enum(['text', 'image', 'voice', 'file', 'event']);
export type MessageKind = z.infer<typeof MessageKind>;

export const AttachmentKind = z.enum(['image', 'voice', 'file']);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/** Free text a person typed: trimmed, no control characters but newlines and tabs. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (s) =>
        ![...s].some(
          (ch) => ch !== '\n' && ch !== '\t' && (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
        ),
      'control_characters',
    );

export const MESSAGE_MAX_CHARS = 4000;

export const OpenConsultationBody = z
  .object({
    patientId: Uuid,
    /** A chosen doctor, or a department's pool (whoever of its doctors accepts first). */
    doctorId: Uuid.optional(),
    departmentId: Uuid.optional(),
    chiefComplaint: Text(2000),
  })
  .refine((b) => b.doctorId !== undefined || b.departmentId !== undefined, {
    message: 'doctor_or_department_required',
    path: ['doctorId'],
  });
export type OpenConsultationBody = z.infer<typeof OpenConsultationBody>;

export const PersonRef = z.object({ id: Uuid, name: z.string() });
export const DepartmentRef = z.object({ id: Uuid, name: z.string() });

export const ConsultationSummaryForm = z.object({
  diagnoses: z
    .array(z.object({ code: Icd10CodeText }))
    .min(1)
    .max(5),
  advice: Text(4000),
  /** Come back (or be followed up) after this many days; omitted when no follow-up is needed. */
  followUpIntervalDays: z.number().int().min(1).max(365).nullable().optional(),
  version: z.number().int().min(1),
});
export type ConsultationSummaryForm = z.infer<typeof ConsultationSummaryForm>;

export const CodedDiagnosis = z.object({ code: z.string(), display: z.string() });

export const Consultation = z.object({
  id: Uuid,
  patient: z.object({
    id: Uuid,
    name: z.string(),
    sex: z.enum(['male', 'female', 'other', 'unknown']),
    ageYears: z.number().int(),
  }),
  doctor: PersonRef.extend({ title: z.string().nullable() }).nullable(),
  department: DepartmentRef.nullable(),
  status: ConsultationStatus,
  chiefComplaint: z.string(),
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  acceptedAt: IsoDateTime.nullable(),
  endedAt: IsoDateTime.nullable(),
  endReason: z.string().nullable(),
  /** Follow-up questions are taken until then (closed consultations). */
  followUpUntil: IsoDateTime.nullable(),
  lastSeq: z.number().int(),
  lastMessageAt: IsoDateTime.nullable(),
  /** The newest message that is not an event line, for list rows (text cut to 80 characters). */
  lastMessage: z
    .object({
      kind: z.enum(['text', 'image', 'voice', 'file']),
      preview: z.string().nullable(),
      senderRole: z.enum(['patient', 'doctor', 'guest', 'system']),
    })
    .nullable(),
  /** Messages from the other side after the caller's last read one. */
  unreadCount: z.number().int(),
  /** The caller's part: who they are in it, and whether they may send a message now. */
  myRole: ParticipantRole.nullable(),
  canMessage: z.boolean(),
  summary: z
    .object({
      diagnoses: z.array(CodedDiagnosis),
      advice: z.string(),
      followUpIntervalDays: z.number().int().nullable(),
      encounterId: Uuid.nullable(),
    })
    .nullable(),
  rating: z
    .object({ stars: z.number().int(), comment: z.string().nullable(), ratedAt: IsoDateTime })
    .nullable(),
  /** Receipts of the other side: the highest message number delivered to / read by them. */
  peerDeliveredSeq: z.number().int(),
  peerReadSeq: z.number().int(),
  version: z.number().int(),
});
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationList = z.object({ items: z.array(Consultation), nextCursor: z.string().nullable() });
export type ConsultationList = z.infer<typeof ConsultationList>;

export const ConsultationListQuery = z.object({
  /** Patients: open (requested/accepted/active) or past. Staff: waiting (their queue), mine (open), past. */
  view: z.enum(['waiting', 'open', 'mine', 'past']).default('open'),
  patientId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const Attachment = z.object({
  id: Uuid,
  kind: AttachmentKind,
  contentType: z.string(),
  sizeBytes: z.number().int(),
  fileName: z.string().nullable(),
  durationMs: z.number().int().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

/** What an `event` message says happened: status changes and calls, in the conversation's own order. */
export const ConsultationEvent = z.object({
  type: z.enum([
    'requested',
    'accepted',
    'declined',
    'cancelled',
    'expired',
    'closed',
    'reopened_for_follow_up',
    'rated',
    'call_started',
    'call_ended',
    'call_missed',
    'guest_added',
  ]),
  by: PersonRef.nullable().optional(),
  callId: Uuid.optional(),
  media: z.enum(['video', 'audio']).optional(),
  durationSeconds: z.number().int().optional(),
  reason: z.string().optional(),
});
export type ConsultationEvent = z.infer<typeof ConsultationEvent>;

export const ConsultationMessage = z.object({
  id: Uuid,
  consultationId: Uuid,
  seq: z.number().int(),
  clientId: z.string().nullable(),
  sender: PersonRef.nullable(),
  senderRole: z.enum(['patient', 'doctor', 'guest', 'system']),
  kind: MessageKind,
  /** Plain text as typed; clients render it as text (escaped), never as HTML. */
  body: z.string().nullable(),
  attachment: Attachment.nullable(),
  event: ConsultationEvent.nullable(),
  createdAt: IsoDateTime,
});
export type ConsultationMessage = z.infer<typeof ConsultationMessage>;

export const MessagesQuery = z.object({
  /** Messages after this number, oldest first (a reconnecting client passes the last one it has). */
  after: z.coerce.number().int().min(0).optional(),
  /** Messages before this number, newest first (scrolling back). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const MessagePage = z.object({
  items: z.array(ConsultationMessage),
  /** Whether more messages lie beyond this page in the direction asked. */
  hasMore: z.boolean(),
});
export type MessagePage = z.infer<typeof MessagePage>;

/** The sender's own id for a message: a resend with the same id returns the stored message, never a second one. */
export const ClientMessageId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const SendMessageBody = z
  .object({
    clientId: ClientMessageId,
    kind: z.enum(['text', 'image', 'voice', 'file']),
    body: Text(MESSAGE_MAX_CHARS).optional(),
    attachmentId: Uuid.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'text' && b.body === undefined)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['body'] });
    if (b.kind !== 'text' && b.attachmentId === undefined)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['attachmentId'] });
  });
export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const ReceiptBody = z.object({
  /** Everything up to this message number has reached the caller's device / been read. */
  seq: z.number().int().min(0),
});

export const AcceptBody = z.object({ version: z.number().int().min(1).optional() });
export const DeclineBody = z.object({ reason: Text(500) });
export const CancelBody = z.object({ reason: Text(500).optional() });
export const RatingBody = z.object({
  stars: z.number().int().min(1).max(5),
  comment: Text(500).optional(),
});

export const QuickReply = z.object({
  id: Uuid,
  title: z.string(),
  body: z.string(),
  /** Organization templates are shared; the doctor's own replies are theirs to edit. */
  shared: z.boolean(),
  sort: z.number().int(),
});
export type QuickReply = z.infer<typeof QuickReply>;
export const QuickReplyBody = z.object({
  title: Text(60),
  body: Text(1000),
  shared: z.boolean().default(false),
  sort: z.number().int().min(0).max(10_000).default(0),
});

export const DoctorCard = z.object({
  id: Uuid,
  name: z.string(),
  title: z.string().nullable(),
  department: DepartmentRef.nullable(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
});
export type DoctorCard = z.infer<typeof DoctorCard>;

export const DoctorProfile = DoctorCard.extend({
  consultationsClosed: z.number().int(),
  reviews: z.array(z.object({ stars: z.number().int(), comment: z.string().nullable(), at: IsoDateTime })),
});
export type DoctorProfile = z.infer<typeof DoctorProfile>;

/** Whom a patient can consult: departments with their doctors. */
export const ConsultTargets = z.object({
  departments: z.array(DepartmentRef.extend({ doctors: z.array(DoctorCard) })),
});
export type ConsultTargets = z.infer<typeof ConsultTargets>;

export const ConsultationSettings = z.object({
  followUpDays: z.number().int().min(0).max(90),
  requestExpiryHours: z.number().int().min(1).max(720),
});
export type ConsultationSettings = z.infer<typeof ConsultationSettings>;

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export const CallConfig = z.object({ iceServers: z.array(IceServer) });
export type CallConfig = z.infer<typeof CallConfig>;

export const AddGuestBody = z.object({ accountId: Uuid });
export const InvitablePerson = z.object({
  accountId: Uuid,
  name: z.string(),
  kind: z.enum(['doctor', 'family']),
  detail: z.string().nullable(),
});
export const InvitableList = z.object({ items: z.array(InvitablePerson) });
