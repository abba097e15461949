import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

// Scheduling (module `scheduling`, 预约挂号): doctors' weekly schedule templates and exceptions become sessions
// (one doctor, one date, one block of time) cut into slots; patients (or a proxy with the `book` scope) book a slot;
// a waitlist offers freed places; arrivals check in and wait in a live queue per session.
//
// Routes (all under /api/v1; P = patient account, S = any staff of the org, D/N/A = doctor/nurse/org_admin):
//   GET    /scheduling/settings                          S     the org's cut-off, offer window, check-in window
//   PUT    /scheduling/settings                          A     change them
//   GET    /scheduling/templates?doctorId=               S     weekly templates (a doctor's, or the org's)
//   POST   /scheduling/templates                         D,A   new template (a doctor only for themself); 409/422 on overlap
//   PUT    /scheduling/templates/:id                     D,A   change (body carries version); future sessions without bookings follow
//   DELETE /scheduling/templates/:id                     D,A   retire; future sessions without bookings go
//   GET    /scheduling/exceptions?doctorId=&from=&to=    S     days off and changed sessions
//   POST   /scheduling/exceptions                        D,A   a day off (bookings cancelled, patients told) or a changed session
//   DELETE /scheduling/exceptions/:id                     D,A   withdraw an exception (sessions regenerate)
//   GET    /scheduling/day?date=&doctorId=               S     day view: sessions with their appointments and queue
//   GET    /scheduling/doctors/:id/slots?from=&to=        signed-in  a doctor's bookable slots (patients and staff)
//   GET    /scheduling/doctors/:id/next-free?limit=       signed-in  the next free slots (triage's "next free slots")
//   GET    /scheduling/next-free?departmentId=&limit=     signed-in  next free slots of a department's doctors
//   POST   /appointments                                 P     book {patientId, slotId} (Idempotency-Key)
//   GET    /appointments?patientId=&view=upcoming|past   P     my appointments (own profiles and proxies with book)
//   GET    /appointments/:id                             signed-in  one appointment (patient side or the org's staff)
//   POST   /appointments/:id/cancel                      signed-in  cancel (patients: before the cut-off)
//   POST   /appointments/:id/reschedule                  P     move to another slot of the same org (before the cut-off)
//   POST   /appointments/:id/check-in                    signed-in  patient on arrival (check-in window) or staff at the desk
//   GET    /appointments/:id/queue                       P     my place in the session's queue, estimated wait
//   POST   /appointments/:id/queue-action                D,N,A call | start | done | skip | requeue | no_show
//   GET    /scheduling/sessions/:id/queue                S     the session's live queue (console)
//   POST   /scheduling/sessions/:id/call-next            D,N,A call the next waiting patient
//   POST   /scheduling/waitlist                          P     join the waitlist of a slot, a session or a doctor's day
//   GET    /scheduling/waitlist?patientId=               P     my waitlist entries and offers
//   POST   /scheduling/waitlist/:id/accept               P     take an offered place (first within the window wins)
//   POST   /scheduling/waitlist/:id/cancel               P     leave the waitlist (or decline an offer)
//   GET    /scheduling/patients/:id/no-shows             S     a patient's no-show count
//
// Realtime: `scheduling.queue.updated` {sessionId, version} to the session's patients (patient namespace) and the
// org (console) after every queue change; clients then GET the queue.

export const VisitMode = z.enum(['in_person', 'online']);
export type VisitMode = z.infer<typeof VisitMode>;

