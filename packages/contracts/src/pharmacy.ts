import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

// Pharmacy, prescribing side (module `pharmacy`): the organization's formulary with its stock and interactions
// (/api/v1/pharmacy/formulary, /api/v1/pharmacy/interactions), e-prescriptions written by a doctor with a care
// relationship (/api/v1/patients/:id/prescriptions) with a live safety check, and the pharmacist's review
// (/api/v1/pharmacy/reviews, /api/v1/prescriptions/:id/approve|reject).

export const DoseUnit = z.enum([
  'mg',
  'g',
  'mcg',
  'IU',
  'mL',
  'tablet',
  'capsule',
  'puff',
  'drop',
  'sachet',
  'patch',
  'unit',
]);
export type DoseUnit = z.infer<typeof DoseUnit>;

export const FrequencyCode = z.enum([
  'qd',
  'bid',
  'tid',
  'qid',
  'qn',
  'qm',
  'q4h',
  'q6h',
  'q8h',
  'q12h',
  'qod',
  'qw',
  'biw',
  'prn',
  'stat',
]);
export type FrequencyCode = z.infer<typeof FrequencyCode>;
export const FREQUENCY_CODES = FrequencyCode.options;

export const DrugForm = z.enum([
  'tablet',
  'capsule',
  'sustained_release_tablet',
  'injection',
  'oral_solution',
  'granules',
  'inhaler',
  'ointment',
  'cream',
  'eye_drops',
  'suppository',
  'patch',
  'spray',
]);
export type DrugForm = z.infer<typeof DrugForm>;

export const DrugRoute = z.enum([
  'oral',
  'iv',
  'im',
  'sc',
  'inhaled',
  'topical',
  'ophthalmic',
  'rectal',
  'nasal',
  'sublingual',
  'transdermal',
]);
export type DrugRoute = z.infer<typeof DrugRoute>;

export const StrengthUnit = z.enum(['mg', 'g', 'mcg', 'IU', 'mg/mL', 'mcg/dose', '%']);
export const MaxDoseUnit = z.enum(['mg', 'g', 'mcg', 'IU', 'tablet', 'puff', 'mL']);
export const InteractionSeverity = z.enum(['contraindicated', 'major', 'moderate', 'minor']);
export type InteractionSeverity = z.infer<typeof InteractionSeverity>;

export const PrescriptionStatus = z.enum([
  'pending_review',
  'approved',
  'rejected',
  'superseded',
  'cancelled',
  'completed',
]);
export type PrescriptionStatus = z.infer<typeof PrescriptionStatus>;

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

const Bilingual = z.strictObject({ zh: Text(1000), en: Text(1000), contraindicated: z.boolean().optional() });

export const DrugContraindication = z.strictObject({
  icd10Prefixes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z][0-9]{1,2}(\.?[0-9A-Z]{0,4})?$/),
    )
    .min(1)
    .max(30),
  zh: Text(1000),
  en: Text(1000),
  level: z.enum(['critical', 'warning']).optional(),
});

// ---- formulary

export const FormularyDrugInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'code_format'),
  genericZh: Text(200),
  genericEn: Text(200),
  brandZh: Text(200).nullable().optional(),
  brandEn: Text(200).nullable().optional(),
  ingredients: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z][a-z0-9 -]{1,79}$/, 'ingredient_format'),
    )
    .min(1)
    .max(10),
  atc: z
    .string()
    .trim()
    .regex(/^[A-Z][0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?$/, 'atc_format'),
  form: DrugForm,
  strength: z.strictObject({ value: z.number().positive().max(1_000_000), unit: StrengthUnit }),
  route: DrugRoute,
  packageSize: z.number().int().min(1).max(10_000),
  packageUnit: Text(40),
  priceCents: z.number().int().min(0).max(100_000_000),
  maxDailyDose: z.strictObject({ value: z.number().positive().max(1_000_000), unit: MaxDoseUnit }).nullable(),
  contraindications: z.array(DrugContraindication).max(30).default([]),
  pregnancy: Bilingual.nullable().default(null),
  lactation: Bilingual.nullable().default(null),
  source: Text(500),
  active: z.boolean().default(true),
});
export type FormularyDrugInput = z.infer<typeof FormularyDrugInput>;

