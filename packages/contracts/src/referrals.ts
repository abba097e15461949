import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

// Referrals (module `referrals`, 转诊): a doctor refers a patient to another doctor, a department or another
// organization with a reason, an urgency and the parts of the record to share; the patient consents in the app;
// the receiver accepts, books and reports back. Routes under /api/v1/referrals.

export const ReferralStatus = z.enum([
  'awaiting_consent',
  'consented',
  'accepted',
  'booked',
  'completed',
  'declined',
  'withdrawn',
  'cancelled',
  'expired',
]);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

export const ReferralUrgency = z.enum(['routine', 'urgent', 'emergency']);
export type ReferralUrgency = z.infer<typeof ReferralUrgency>;

/** The record parts a referral may share: problems (active conditions), current medications, allergies, dated parts. */
export const ReferralSection = z.enum([
  'problems',
  'medications',
  'allergies',
  'observations',
  'encounters',
  'documents',
]);
export type ReferralSection = z.infer<typeof ReferralSection>;
export const REFERRAL_SECTIONS = ReferralSection.options;

/** The patient's consent: pending until they answer; given, refused, or withdrawn after being given. */
export const ReferralConsentState = z.enum(['pending', 'given', 'refused', 'withdrawn']);
export type ReferralConsentState = z.infer<typeof ReferralConsentState>;

export const ReferralEventType = z.enum([
  'created',
  'consented',
  'refused',
  'withdrawn',
  'accepted',
  'declined',
  'booked',
  'completed',
  'cancelled',
]);
export type ReferralEventType = z.infer<typeof ReferralEventType>;

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (s) => ![...s].some((ch) => ch !== '\n' && (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)),
      'control_characters',
    );

export const ReferralTargetInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('doctor'), orgId: Uuid, accountId: Uuid }),
  z.strictObject({ kind: z.literal('department'), orgId: Uuid, departmentId: Uuid }),
  z.strictObject({ kind: z.literal('organization'), orgId: Uuid }),
]);
export type ReferralTargetInput = z.infer<typeof ReferralTargetInput>;

export const CreateReferralBody = z
  .strictObject({
    patientId: Uuid,
    target: ReferralTargetInput,
    reason: Text(2000),
    urgency: ReferralUrgency.default('routine'),
    sections: z
      .array(ReferralSection)
      .max(REFERRAL_SECTIONS.length)
      .refine((s) => new Set(s).size === s.length, 'duplicate_section'),
    /** Dated parts (observations, encounters, documents) from and to these days; open when omitted. */
    windowFrom: IsoDate.nullable().optional(),
    windowTo: IsoDate.nullable().optional(),
  })
  .refine((b) => !b.windowFrom || !b.windowTo || b.windowFrom <= b.windowTo, {
    path: ['windowTo'],
    message: 'window_to_before_from',
  });
export type CreateReferralBody = z.input<typeof CreateReferralBody>;

export const ReferralVersionBody = z.strictObject({ version: z.number().int().min(1).optional() });
export const ReferralReasonBody = z.strictObject({ reason: Text(1000).optional() });
export const ReferralDeclineBody = z.strictObject({ reason: Text(1000) });
/**
 * Booking: a slot of the receiving organization's schedule (an appointment is made through scheduling), or a planned
 * date and a note where the visit was arranged by other means.
 */
export const ReferralBookBody = z
  .strictObject({
    slotId: Uuid.optional(),
    plannedAt: IsoDateTime.optional(),
    note: Text(1000).optional(),
  })
  .refine((b) => b.slotId !== undefined || b.plannedAt !== undefined, {
    path: ['slotId'],
    message: 'slot_or_planned_date_required',
  });
export type ReferralBookBody = z.infer<typeof ReferralBookBody>;
/** The receiver's report back; it also becomes an outpatient encounter in the patient's record. */
export const ReferralReportBody = z.strictObject({ outcome: Text(4000) });

const Person = z.object({ id: Uuid, name: z.string() });

export const ReferralEvent = z.object({
  type: ReferralEventType,
  by: Person.nullable(),
  at: IsoDateTime,
  note: z.string().nullable(),
});