/** "HH:MM" on a 24-hour clock, in the organization's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_hh_mm');

export const AppointmentStatus = z.enum(['booked', 'checked_in', 'completed', 'cancelled', 'no_show']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const QueueState = z.enum(['waiting', 'called', 'in_consultation', 'done', 'skipped', 'no_show']);
export type QueueState = z.infer<typeof QueueState>;

export const WaitlistStatus = z.enum(['waiting', 'offered', 'booked', 'expired', 'cancelled']);
export type WaitlistStatus = z.infer<typeof WaitlistStatus>;

export const SchedulingSettings = z.object({
  /** Patients may cancel or reschedule until this many hours before the visit. */
  cancelCutoffHours: z.number().int().min(0).max(168),
  /** Minutes a waitlisted patient has to take an offered place. */
  offerWindowMinutes: z.number().int().min(5).max(1440),
  /** How far ahead sessions and slots are generated. */
  horizonWeeks: z.number().int().min(1).max(12),
  /** Patients check themselves in from this many minutes before their slot until this many after. */
  checkInBeforeMinutes: z.number().int().min(0).max(240),
  checkInAfterMinutes: z.number().int().min(0).max(240),
});
export type SchedulingSettings = z.infer<typeof SchedulingSettings>;

const Ref = z.object({ id: Uuid, name: z.string() });

export const ScheduleTemplateBody = z
  .object({
    doctorId: Uuid,
    departmentId: Uuid.nullable().optional(),
    /** ISO weekday: 1 = Monday ... 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: LocalTime,
    endTime: LocalTime,
    slotMinutes: z.number().int().min(5).max(240),
    capacity: z.number().int().min(1).max(100),
    mode: VisitMode,
    /** The fee in CNY fen (1 yuan = 100 fen). */
    feeFen: z.number().int().min(0).max(10_000_000),
    validFrom: IsoDate.optional(),
    validUntil: IsoDate.nullable().optional(),
  })
  .refine((b) => b.startTime < b.endTime, { message: 'end_before_start', path: ['endTime'] });
export type ScheduleTemplateBody = z.infer<typeof ScheduleTemplateBody>;

export const ScheduleTemplateUpdate = ScheduleTemplateBody.safeExtend({ version: z.number().int().min(1) });
export type ScheduleTemplateUpdate = z.infer<typeof ScheduleTemplateUpdate>;

export const ScheduleTemplate = z.object({
  id: Uuid,
  doctor: Ref,
  department: Ref.nullable(),
  weekday: z.number().int(),
  startTime: LocalTime,
  endTime: LocalTime,
  slotMinutes: z.number().int(),
  capacity: z.number().int(),
  mode: VisitMode,
  feeFen: z.number().int(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  version: z.number().int(),
  /**
   * In the answer to a change: coming sessions of the template that already have bookings and so keep their old
   * times (patients are never moved silently; a changed session or a day off moves them, with notice).
   */
  keptSessions: z.number().int().optional(),
});
export type ScheduleTemplate = z.infer<typeof ScheduleTemplate>;
export const ScheduleTemplateList = z.object({ items: z.array(ScheduleTemplate) });

export const ScheduleExceptionBody = z
  .object({
    doctorId: Uuid,
    date: IsoDate,
    /** off: no sessions that day (or only the template's one); changed: the template's session runs differently. */
    kind: z.enum(['off', 'changed']),
    templateId: Uuid.nullable().optional(),
    startTime: LocalTime.optional(),
    endTime: LocalTime.optional(),
    slotMinutes: z.number().int().min(5).max(240).optional(),
    capacity: z.number().int().min(1).max(100).optional(),
    reason: z.string().trim().max(200).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind !== 'changed') return;
    if (!b.templateId) ctx.addIssue({ code: 'custom', message: 'required', path: ['templateId'] });
    if (!b.startTime) ctx.addIssue({ code: 'custom', message: 'required', path: ['startTime'] });
    if (!b.endTime) ctx.addIssue({ code: 'custom', message: 'required', path: ['endTime'] });
    if (b.startTime && b.endTime && b.startTime >= b.endTime)
      ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endTime'] });
  });
export type ScheduleExceptionBody = z.infer<typeof ScheduleExceptionBody>;

