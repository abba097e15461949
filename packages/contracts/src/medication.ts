import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

// Fulfilment, reminders and adherence (modules `pharmacy` fulfilment and `medication`): the patient orders an
// approved prescription for pickup or delivery and pays; the pharmacy dispenses and ships; doses are scheduled,
// reminded and marked; adherence is shown to the patient and the care team; reactions are reported and reviewed.

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

/** Local time of day, 'HH:MM' (24 h). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_of_day');

// ---- address book ----
export const PatientAddress = z.object({
  id: Uuid,
  patientId: Uuid,
  label: z.string().nullable(),
  recipient: z.string(),
  phone: z.string(),
  address: z.string(),
  isDefault: z.boolean(),
  version: z.number().int(),
});
export type PatientAddress = z.infer<typeof PatientAddress>;
export const PatientAddressList = z.object({ items: z.array(PatientAddress) });
export type PatientAddressList = z.infer<typeof PatientAddressList>;
export const PatientAddressInput = z.strictObject({
  label: Text(40).optional(),
  recipient: Text(60),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?\d[\d -]{5,18}\d)$/, 'phone'),
  address: Text(300),
  isDefault: z.boolean().optional(),
});
export type PatientAddressInput = z.input<typeof PatientAddressInput>;

// ---- orders ----
export const OrderStatus = z.enum([
  'created',
  'paid',
  'dispensed',
  'shipped',
  'delivered',
  'picked_up',
  'cancelled',
  'refunded',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const Fulfilment = z.enum(['pickup', 'delivery']);
export type Fulfilment = z.infer<typeof Fulfilment>;
export const ShipmentStatus = z.enum(['shipped', 'in_transit', 'out_for_delivery', 'delivered', 'failed']);
export type ShipmentStatus = z.infer<typeof ShipmentStatus>;

export const CreateOrderBody = z.strictObject({
  prescriptionId: Uuid,
  fulfilment: Fulfilment,
  /** From the patient's address book; required for delivery. */
  addressId: Uuid.optional(),
});
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

export const OrderItem = z.object({
  id: Uuid,
  prescriptionItemId: Uuid,
  drugId: Uuid,
  drugName: z.string(),
  quantity: z.number().int(),
  packageUnit: z.string().nullable(),
  unitPriceCents: z.number().int(),
  /** Pharmacists only: packages on hand and reserved now. */
  stock: z.object({ onHand: z.number().int(), reserved: z.number().int() }).nullable(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const ShipmentEvent = z.object({
  status: ShipmentStatus,
  description: z.string().nullable(),
  location: z.string().nullable(),
  occurredAt: IsoDateTime,
});
export type ShipmentEvent = z.infer<typeof ShipmentEvent>;

export const MedicationOrder = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  prescriptionId: Uuid,
  fulfilment: Fulfilment,
  /** Delivery address as ordered (the patient side and pharmacists; null for pickup). */
  address: z.object({ recipient: z.string(), phone: z.string(), address: z.string() }).nullable(),
  amountCents: z.number().int(),
  status: OrderStatus,
  items: z.array(OrderItem),
  payment: z
    .object({
      provider: z.string(),
      providerRef: z.string(),
      status: z.string(),
      amountCents: z.number().int(),
    })
    .nullable(),
  shipment: z
    .object({
      courier: z.string(),
      trackingNo: z.string(),
      status: ShipmentStatus,
      events: z.array(ShipmentEvent),
    })
    .nullable(),
  /** Each step's time, null until it happens. */
  steps: z.object({
    created: IsoDateTime,
    paid: IsoDateTime.nullable(),
    dispensed: IsoDateTime.nullable(),
    shipped: IsoDateTime.nullable(),
    delivered: IsoDateTime.nullable(),
    pickedUp: IsoDateTime.nullable(),
    cancelled: IsoDateTime.nullable(),
    refunded: IsoDateTime.nullable(),
  }),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
});
export type MedicationOrder = z.infer<typeof MedicationOrder>;
export const MedicationOrderList = z.object({ items: z.array(MedicationOrder) });
export type MedicationOrderList = z.infer<typeof MedicationOrderList>;

export const FulfilmentQueueQuery = z.object({
  status: z.enum(['paid', 'dispensed', 'shipped', 'done']).default('paid'),
});
export const OrderVersionBody = z.strictObject({ version: z.number().int().min(1) });
export const CancelOrderBody = z.strictObject({ version: z.number().int().min(1), reason: Text(500) });

export const PaymentStart = z.object({
  orderId: Uuid,
  provider: z.string(),
  providerRef: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'refunded']),
  amountCents: z.number().int(),
});
export type PaymentStart = z.infer<typeof PaymentStart>;

/** What a payment provider posts back (our dev transport signs the same shape). */
export const PaymentCallback = z.strictObject({
  providerRef: z.string().min(1).max(100),
  status: z.enum(['succeeded', 'failed']),
  amountCents: z.number().int().min(0),
  occurredAt: IsoDateTime,
});
export type PaymentCallback = z.infer<typeof PaymentCallback>;

export const CourierCallback = z.strictObject({
  trackingNo: z.string().min(1).max(60),
  eventId: z.string().min(1).max(100),
  status: ShipmentStatus,
  description: z.string().max(300).optional(),
  location: z.string().max(120).optional(),
  occurredAt: IsoDateTime,
});
export type CourierCallback = z.infer<typeof CourierCallback>;
export const CallbackAck = z.object({ ok: z.literal(true), duplicate: z.boolean() });

