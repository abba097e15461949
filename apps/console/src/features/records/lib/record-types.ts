import type { z } from 'zod';
import type {
  AlcoholUse as AlcoholUseSchema,
  AllergyCategory as AllergyCategorySchema,
  AllergySeverity as AllergySeveritySchema,
  AllergyStatus as AllergyStatusSchema,
  ConditionStatus as ConditionStatusSchema,
  DocumentKind as DocumentKindSchema,
  DOCUMENT_CONTENT_TYPES,
  EncounterKind as EncounterKindSchema,
  FamilyRelation as FamilyRelationSchema,
  MedicationStatus as MedicationStatusSchema,
  ObservationFlagCode,
  ProcedureKind as ProcedureKindSchema,
  RecordSource,
  SmokingStatus as SmokingStatusSchema,
  TimelineKind,
} from '@careloop/contracts';

// The record's enums as plain types, and the option lists the screens offer. The lists are written as records so
// the compiler fails when the contracts add a value; the schemas stay type-only imports (no zod in the bundle).
export type ConditionStatus = z.infer<typeof ConditionStatusSchema>;
export type AllergyCategory = z.infer<typeof AllergyCategorySchema>;
export type AllergySeverity = z.infer<typeof AllergySeveritySchema>;
export type AllergyStatus = z.infer<typeof AllergyStatusSchema>;
export type MedicationStatus = z.infer<typeof MedicationStatusSchema>;
export type ProcedureKind = z.infer<typeof ProcedureKindSchema>;
export type FamilyRelation = z.infer<typeof FamilyRelationSchema>;
export type EncounterKind = z.infer<typeof EncounterKindSchema>;
export type SmokingStatus = z.infer<typeof SmokingStatusSchema>;
export type AlcoholUse = z.infer<typeof AlcoholUseSchema>;
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export type { ObservationFlagCode, RecordSource, TimelineKind };

function keysOf<K extends string>(record: Record<K, true>): readonly K[] {
  return Object.keys(record) as K[];
}

export const CONDITION_STATUSES = keysOf<ConditionStatus>({
  active: true,
  recurrence: true,
  remission: true,
  resolved: true,
  inactive: true,
});
export const ALLERGY_CATEGORIES = keysOf<AllergyCategory>({
  drug: true,
  food: true,
  environment: true,
  other: true,
});
export const ALLERGY_SEVERITIES = keysOf<AllergySeverity>({
  mild: true,
  moderate: true,
  severe: true,
  unknown: true,
});
export const ALLERGY_STATUSES = keysOf<AllergyStatus>({ active: true, inactive: true, resolved: true });
export const MEDICATION_STATUSES = keysOf<MedicationStatus>({
  active: true,
  stopped: true,
  completed: true,
  on_hold: true,
});
export const PROCEDURE_KINDS = keysOf<ProcedureKind>({
  surgery: true,
  procedure: true,
  imaging: true,
  other: true,
});
export const FAMILY_RELATIONS = keysOf<FamilyRelation>({
  father: true,
  mother: true,
  sibling: true,
  child: true,
  grandparent: true,
  other: true,
});
export const ENCOUNTER_KINDS = keysOf<EncounterKind>({
  outpatient: true,
  inpatient: true,
  emergency: true,
  checkup: true,
  telehealth: true,
  home_visit: true,
  other: true,
});
export const SMOKING_STATUSES = keysOf<SmokingStatus>({ never: true, former: true, current: true });
export const ALCOHOL_USES = keysOf<AlcoholUse>({ none: true, occasional: true, regular: true, heavy: true });
export const DOCUMENT_KINDS = keysOf<DocumentKind>({
  lab_report: true,
  checkup_report: true,
  imaging: true,
  discharge_summary: true,
  prescription: true,
  photo: true,
  other: true,
});
export const TIMELINE_KINDS = keysOf<TimelineKind>({
  observation: true,
  checkup: true,
  condition: true,
  allergy: true,
  medication: true,
  procedure: true,
  family_history: true,
  lifestyle: true,
  encounter: true,
  document: true,
});
export const RECORD_SOURCES = keysOf<RecordSource>({
  lab: true,
  checkup: true,
  device: true,
  self: true,
  clinician: true,
  import: true,
});

/** The server's upload limits (records-observations.ts), repeated as values so the bundle needs no zod. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_TYPES: readonly (typeof DOCUMENT_CONTENT_TYPES)[number][] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
];