export const ScheduleException = z.object({
  id: Uuid,
  doctorId: Uuid,
  date: IsoDate,
  kind: z.enum(['off', 'changed']),
  templateId: Uuid.nullable(),
  startTime: LocalTime.nullable(),
  endTime: LocalTime.nullable(),
  slotMinutes: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Appointments a day off cancelled (their patients were told). */
  cancelledAppointments: z.number().int(),
  /** In the answer to a new day off: of those patients, how many were offered a place held on another day. */
  offeredPlaces: z.number().int().optional(),
});
export type ScheduleException = z.infer<typeof ScheduleException>;
export const ScheduleExceptionList = z.object({ items: z.array(ScheduleException) });

export const Slot = z.object({
  id: Uuid,
  sessionId: Uuid,
  doctor: Ref,
  department: Ref.nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  mode: VisitMode,
  feeFen: z.number().int(),
  capacity: z.number().int(),
  booked: z.number().int(),
  /** Places free to book now (capacity less bookings and places held for waitlist offers). */
  free: z.number().int(),
  status: z.enum(['open', 'closed']),
});
export type Slot = z.infer<typeof Slot>;
export const SlotList = z.object({ items: z.array(Slot) });
export type SlotList = z.infer<typeof SlotList>;

export const SlotQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  /** Only slots with a free place (`false` lists full and closed ones too). */
  freeOnly: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export const NextFreeQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(5),
  mode: VisitMode.optional(),
});
export const DepartmentNextFreeQuery = NextFreeQuery.extend({ departmentId: Uuid });

export const BookBody = z.object({ patientId: Uuid, slotId: Uuid });
export type BookBody = z.infer<typeof BookBody>;
/** The desk books for a patient of its organization; `checkIn` checks a walk-in in at once (visit day only). */
export const DeskBookBody = z.strictObject({
  patientId: Uuid,
  slotId: Uuid,
  checkIn: z.boolean().default(false),
});
export type DeskBookBody = z.infer<typeof DeskBookBody>;
export const RescheduleBody = z.object({ slotId: Uuid, version: z.number().int().min(1) });
export const CancelAppointmentBody = z.object({
  reason: z.string().trim().max(500).optional(),
  version: z.number().int().min(1).optional(),
});
export const CheckInBody = z.object({ version: z.number().int().min(1).optional() });

