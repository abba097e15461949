import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

// The personal health record (module `records`): entries of every kind with their provenance, observations and
// their curves, documents, the timeline, the 360 summary, code tables for pickers and the whole-record export.
// Every route lives under /api/v1/patients/:id/... unless noted. Observations, documents, the timeline, the
// summary, code tables and the export are in records-observations.ts.

/** Where an entry came from. `self` is self-reported by the patient (or a proxy). */
export const RecordSource = z.enum(['lab', 'checkup', 'device', 'self', 'clinician', 'import']);
export type RecordSource = z.infer<typeof RecordSource>;

/** Sources staff may name on a create; patients always write `self`, and omitting it means `clinician`. */
export const StaffEntrySource = z.enum(['clinician', 'lab', 'import', 'checkup']);

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
const OptionalText = (max: number) => Text(max).nullable().optional();

/**
 * ICD-10 code shape (`I10`, `E11.9`, and the national clinical version's extended codes such as `E11.900`); the
 * server checks the code is in its table and stores its canonical form.
 */
export const Icd10CodeText = z
  .string()
  .trim()
  .toUpperCase()
  .max(16)
  .regex(/^[A-Z]\d{2}(\.?[0-9X][0-9A-Z]*)?$/);

export const RecordedBy = z.object({ id: Uuid, name: z.string() });

/** Who recorded an entry, from which source and organization, and when. */
const Provenance = {
  source: RecordSource,
  sourceOrg: z.string().nullable(),
  recordedBy: RecordedBy.nullable(),
  createdAt: IsoDateTime,
};
const Versioned = { updatedAt: IsoDateTime, version: z.number().int() };
/** Fields every create may carry besides its own: staff may name the source and the organization it came from. */
const ProvenanceInput = {
  source: StaffEntrySource.optional(),
  sourceOrg: OptionalText(120),
};
const VersionInput = { version: z.number().int().min(1) };

// ---------------------------------------------------------------------------------------------------------------
// Conditions, allergies, medications, procedures, family history, encounters (list / create / patch / delete)