export const Referral = z.object({
  id: Uuid,
  version: z.number().int(),
  status: ReferralStatus,
  urgency: ReferralUrgency,
  reason: z.string(),
  sections: z.array(ReferralSection),
  windowFrom: IsoDate.nullable(),
  windowTo: IsoDate.nullable(),
  patient: z.object({
    id: Uuid,
    name: z.string(),
    sex: z.enum(['male', 'female', 'other', 'unknown']),
    birthDate: IsoDate,
  }),
  from: z.object({
    orgId: Uuid,
    orgName: z.string(),
    departmentName: z.string().nullable(),
    doctor: Person,
  }),
  to: z.object({
    kind: z.enum(['doctor', 'department', 'organization']),
    orgId: Uuid,
    orgName: z.string(),
    departmentId: Uuid.nullable(),
    departmentName: z.string().nullable(),
    doctor: Person.nullable(),
  }),
  consent: z.object({ state: ReferralConsentState, by: Person.nullable(), at: IsoDateTime.nullable() }),
  acceptedBy: Person.nullable(),
  acceptedAt: IsoDateTime.nullable(),
  declineReason: z.string().nullable(),
  booking: z
    .object({
      appointmentId: Uuid.nullable(),
      plannedAt: IsoDateTime.nullable(),
      note: z.string().nullable(),
      at: IsoDateTime,
    })
    .nullable(),
  outcome: z
    .object({ text: z.string(), by: Person, at: IsoDateTime, encounterId: Uuid.nullable() })
    .nullable(),
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** The caller's side: the referring doctor, a receiver, or the patient (or a proxy). */
  role: z.enum(['referrer', 'receiver', 'patient']),
  /** Whether the caller may read the shared record now (receivers, under an active consent). */
  canReadRecord: z.boolean(),
  events: z.array(ReferralEvent),
});
export type Referral = z.infer<typeof Referral>;

export const ReferralListQuery = z.object({
  /** outbox: referrals I sent; inbox: referrals to me, my department or my organization; patient: mine. */
  view: z.enum(['outbox', 'inbox', 'patient']),
  patientId: Uuid.optional(),
  status: ReferralStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export const ReferralList = z.object({ items: z.array(Referral), nextCursor: z.string().nullable() });
export type ReferralList = z.infer<typeof ReferralList>;

/** Where a doctor can refer: every organization on the platform with its departments and doctors. */
export const ReferralTargets = z.object({
  orgs: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      own: z.boolean(),
      departments: z.array(z.object({ id: Uuid, name: z.string() })),
      doctors: z.array(
        z.object({ id: Uuid, name: z.string(), title: z.string().nullable(), departmentId: Uuid.nullable() }),
      ),
    }),
  ),
});
export type ReferralTargets = z.infer<typeof ReferralTargets>;

/** The shared record: exactly the consented sections (a section not consented is absent, not empty). */
export const ReferralRecord = z.object({
  referralId: Uuid,
  patient: z.object({
    name: z.string(),
    sex: z.enum(['male', 'female', 'other', 'unknown']),
    birthDate: IsoDate,
  }),
  sections: z.array(ReferralSection),
  windowFrom: IsoDate.nullable(),
  windowTo: IsoDate.nullable(),
  problems: z
    .array(
      z.object({
        icd10: z.string().nullable(),
        display: z.string(),
        clinicalStatus: z.string(),
        onsetDate: IsoDate.nullable(),
      }),
    )
    .optional(),
  medications: z
    .array(
      z.object({
        name: z.string(),
        dose: z.string().nullable(),
        route: z.string().nullable(),
        frequency: z.string().nullable(),
        startedOn: IsoDate.nullable(),
      }),
    )
    .optional(),
  allergies: z
    .array(
      z.object({
        substance: z.string(),
        category: z.string(),
        reaction: z.string().nullable(),
        severity: z.string(),
      }),
    )
    .optional(),
  observations: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        value: z.string(),
        unit: z.string().nullable(),
        flag: z.string().nullable(),
        effectiveAt: IsoDateTime,
      }),
    )
    .optional(),
  encounters: z
    .array(
      z.object({
        kind: z.string(),
        startedAt: IsoDateTime,
        department: z.string().nullable(),
        practitioner: z.string().nullable(),
        reason: z.string().nullable(),
        summary: z.string().nullable(),
      }),
    )
    .optional(),
  documents: z
    .array(
      z.object({
        kind: z.string(),
        title: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        documentDate: IsoDate.nullable(),
      }),
    )
    .optional(),
});
export type ReferralRecord = z.infer<typeof ReferralRecord>;