export const Appointment = z.object({
  id: Uuid,
  patient: z.object({ id: Uuid, name: z.string() }),
  doctor: Ref.extend({ title: z.string().nullable() }),
  department: Ref.nullable(),
  sessionId: Uuid,
  slotId: Uuid,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  mode: VisitMode,
  feeFen: z.number().int(),
  status: AppointmentStatus,
  queueState: QueueState.nullable(),
  queueNumber: z.number().int().nullable(),
  checkedInAt: IsoDateTime.nullable(),
  cancelledAt: IsoDateTime.nullable(),
  cancelReason: z.string().nullable(),
  /** Until then the patient side may still cancel or reschedule (the org's cut-off). */
  changeableUntil: IsoDateTime,
  /** Patients may check themselves in within this window. */
  checkInOpensAt: IsoDateTime,
  checkInClosesAt: IsoDateTime,
  rescheduledFrom: Uuid.nullable(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentList = z.object({ items: z.array(Appointment), nextCursor: z.string().nullable() });
export type AppointmentList = z.infer<typeof AppointmentList>;
export const AppointmentListQuery = z.object({
  patientId: Uuid.optional(),
  view: z.enum(['upcoming', 'past']).default('upcoming'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const QueueEntry = z.object({
  appointmentId: Uuid,
  patient: z.object({ id: Uuid, name: z.string() }),
  queueNumber: z.number().int(),
  state: QueueState,
  slotStartsAt: IsoDateTime,
  checkedInAt: IsoDateTime,
  calledAt: IsoDateTime.nullable(),
  /** 1-based place among those waiting; null once called or out of the queue. */
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  noShowCount: z.number().int(),
  version: z.number().int(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const SessionQueue = z.object({
  sessionId: Uuid,
  doctor: Ref,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  /** Minutes per patient used for estimates: the session's average so far, else the slot length. */
  averageMinutes: z.number().int(),
  waiting: z.number().int(),
  entries: z.array(QueueEntry),
  version: z.number().int(),
});
export type SessionQueue = z.infer<typeof SessionQueue>;

/** What a patient sees of the queue: their own place, never other patients' names. */
export const MyQueuePosition = z.object({
  appointmentId: Uuid,
  sessionId: Uuid,
  queueNumber: z.number().int().nullable(),
  state: QueueState.nullable(),
  position: z.number().int().nullable(),
  ahead: z.number().int(),
  estimatedWaitMinutes: z.number().int().nullable(),
  /** The queue number now called in (shown on the waiting room screen). */
  nowServing: z.number().int().nullable(),
  version: z.number().int(),
});
export type MyQueuePosition = z.infer<typeof MyQueuePosition>;

export const QueueActionBody = z.object({
  action: z.enum(['call', 'start', 'done', 'skip', 'requeue', 'no_show']),
  version: z.number().int().min(1).optional(),
});
export type QueueActionBody = z.infer<typeof QueueActionBody>;

export const DaySession = z.object({
  id: Uuid,
  doctor: Ref,
  department: Ref.nullable(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  mode: VisitMode,
  slotMinutes: z.number().int(),
  capacity: z.number().int(),
  booked: z.number().int(),
  status: z.enum(['open', 'cancelled']),
  appointments: z.array(
    Appointment.pick({
      id: true,
      patient: true,
      slotId: true,
      startsAt: true,
      status: true,
      queueState: true,
      queueNumber: true,
      checkedInAt: true,
      version: true,
    }).extend({ noShowCount: z.number().int() }),
  ),
  queueVersion: z.number().int(),
});
export type DaySession = z.infer<typeof DaySession>;
export const DayView = z.object({ date: IsoDate, timeZone: z.string(), sessions: z.array(DaySession) });
export type DayView = z.infer<typeof DayView>;
export const DayQuery = z.object({ date: IsoDate, doctorId: Uuid.optional() });

export const WaitlistJoinBody = z
  .object({
    patientId: Uuid,
    /** Exactly one target: a slot, a session, or a doctor's day. */
    slotId: Uuid.optional(),
    sessionId: Uuid.optional(),
    doctorId: Uuid.optional(),
    date: IsoDate.optional(),
  })
  .superRefine((b, ctx) => {
    const targets = [b.slotId, b.sessionId, b.doctorId && b.date].filter(Boolean).length;
    if (targets !== 1) ctx.addIssue({ code: 'custom', message: 'one_target_required', path: ['slotId'] });
  });
export type WaitlistJoinBody = z.infer<typeof WaitlistJoinBody>;

export const WaitlistEntry = z.object({
  id: Uuid,
  patient: z.object({ id: Uuid, name: z.string() }),
  doctor: Ref,
  date: IsoDate,
  slotId: Uuid.nullable(),
  sessionId: Uuid.nullable(),
  status: WaitlistStatus,
  /** joined: the patient joined the waitlist; day_off: a place held for them after a day off cancelled their visit. */
  origin: z.enum(['joined', 'day_off']),
  /** While offered: the place held for this patient and until when. */
  offeredSlot: Slot.pick({ id: true, startsAt: true, endsAt: true }).nullable(),
  offerExpiresAt: IsoDateTime.nullable(),
  appointmentId: Uuid.nullable(),
  createdAt: IsoDateTime,
});
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;
export const WaitlistList = z.object({ items: z.array(WaitlistEntry) });
export const WaitlistQuery = z.object({ patientId: Uuid.optional() });

export const NoShowCount = z.object({ patientId: Uuid, noShows: z.number().int() });
