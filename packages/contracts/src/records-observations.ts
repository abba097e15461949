import { z } from 'zod';
import { IsoDate, IsoDateTime, Locale, Uuid, pageOf } from './common.ts';
import { ObservationFlagCode } from './followup.ts';
import { Sex } from './roles.ts';
import {
  Allergy,
  Condition,
  Encounter,
  FamilyHistoryEntry,
  LifestyleAssessment,
  MedicationStatement,
  Procedure,
  RecordSource,
  RecordedBy,
} from './records.ts';

// The record's observations (vitals, labs, checkup items, device and self-reported readings), their curves,
// documents, the timeline, the 360 summary, the code tables for pickers and the whole-record export.

export const ObservationCodeSystem = z.enum(['loinc', 'local']);
export const ObservationStatus = z.enum(['final', 'amended', 'entered_in_error']);

export const Observation = z.object({
  id: Uuid,
  patientId: Uuid,
  codeSystem: ObservationCodeSystem,
  code: z.string(),
  /** The analyte's name in the caller's language for LOINC codes; the stored name for local codes. */
  name: z.string(),
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  referenceLow: z.number().nullable(),
  referenceHigh: z.number().nullable(),
  referenceText: z.string().nullable(),
  flag: ObservationFlagCode.nullable(),
  effectiveAt: IsoDateTime,
  status: ObservationStatus,
  note: z.string().nullable(),
  source: RecordSource,
  sourceOrg: z.string().nullable(),
  reportId: Uuid.nullable(),
  deviceId: z.string().nullable(),
  recordedBy: RecordedBy.nullable(),
  createdAt: IsoDateTime,
});
export type Observation = z.infer<typeof Observation>;

/**
 * POST /patients/:id/observations (Idempotency-Key accepted). A patient's reading is stored as `self`, a staff
 * member's as `clinician`. LOINC codes from GET /codes/analytes are converted to the analyte's reported unit and
 * flagged against the patient's sex/age range; other codes are stored as `local` and need a `name`. Impossible
 * values (e.g. glucose 500 mmol/L) get 422 naming `value`; an unknown unit 400 naming `unit`.
 */
export const ObservationInput = z
  .strictObject({
    code: z.string().trim().min(1).max(40),
    codeSystem: ObservationCodeSystem.optional(),
    name: z.string().trim().min(1).max(120).optional(),
    value: z.number().finite().optional(),
    valueText: z.string().trim().min(1).max(500).optional(),
    unit: z.string().trim().min(1).max(20).optional(),
    effectiveAt: IsoDateTime,
    note: z.string().trim().max(1000).optional(),
  })
  .refine((o) => o.value !== undefined || o.valueText !== undefined, {
    path: ['value'],
    message: 'value_or_value_text_required',
  });
export type ObservationInput = z.infer<typeof ObservationInput>;

export const EnteredInErrorInput = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const ObservationListQuery = z.object({
  code: z.string().trim().max(40).optional(),
  codeSystem: ObservationCodeSystem.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  before: z.string().max(200).optional(),
});
export const ObservationPage = pageOf(Observation);