// ---- refills ----
export const RefillStatus = z.enum(['requested', 'renewed', 'declined']);
export const RefillRequest = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  prescriptionId: Uuid,
  drugNames: z.array(z.string()),
  note: z.string().nullable(),
  status: RefillStatus,
  renewalPrescriptionId: Uuid.nullable(),
  declineReason: z.string().nullable(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type RefillRequest = z.infer<typeof RefillRequest>;
export const RefillRequestList = z.object({ items: z.array(RefillRequest) });
export type RefillRequestList = z.infer<typeof RefillRequestList>;
export const CreateRefillBody = z.strictObject({ prescriptionId: Uuid, note: Text(500).optional() });
export const RenewRefillBody = z.strictObject({
  version: z.number().int().min(1),
  renewalPrescriptionId: Uuid,
});
export const DeclineRefillBody = z.strictObject({ version: z.number().int().min(1), reason: Text(500) });

// ---- schedules and doses ----
export const DoseStatus = z.enum(['pending', 'taken', 'late', 'skipped', 'missed']);
export type DoseStatus = z.infer<typeof DoseStatus>;

export const MedicationSchedule = z.object({
  id: Uuid,
  prescriptionItemId: Uuid,
  drugName: z.string(),
  dose: z.string(),
  frequency: z.string(),
  times: z.array(TimeOfDay),
  timeZone: z.string(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type MedicationSchedule = z.infer<typeof MedicationSchedule>;
export const MedicationScheduleList = z.object({ items: z.array(MedicationSchedule) });
export type MedicationScheduleList = z.infer<typeof MedicationScheduleList>;

export const StartSchedulesBody = z.strictObject({
  orderId: Uuid,
  /** Chosen local times per prescription item; the frequency's usual times otherwise. */
  times: z.record(z.string(), z.array(TimeOfDay).min(1).max(12)).optional(),
});
/** An IANA time zone the runtime knows, e.g. Asia/Shanghai or America/New_York. */
export const TimeZoneName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'unknown_time_zone');
export const UpdateScheduleBody = z.strictObject({
  version: z.number().int().min(1),
  times: z.array(TimeOfDay).min(1).max(12),
  /** The patient's own time zone (the phone's), when it is not the hospital's: the times are local to it. */
  timeZone: TimeZoneName.optional(),
});

export const DoseEvent = z.object({
  id: Uuid,
  scheduleId: Uuid,
  drugName: z.string(),
  dose: z.string(),
  dueAt: IsoDateTime,
  /** Local 'HH:MM' in the schedule's time zone. */
  localTime: TimeOfDay,
  status: DoseStatus,
  reason: z.string().nullable(),
  recordedAt: IsoDateTime.nullable(),
});
export type DoseEvent = z.infer<typeof DoseEvent>;
export const TodayDoses = z.object({ date: IsoDate, timeZone: z.string(), items: z.array(DoseEvent) });
export type TodayDoses = z.infer<typeof TodayDoses>;

export const RecordDoseBody = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('taken'), takenAt: IsoDateTime.optional() }),
  z.strictObject({ status: z.literal('skipped'), reason: Text(300) }),
]);
export type RecordDoseBody = z.infer<typeof RecordDoseBody>;

export const AdherenceQuery = z.object({
  /** The period: the last 7 or 30 days (30 when left out). */
  days: z.coerce
    .number()
    .int()
    .default(30)
    .refine((d) => d === 7 || d === 30, 'days_7_or_30'),
});
export const AdherenceFigures = z.object({
  /** (taken + late) / doses due, 0..1; null when nothing was due. */
  rate: z.number().nullable(),
  taken: z.number().int(),
  late: z.number().int(),
  skipped: z.number().int(),
  missed: z.number().int(),
});
export const Adherence = z.object({
  days: z.number().int(),
  from: IsoDate,
  to: IsoDate,
  overall: AdherenceFigures,
  perMedication: z.array(
    AdherenceFigures.extend({
      scheduleId: Uuid,
      drugName: z.string(),
      daily: z.array(z.number().nullable()),
    }),
  ),
  daily: z.array(AdherenceFigures.extend({ date: IsoDate })),
});
export type Adherence = z.infer<typeof Adherence>;

// ---- adverse reactions ----
export const ReactionSeverity = z.enum(['mild', 'moderate', 'severe']);
export const ReactionStatus = z.enum(['reported', 'reviewed', 'added_to_allergies', 'dismissed']);
export const ReportReactionBody = z.strictObject({
  prescriptionItemId: Uuid,
  symptoms: Text(1000),
  severity: ReactionSeverity,
  startedAt: IsoDateTime,
});
export const AdverseReaction = z.object({
  id: Uuid,
  patientId: Uuid,
  patientName: z.string(),
  prescriptionItemId: Uuid,
  drugName: z.string(),
  symptoms: z.string(),
  severity: ReactionSeverity,
  startedAt: IsoDateTime,
  status: ReactionStatus,
  reviewNote: z.string().nullable(),
  reviewedAt: IsoDateTime.nullable(),
  allergyId: Uuid.nullable(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type AdverseReaction = z.infer<typeof AdverseReaction>;
export const AdverseReactionList = z.object({ items: z.array(AdverseReaction) });
export type AdverseReactionList = z.infer<typeof AdverseReactionList>;
export const ReviewReactionBody = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['reviewed', 'dismissed', 'add_to_allergies']),
  note: Text(1000).optional(),
  /** The allergy to record (add_to_allergies); the drug's generic name by default. */
  substance: Text(120).optional(),
});
export type ReviewReactionBody = z.infer<typeof ReviewReactionBody>;