export const ConditionStatus = z.enum(['active', 'recurrence', 'remission', 'resolved', 'inactive']);
export const Condition = z.object({
  id: Uuid,
  patientId: Uuid,
  icd10: z.string().nullable(),
  display: z.string(),
  clinicalStatus: ConditionStatus,
  onsetDate: IsoDate.nullable(),
  abatedDate: IsoDate.nullable(),
  note: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type Condition = z.infer<typeof Condition>;
/** `icd10` or `display` (or both): a known code fills `display` in the caller's language when it is not given. */
export const ConditionInput = z
  .strictObject({
    icd10: Icd10CodeText.nullable().optional(),
    display: OptionalText(200),
    clinicalStatus: ConditionStatus.default('active'),
    onsetDate: IsoDate.nullable().optional(),
    abatedDate: IsoDate.nullable().optional(),
    note: OptionalText(2000),
    ...ProvenanceInput,
  })
  .refine((c) => !!c.icd10 || !!c.display, { path: ['display'], message: 'icd10_or_display_required' });
export type ConditionInput = z.input<typeof ConditionInput>;
export const ConditionUpdate = z.strictObject({
  icd10: Icd10CodeText.nullable().optional(),
  display: Text(200).optional(),
  clinicalStatus: ConditionStatus.optional(),
  onsetDate: IsoDate.nullable().optional(),
  abatedDate: IsoDate.nullable().optional(),
  note: OptionalText(2000),
  ...VersionInput,
});
export type ConditionUpdate = z.infer<typeof ConditionUpdate>;

export const AllergyCategory = z.enum(['drug', 'food', 'environment', 'other']);
export const AllergySeverity = z.enum(['mild', 'moderate', 'severe', 'unknown']);
export const AllergyStatus = z.enum(['active', 'inactive', 'resolved']);
export const Allergy = z.object({
  id: Uuid,
  patientId: Uuid,
  substance: z.string(),
  category: AllergyCategory,
  reaction: z.string().nullable(),
  severity: AllergySeverity,
  status: AllergyStatus,
  notedOn: IsoDate.nullable(),
  note: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type Allergy = z.infer<typeof Allergy>;
export const AllergyInput = z.strictObject({
  substance: Text(120),
  category: AllergyCategory,
  reaction: OptionalText(300),
  severity: AllergySeverity.default('unknown'),
  status: AllergyStatus.default('active'),
  notedOn: IsoDate.nullable().optional(),
  note: OptionalText(2000),
  ...ProvenanceInput,
});
export type AllergyInput = z.input<typeof AllergyInput>;
export const AllergyUpdate = z.strictObject({
  substance: Text(120).optional(),
  category: AllergyCategory.optional(),
  reaction: OptionalText(300),
  severity: AllergySeverity.optional(),
  status: AllergyStatus.optional(),
  notedOn: IsoDate.nullable().optional(),
  note: OptionalText(2000),
  ...VersionInput,
});
export type AllergyUpdate = z.infer<typeof AllergyUpdate>;

export const MedicationStatus = z.enum(['active', 'stopped', 'completed', 'on_hold']);
export const MedicationStatement = z.object({
  id: Uuid,
  patientId: Uuid,
  name: z.string(),
  atc: z.string().nullable(),
  dose: z.string().nullable(),
  route: z.string().nullable(),
  frequency: z.string().nullable(),
  reason: z.string().nullable(),
  status: MedicationStatus,
  startedOn: IsoDate.nullable(),
  stoppedOn: IsoDate.nullable(),
  note: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type MedicationStatement = z.infer<typeof MedicationStatement>;
const AtcCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/);
export const MedicationInput = z.strictObject({
  name: Text(120),
  atc: AtcCode.nullable().optional(),
  dose: OptionalText(80),
  route: OptionalText(40),
  frequency: OptionalText(40),
  reason: OptionalText(200),
  status: MedicationStatus.default('active'),
  startedOn: IsoDate.nullable().optional(),
  stoppedOn: IsoDate.nullable().optional(),
  note: OptionalText(2000),
  ...ProvenanceInput,
});
export type MedicationInput = z.input<typeof MedicationInput>;
export const MedicationUpdate = z.strictObject({
  name: Text(120).optional(),
  atc: AtcCode.nullable().optional(),
  dose: OptionalText(80),
  route: OptionalText(40),
  frequency: OptionalText(40),
  reason: OptionalText(200),
  status: MedicationStatus.optional(),
  startedOn: IsoDate.nullable().optional(),
  stoppedOn: IsoDate.nullable().optional(),
  note: OptionalText(2000),
  ...VersionInput,
});
export type MedicationUpdate = z.infer<typeof MedicationUpdate>;

export const ProcedureKind = z.enum(['surgery', 'procedure', 'imaging', 'other']);
export const Procedure = z.object({
  id: Uuid,
  patientId: Uuid,
  name: z.string(),
  code: z.string().nullable(),
  kind: ProcedureKind,
  performedOn: IsoDate.nullable(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type Procedure = z.infer<typeof Procedure>;
export const ProcedureInput = z.strictObject({
  name: Text(200),
  code: OptionalText(40),
  kind: ProcedureKind.default('procedure'),
  performedOn: IsoDate.nullable().optional(),
  outcome: OptionalText(500),
  note: OptionalText(2000),
  ...ProvenanceInput,
});
export type ProcedureInput = z.input<typeof ProcedureInput>;
export const ProcedureUpdate = z.strictObject({
  name: Text(200).optional(),
  code: OptionalText(40),
  kind: ProcedureKind.optional(),
  performedOn: IsoDate.nullable().optional(),
  outcome: OptionalText(500),
  note: OptionalText(2000),
  ...VersionInput,
});
export type ProcedureUpdate = z.infer<typeof ProcedureUpdate>;

export const FamilyRelation = z.enum(['father', 'mother', 'sibling', 'child', 'grandparent', 'other']);
export const FamilyHistoryEntry = z.object({
  id: Uuid,
  patientId: Uuid,
  relation: FamilyRelation,
  icd10: z.string().nullable(),
  display: z.string(),
  onsetAge: z.number().int().nullable(),
  note: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type FamilyHistoryEntry = z.infer<typeof FamilyHistoryEntry>;
export const FamilyHistoryInput = z
  .strictObject({
    relation: FamilyRelation,
    icd10: Icd10CodeText.nullable().optional(),
    display: OptionalText(200),
    onsetAge: z.number().int().min(0).max(130).nullable().optional(),
    note: OptionalText(2000),
    ...ProvenanceInput,
  })
  .refine((c) => !!c.icd10 || !!c.display, { path: ['display'], message: 'icd10_or_display_required' });
export type FamilyHistoryInput = z.input<typeof FamilyHistoryInput>;
export const FamilyHistoryUpdate = z.strictObject({
  relation: FamilyRelation.optional(),
  icd10: Icd10CodeText.nullable().optional(),
  display: Text(200).optional(),
  onsetAge: z.number().int().min(0).max(130).nullable().optional(),
  note: OptionalText(2000),
  ...VersionInput,
});
export type FamilyHistoryUpdate = z.infer<typeof FamilyHistoryUpdate>;

export const EncounterKind = z.enum([
  'outpatient',
  'inpatient',
  'emergency',
  'checkup',
  'telehealth',
  'home_visit',
  'other',
]);
export const Encounter = z.object({
  id: Uuid,
  patientId: Uuid,
  kind: EncounterKind,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  department: z.string().nullable(),
  practitioner: z.string().nullable(),
  reason: z.string().nullable(),
  summary: z.string().nullable(),
  ...Provenance,
  ...Versioned,
});
export type Encounter = z.infer<typeof Encounter>;
export const EncounterInput = z.strictObject({
  kind: EncounterKind,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable().optional(),
  department: OptionalText(80),
  practitioner: OptionalText(80),
  reason: OptionalText(500),
  summary: OptionalText(5000),
  ...ProvenanceInput,
});
export type EncounterInput = z.input<typeof EncounterInput>;
export const EncounterUpdate = z.strictObject({
  kind: EncounterKind.optional(),
  startedAt: IsoDateTime.optional(),
  endedAt: IsoDateTime.nullable().optional(),
  department: OptionalText(80),
  practitioner: OptionalText(80),
  reason: OptionalText(500),
  summary: OptionalText(5000),
  ...VersionInput,
});
export type EncounterUpdate = z.infer<typeof EncounterUpdate>;

/** Lists of entries answer active first, then newest; `includeInactive=false` hides resolved/stopped ones. */
export const RecordEntryListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export const ConditionList = z.object({ items: z.array(Condition) });
export const AllergyList = z.object({ items: z.array(Allergy) });
export const MedicationList = z.object({ items: z.array(MedicationStatement) });
export const ProcedureList = z.object({ items: z.array(Procedure) });
export const FamilyHistoryList = z.object({ items: z.array(FamilyHistoryEntry) });
export const EncounterList = z.object({ items: z.array(Encounter) });

// ---------------------------------------------------------------------------------------------------------------
// Lifestyle (assessed over time; the newest assessment is the current one)

export const SmokingStatus = z.enum(['never', 'former', 'current']);
export const AlcoholUse = z.enum(['none', 'occasional', 'regular', 'heavy']);
export const LifestyleAssessment = z.object({
  id: Uuid,
  patientId: Uuid,
  assessedAt: IsoDateTime,
  smoking: SmokingStatus.nullable(),
  cigarettesPerDay: z.number().int().nullable(),
  alcohol: AlcoholUse.nullable(),
  activityMinutesPerWeek: z.number().int().nullable(),
  diet: z.string().nullable(),
  sleepHours: z.number().nullable(),
  note: z.string().nullable(),
  ...Provenance,
});
export type LifestyleAssessment = z.infer<typeof LifestyleAssessment>;
export const LifestyleInput = z.strictObject({
  /** Defaults to now. */
  assessedAt: IsoDateTime.optional(),
  smoking: SmokingStatus.nullable().optional(),
  cigarettesPerDay: z.number().int().min(0).max(200).nullable().optional(),
  alcohol: AlcoholUse.nullable().optional(),
  activityMinutesPerWeek: z.number().int().min(0).max(10080).nullable().optional(),
  diet: OptionalText(500),
  sleepHours: z.number().min(0).max(24).nullable().optional(),
  note: OptionalText(2000),
  ...ProvenanceInput,
});
export type LifestyleInput = z.input<typeof LifestyleInput>;
/** GET /patients/:id/lifestyle: the current assessment and the history, newest first. */
export const LifestyleHistory = z.object({
  latest: LifestyleAssessment.nullable(),
  items: z.array(LifestyleAssessment),
});
export type LifestyleHistory = z.infer<typeof LifestyleHistory>;