/** GET /patients/:id/observations/series?code=&from=&to=: numeric points of one code, oldest first (max 5,000). */
export const ObservationSeriesQuery = z.object({
  code: z.string().trim().min(1).max(40),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
export const SeriesPoint = z.object({
  id: Uuid,
  at: IsoDateTime,
  value: z.number(),
  flag: ObservationFlagCode.nullable(),
  source: RecordSource,
});
export const ObservationSeries = z.object({
  code: z.string(),
  codeSystem: ObservationCodeSystem,
  name: z.string(),
  unit: z.string().nullable(),
  /** The band for the chart: the patient's sex/age range for known analytes, else the latest row's range. */
  referenceLow: z.number().nullable(),
  referenceHigh: z.number().nullable(),
  points: z.array(SeriesPoint),
  /** True when more than 5,000 points matched and only the newest 5,000 are returned. */
  truncated: z.boolean(),
});
export type ObservationSeries = z.infer<typeof ObservationSeries>;

/** GET /patients/:id/observations/codes: the codes this patient has, to pick a curve. */
export const ObservationCodeSummary = z.object({
  code: z.string(),
  codeSystem: ObservationCodeSystem,
  name: z.string(),
  unit: z.string().nullable(),
  count: z.number().int(),
  /** True when at least one value is numeric (a curve can be drawn). */
  numeric: z.boolean(),
  latest: z.object({
    value: z.number().nullable(),
    valueText: z.string().nullable(),
    flag: ObservationFlagCode.nullable(),
    at: IsoDateTime,
  }),
});
export type ObservationCodeSummary = z.infer<typeof ObservationCodeSummary>;
export const ObservationCodeList = z.object({ items: z.array(ObservationCodeSummary) });

// ---------------------------------------------------------------------------------------------------------------
// Documents: POST multipart/form-data with fields kind, title, documentDate? and file (PDF, JPEG, PNG, WebP, HEIC;
// max 20 MB). 201 with the new document, or 200 with the existing one when the same file was uploaded before.
// 413 PAYLOAD_TOO_LARGE, 415 RECORD_DOCUMENT_TYPE_* for other content.

export const DocumentKind = z.enum([
  'lab_report',
  'checkup_report',
  'imaging',
  'discharge_summary',
  'prescription',
  'photo',
  'other',
]);
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
] as const;
/** The non-file fields of the upload form, for client-side validation. */
export const DocumentUploadFields = z.strictObject({
  kind: DocumentKind,
  title: z.string().trim().min(1).max(200),
  documentDate: IsoDate.optional(),
});
export const RecordDocument = z.object({
  id: Uuid,
  patientId: Uuid,
  kind: DocumentKind,
  title: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  documentDate: IsoDate.nullable(),
  source: RecordSource,
  sourceOrg: z.string().nullable(),
  recordedBy: RecordedBy.nullable(),
  createdAt: IsoDateTime,
});
export type RecordDocument = z.infer<typeof RecordDocument>;
export const DocumentListQuery = z.object({
  kind: DocumentKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const DocumentPage = pageOf(RecordDocument);

// ---------------------------------------------------------------------------------------------------------------
// Timeline: everything newest first, keyset-paged (the cursor encodes time + id), filterable by kind.

export const TimelineKind = z.enum([
  'observation',
  'condition',
  'allergy',
  'medication',
  'procedure',
  'family_history',
  'lifestyle',
  'encounter',
  'document',
  'checkup',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;
export const TimelineQuery = z.object({
  /** Comma-separated kinds; all when absent. */
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = [
        ...new Set(
          s
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        ),
      ];
      const parsed = z.array(TimelineKind).safeParse(parts);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'unknown_kind' });
        return z.NEVER;
      }
      return parsed.data;
    }),
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const TimelineItem = z.object({
  kind: TimelineKind,
  /** The entry's id; for `checkup` the report id. */
  id: Uuid,
  at: IsoDateTime,
  /** In the caller's language, e.g. "空腹血糖 7.2 mmol/L" or "Hypertension (I10)". */
  title: z.string(),
  detail: z.string().nullable(),
  flag: ObservationFlagCode.nullable(),
  source: RecordSource,
  sourceOrg: z.string().nullable(),
  /** Display name of who recorded it. */
  recordedBy: z.string().nullable(),
  reportId: Uuid.nullable(),
  /** Observations: the code, to open its curve. */
  code: z.string().nullable(),
  /** Checkups: how many items the report has and how many are abnormal. */
  counts: z.object({ total: z.number().int(), abnormal: z.number().int() }).nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;
export const TimelinePage = pageOf(TimelineItem);

// ---------------------------------------------------------------------------------------------------------------
// The 360 summary

export const RecordCounts = z.object({
  observations: z.number().int(),
  conditions: z.number().int(),
  allergies: z.number().int(),
  medications: z.number().int(),
  procedures: z.number().int(),
  familyHistory: z.number().int(),
  encounters: z.number().int(),
  lifestyle: z.number().int(),
  documents: z.number().int(),
});
export const PatientRecordSummary = z.object({
  patientId: Uuid,
  activeConditions: z.array(Condition),
  allergies: z.array(Allergy),
  currentMedications: z.array(MedicationStatement),
  /** Latest per code of BP, heart rate, weight, height, BMI, glucose and other vitals. */
  latestVitals: z.array(Observation),
  /** Latest per code of lab and checkup results. */
  latestLabs: z.array(Observation),
  /** The latest value of each code when it is flagged H, L, HH, LL or A. */
  abnormalItems: z.array(Observation),
  lifestyle: LifestyleAssessment.nullable(),
  counts: RecordCounts,
  lastUpdatedAt: IsoDateTime.nullable(),
});
export type PatientRecordSummary = z.infer<typeof PatientRecordSummary>;

// ---------------------------------------------------------------------------------------------------------------
// Code tables (access: any signed-in account)

export const Icd10SearchQuery = z.object({
  q: z.string().trim().max(60).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
/** An ICD-10 code with both names; search matches code, zh name, en name and pinyin initials. */
export const Icd10Entry = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  chapter: z.string(),
});
export type Icd10Entry = z.infer<typeof Icd10Entry>;
export const Icd10List = z.object({ items: z.array(Icd10Entry) });

export const AnalyteKind = z.enum(['vital', 'lab']);
export const AnalyteInfo = z.object({
  loinc: z.string(),
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  kind: AnalyteKind,
  /** The unit values are stored and shown in (what Chinese labs report). */
  unit: z.string(),
  /** Units accepted on input; values in any of them are converted to `unit`. */
  units: z.array(z.string()),
});
export type AnalyteInfo = z.infer<typeof AnalyteInfo>;
export const AnalyteList = z.object({ items: z.array(AnalyteInfo) });

// ---------------------------------------------------------------------------------------------------------------
// Export of the whole record: GET /patients/:id/export.json and /patients/:id/export.pdf?lang=

export const RecordExportPdfQuery = z.object({ lang: Locale.optional() });
export const RECORD_EXPORT_SCHEMA_VERSION = 1;
export const RecordExport = z.object({
  schemaVersion: z.literal(RECORD_EXPORT_SCHEMA_VERSION),
  generatedAt: IsoDateTime,
  patient: z.object({ id: Uuid, name: z.string(), sex: Sex, birthDate: IsoDate }),
  conditions: z.array(Condition),
  allergies: z.array(Allergy),
  medications: z.array(MedicationStatement),
  procedures: z.array(Procedure),
  familyHistory: z.array(FamilyHistoryEntry),
  encounters: z.array(Encounter),
  lifestyle: z.array(LifestyleAssessment),
  observations: z.array(Observation),
  /** Metadata only; the bytes are fetched from /documents/:docId/content. */
  documents: z.array(RecordDocument),
  /** The checkup reports the observations with a reportId belong to. */
  checkups: z.array(
    z.object({
      id: Uuid,
      performedAt: IsoDateTime,
      center: z.string().nullable(),
      packageName: z.string().nullable(),
      reportNo: z.string().nullable(),
      itemCount: z.number().int(),
      abnormalCount: z.number().int(),
    }),
  ),
});
export type RecordExport = z.infer<typeof RecordExport>;