export const FormularyDrugUpdate = FormularyDrugInput.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type FormularyDrugUpdate = z.infer<typeof FormularyDrugUpdate>;

export const StockUpdateBody = z.strictObject({ onHand: z.number().int().min(0).max(10_000_000) });

export const FormularyDrug = z.object({
  id: Uuid,
  code: z.string(),
  /** The generic name in the request's language. */
  name: z.string(),
  genericZh: z.string(),
  genericEn: z.string(),
  brandZh: z.string().nullable(),
  brandEn: z.string().nullable(),
  ingredients: z.array(z.string()),
  atc: z.string(),
  form: DrugForm,
  strength: z.object({ value: z.number(), unit: StrengthUnit }),
  route: DrugRoute,
  packageSize: z.number().int(),
  packageUnit: z.string(),
  priceCents: z.number().int(),
  maxDailyDose: z.object({ value: z.number(), unit: MaxDoseUnit }).nullable(),
  contraindications: z.array(
    z.object({
      icd10Prefixes: z.array(z.string()),
      zh: z.string(),
      en: z.string(),
      level: z.enum(['critical', 'warning']).optional(),
    }),
  ),
  pregnancy: z.object({ zh: z.string(), en: z.string(), contraindicated: z.boolean().optional() }).nullable(),
  lactation: z.object({ zh: z.string(), en: z.string(), contraindicated: z.boolean().optional() }).nullable(),
  source: z.string(),
  active: z.boolean(),
  /** Dose units that fit the form (what the prescribe form offers). */
  doseUnits: z.array(DoseUnit),
  stock: z.object({ onHand: z.number().int(), reserved: z.number().int() }).nullable(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
});
export type FormularyDrug = z.infer<typeof FormularyDrug>;

export const FormularyQuery = z.object({
  q: z.string().trim().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const FormularyPage = z.object({ items: z.array(FormularyDrug), total: z.number().int() });
export type FormularyPage = z.infer<typeof FormularyPage>;

/** One problem of an import, by spreadsheet row (1-based, as Excel shows it) and column header. */
export const FormularyImportProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export const FormularyImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.number().int(),
});
export type FormularyImportResult = z.infer<typeof FormularyImportResult>;

export const DrugInteractionInput = z.strictObject({
  a: z.string().trim().min(1).max(100),
  b: z.string().trim().min(1).max(100),
  severity: InteractionSeverity,
  zh: Text(1000),
  en: Text(1000),
  source: Text(500),
});
export type DrugInteractionInput = z.infer<typeof DrugInteractionInput>;

export const DrugInteraction = DrugInteractionInput.extend({ id: Uuid, updatedAt: IsoDateTime });
export type DrugInteraction = z.infer<typeof DrugInteraction>;
export const DrugInteractionList = z.object({ items: z.array(DrugInteraction) });

// ---- prescriptions

export const SafetyFinding = z.object({
  kind: z.enum([
    'allergy',
    'duplicate_therapy',
    'interaction',
    'max_dose',
    'contraindication',
    'pregnancy',
    'lactation',
  ]),
  level: z.enum(['critical', 'warning']),
  itemIndex: z.number().int(),
  with: z.string().optional(),
  severity: InteractionSeverity.optional(),
  zh: z.string(),
  en: z.string(),
  source: z.string(),
  /** A stable key of the finding within its item (kind and the other party), for matching override reasons. */
  key: z.string(),
});
export type SafetyFinding = z.infer<typeof SafetyFinding>;

export const PrescriptionItemInput = z.strictObject({
  drugId: Uuid,
  dose: z.strictObject({ value: z.number().finite(), unit: DoseUnit }),
  /** A frequency code ('bid') or a common way of writing one ('b.i.d.', '每日两次', 'twice daily'). */
  frequency: z.string().trim().min(1).max(40),
  durationDays: z.number().int().nullable().optional(),
  /** Packages to dispense; suggested from dose, frequency and duration when left out. */
  quantity: z.number().int().optional(),
  instructions: Text(500).nullable().optional(),
  /** Why the prescriber goes ahead despite the item's safety findings; required when there are any. */
  overrideReason: Text(1000).nullable().optional(),
});
export type PrescriptionItemInput = z.infer<typeof PrescriptionItemInput>;

export const PrescriptionCheckBody = z.strictObject({ items: z.array(PrescriptionItemInput).min(1).max(20) });
export type PrescriptionCheckBody = z.infer<typeof PrescriptionCheckBody>;

export const PrescriptionCheckResult = z.object({
  findings: z.array(SafetyFinding),
  items: z.array(
    z.object({
      index: z.number().int(),
      frequency: FrequencyCode,
      /** Daily dose in the max-dose unit when it can be computed. */
      dailyDose: z.object({ value: z.number(), unit: z.string() }).nullable(),
      suggestedQuantity: z.number().int().nullable(),
    }),
  ),
});
export type PrescriptionCheckResult = z.infer<typeof PrescriptionCheckResult>;

export const CreatePrescriptionBody = z.strictObject({
  consultationId: Uuid.nullable().optional(),
  appointmentId: Uuid.nullable().optional(),
  diagnosis: Text(500).nullable().optional(),
  note: Text(2000).nullable().optional(),
  longTerm: z.boolean().default(false),
  items: z.array(PrescriptionItemInput).min(1).max(20),
});
export type CreatePrescriptionBody = z.infer<typeof CreatePrescriptionBody>;

export const RevisePrescriptionBody = CreatePrescriptionBody.omit({
  consultationId: true,
  appointmentId: true,
});
export type RevisePrescriptionBody = z.infer<typeof RevisePrescriptionBody>;

export const ReasonBody = z.strictObject({ reason: Text(2000) });
export const ApproveBody = z.strictObject({ note: Text(2000).nullable().optional() });

export const PrescriptionItem = z.object({
  id: Uuid,
  position: z.number().int(),
  drugId: Uuid,
  drugCode: z.string(),
  drugName: z.string(),
  drugNameZh: z.string(),
  drugNameEn: z.string(),
  dose: z.object({ value: z.number(), unit: DoseUnit }),
  frequency: FrequencyCode,
  route: z.string(),
  durationDays: z.number().int().nullable(),
  quantity: z.number().int(),
  instructions: z.string().nullable(),
  findings: z.array(SafetyFinding),
  overrideReason: z.string().nullable(),
  /** Dose and frequency in plain words in the request's language ('每次 1 片，每日两次'). */
  plainText: z.string(),
});
export type PrescriptionItem = z.infer<typeof PrescriptionItem>;

export const Prescription = z.object({
  id: Uuid,
  patientId: Uuid,
  status: PrescriptionStatus,
  version: z.number().int(),
  previousId: Uuid.nullable(),
  prescriber: z.object({ id: Uuid, name: z.string() }),
  consultationId: Uuid.nullable(),
  appointmentId: Uuid.nullable(),
  diagnosis: z.string().nullable(),
  note: z.string().nullable(),
  longTerm: z.boolean(),
  contentHash: z.string(),
  signedAt: IsoDateTime,
  reviewedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
  reviewedAt: IsoDateTime.nullable(),
  reviewNote: z.string().nullable(),
  items: z.array(PrescriptionItem),
  updatedAt: IsoDateTime,
});
export type Prescription = z.infer<typeof Prescription>;

export const PrescriptionList = z.object({ items: z.array(Prescription) });
export type PrescriptionList = z.infer<typeof PrescriptionList>;

export const ReviewQueueQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** What the pharmacist sees beside a prescription: the patient and the record facts the check used. */
export const ReviewPatient = z.object({
  id: Uuid,
  name: z.string(),
  sex: z.enum(['male', 'female', 'other', 'unknown']),
  ageYears: z.number().int(),
  allergies: z.array(
    z.object({ substance: z.string(), category: z.string(), severity: z.string().nullable() }),
  ),
  conditions: z.array(z.object({ icd10: z.string().nullable(), display: z.string() })),
  currentMedications: z.array(
    z.object({ name: z.string(), dose: z.string().nullable(), source: z.string() }),
  ),
});

export const ReviewItem = z.object({
  prescription: Prescription,
  patient: ReviewPatient,
  waitingSeconds: z.number().int(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;
export const ReviewQueue = z.object({ items: z.array(ReviewItem) });
export type ReviewQueue = z.infer<typeof ReviewQueue>;
