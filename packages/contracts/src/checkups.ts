import { z } from 'zod';
import { IsoDateTime, Locale, Uuid, pageOf } from './common.ts';
import { PatientFollowUpTask } from './followup.ts';

// Checkups (体检): import of checkup reports (CSV/Excel template, HL7 v2 ORU^R01, FHIR R4 bundles, text PDFs,
// photos), the org's item-code mapping table and packages, and the patient's reports with explanations,
// comparison with the previous checkup and a summary PDF.

export const CheckupSourceFormat = z.enum(['csv', 'xlsx', 'hl7', 'fhir', 'pdf', 'image']);
export type CheckupSourceFormat = z.infer<typeof CheckupSourceFormat>;

/** HL7 v2 table 0078 style: N normal, H/L high/low, HH/LL critical, A abnormal without direction (e.g. positive). */
export const CheckupFlag = z.enum(['N', 'H', 'L', 'HH', 'LL', 'A']);
export type CheckupFlag = z.infer<typeof CheckupFlag>;

/** Loose LOINC shape (digits, dash, check digit); the server also checks the code is one it knows. */
export const LoincCode = z
  .string()
  .trim()
  .regex(/^\d{1,7}-\d$/);

// ---------------------------------------------------------------------------------------------------------------
// Template and imports

/** GET /checkups/template?format=xlsx|csv: the file the console offers for download (column names in the caller's language). */
export const CheckupTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const CheckupImportStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type CheckupImportStatus = z.infer<typeof CheckupImportStatus>;

export const CheckupImportFile = z.object({
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  format: CheckupSourceFormat,
});
export type CheckupImportFile = z.infer<typeof CheckupImportFile>;

export const CheckupImportJob = z.object({
  id: Uuid,
  status: CheckupImportStatus,
  files: z.array(CheckupImportFile),
  /** Reports found in the files so far (grows while files are parsed). */
  totalReports: z.number().int(),
  processedReports: z.number().int(),
  reportsCreated: z.number().int(),
  /** Reports already stored by an earlier import of the same data (their missing items are still added). */
  reportsDuplicate: z.number().int(),
  itemsStored: z.number().int(),
  itemsDuplicate: z.number().int(),
  /** Items kept under their local name because no code is mapped yet (listed under /checkups/unmapped). */
  unmappedItems: z.number().int(),
  problemCount: z.number().int(),
  createdBy: z.object({ id: Uuid, name: z.string() }),
  createdAt: IsoDateTime,
  startedAt: IsoDateTime.nullable(),
  finishedAt: IsoDateTime.nullable(),
  /** Why the whole job failed, in the caller's language (row problems are listed separately). */
  error: z.string().nullable(),
});
export type CheckupImportJob = z.infer<typeof CheckupImportJob>;

/** A file of an upload that was refused up front (not stored, not imported). */
export const RefusedCheckupFile = z.object({
  name: z.string(),
  size: z.number().int(),
  /** Error code, e.g. CHECKUP_FILE_TYPE_UNSUPPORTED, CHECKUP_FILE_TOO_LARGE, CHECKUP_FILE_EXECUTABLE. */
  code: z.string(),
  /** In the caller's language. */
  message: z.string(),
});
export type RefusedCheckupFile = z.infer<typeof RefusedCheckupFile>;

/**
 * POST /checkups/imports (multipart, field `files`, one or more) -> 202. When every file is refused the answer is a
 * 4xx problem+json instead (413 too large, 415 wrong type or executable, 400 unreadable), naming each file in `errors`.
 */
export const CreatedCheckupImport = z.object({
  job: CheckupImportJob,
  refused: z.array(RefusedCheckupFile),
});
export type CreatedCheckupImport = z.infer<typeof CreatedCheckupImport>;

export const CheckupImportListQuery = z.object({
  status: CheckupImportStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const CheckupImportPage = pageOf(CheckupImportJob);

export const CheckupImportProblem = z.object({
  id: Uuid,
  fileName: z.string(),
  /** Row (CSV/Excel), line (HL7, PDF, photo) or bundle entry (FHIR); null for a problem with the whole file. */
  rowNo: z.number().int().nullable(),
  field: z.string().nullable(),
  /** Machine code: missing_column, bad_number, patient_not_found, unit_unknown, invalid_code, ... */
  code: z.string(),
  /** In the caller's language. */
  message: z.string(),
});
export type CheckupImportProblem = z.infer<typeof CheckupImportProblem>;
export const CheckupImportProblemQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});
export const CheckupImportProblemPage = pageOf(CheckupImportProblem);

// ---------------------------------------------------------------------------------------------------------------
// Item mappings (local item name -> LOINC), editable by org admins and health managers

export const CheckupItemMapping = z.object({
  id: Uuid,
  localName: z.string(),
  /** The name as matched: trimmed, full-width folded, case and spaces normalized. */
  localNameNormalized: z.string(),
  loinc: z.string(),
  analyteNameZh: z.string(),
  analyteNameEn: z.string(),
  /** The unit this local item is reported in, when it differs from the analyte's usual unit. */
  unit: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type CheckupItemMapping = z.infer<typeof CheckupItemMapping>;

export const CheckupItemMappingQuery = z.object({
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const CheckupItemMappingPage = pageOf(CheckupItemMapping);

export const CheckupItemMappingInput = z.strictObject({
  localName: z.string().trim().min(1).max(80),
  loinc: LoincCode,
  unit: z.string().trim().min(1).max(20).optional(),
});
export const CheckupItemMappingUpdate = z.strictObject({
  localName: z.string().trim().min(1).max(80).optional(),
  loinc: LoincCode.optional(),
  unit: z.string().trim().min(1).max(20).nullable().optional(),
  version: z.number().int().min(1),
});
/** A saved mapping and how many of the org's stored unmapped observations it re-coded. */
export const SavedCheckupItemMapping = z.object({
  mapping: CheckupItemMapping,
  recoded: z.number().int(),
});
export type SavedCheckupItemMapping = z.infer<typeof SavedCheckupItemMapping>;

/** Stored observations of the org still coded by local name, grouped by that name. */
export const UnmappedCheckupItem = z.object({
  localName: z.string(),
  localNameNormalized: z.string(),
  count: z.number().int(),
  patientCount: z.number().int(),
  exampleValues: z.array(z.string()),
  units: z.array(z.string()),
  firstSeenAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  /** A LOINC code the server would suggest for this name, if any. */
  suggestedLoinc: z.string().nullable(),
});
export type UnmappedCheckupItem = z.infer<typeof UnmappedCheckupItem>;
export const UnmappedCheckupItemQuery = z.object({
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const UnmappedCheckupItemPage = pageOf(UnmappedCheckupItem);

// ---------------------------------------------------------------------------------------------------------------
// Packages (体检套餐)

export const CheckupPackage = z.object({
  id: Uuid,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** LOINC codes of the items the package includes. */
  itemCodes: z.array(z.string()),
  /** Price in fen (CNY cents); null when not priced. */
  priceCents: z.number().int().nullable(),
  active: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type CheckupPackage = z.infer<typeof CheckupPackage>;
export const CheckupPackageInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/),
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  itemCodes: z.array(LoincCode).max(200).default([]),
  priceCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  active: z.boolean().default(true),
});
export const CheckupPackageUpdate = z.strictObject({
  nameZh: z.string().trim().min(1).max(60).optional(),
  nameEn: z.string().trim().min(1).max(80).optional(),
  itemCodes: z.array(LoincCode).max(200).optional(),
  priceCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export const CheckupPackageList = z.object({ items: z.array(CheckupPackage) });

// ---------------------------------------------------------------------------------------------------------------
// A patient's reports

/** How an item compares with the same item in the patient's previous checkup. */
export const CheckupChange = z.enum(['better', 'worse', 'unchanged', 'new', 'resolved']);
export type CheckupChange = z.infer<typeof CheckupChange>;

export const CheckupItemCategory = z.enum([
  'glucose',
  'lipids',
  'liver',
  'kidney',
  'blood_count',
  'electrolytes',
  'vitals',
  'body',
  'other',
]);
export type CheckupItemCategory = z.infer<typeof CheckupItemCategory>;

export const CheckupReportSummary = z.object({
  id: Uuid,
  patientId: Uuid,
  performedAt: IsoDateTime,
  center: z.string().nullable(),
  externalId: z.string().nullable(),
  /** The org's package when the report names one the org has. */
  package: z.object({ id: Uuid, code: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  /** The package name as the source wrote it. */
  packageName: z.string().nullable(),
  sourceFormat: CheckupSourceFormat,
  itemCount: z.number().int(),
  abnormalCount: z.number().int(),
  /** Against the previous report: items newly abnormal, worse, better, back to normal. */
  newAbnormalCount: z.number().int(),
  worseCount: z.number().int(),
  betterCount: z.number().int(),
  resolvedCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type CheckupReportSummary = z.infer<typeof CheckupReportSummary>;

export const CheckupReportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const CheckupReportPage = pageOf(CheckupReportSummary);

export const CheckupReport = CheckupReportSummary.extend({
  conclusion: z.string().nullable(),
  importJobId: Uuid.nullable(),
  /** The report the comparison is made against (the patient's previous checkup), if any. */
  previousReport: z.object({ id: Uuid, performedAt: IsoDateTime }).nullable(),
});
export type CheckupReport = z.infer<typeof CheckupReport>;

/** Plain-language explanation of an abnormal item, in the caller's language, from the reviewed content table. */
export const CheckupItemExplanation = z.object({
  /** The flag in words, e.g. 偏高 / High. */
  flagText: z.string(),
  measures: z.string(),
  meaning: z.string(),
  nextSteps: z.string(),
  sources: z.array(z.string()),
});
export type CheckupItemExplanation = z.infer<typeof CheckupItemExplanation>;

export const CheckupItemComparison = z.object({
  previousValue: z.string().nullable(),
  previousFlag: CheckupFlag.nullable(),
  previousAt: IsoDateTime.nullable(),
  change: CheckupChange,
});
export type CheckupItemComparison = z.infer<typeof CheckupItemComparison>;

export const CheckupItem = z.object({
  id: Uuid,
  /** From the code table in the caller's language when the item is mapped, else the local name. */
  name: z.string(),
  localName: z.string(),
  category: CheckupItemCategory,
  code: z.string(),
  codeSystem: z.enum(['loinc', 'local']),
  valueNum: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  refText: z.string().nullable(),
  flag: CheckupFlag.nullable(),
  /** Only for abnormal items. */
  explanation: CheckupItemExplanation.optional(),
  /** Only when the patient has an earlier report (absent item there -> 'new' when abnormal now). */
  comparison: CheckupItemComparison.optional(),
});
export type CheckupItem = z.infer<typeof CheckupItem>;

/** Earlier values of an abnormal item, oldest first, for the trend chart. */
export const CheckupTrend = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  refLow: z.number().nullable(),
  refHigh: z.number().nullable(),
  points: z.array(z.object({ reportId: Uuid.nullable(), at: IsoDateTime, value: z.number() })),
});
export type CheckupTrend = z.infer<typeof CheckupTrend>;

/** GET /patients/:id/checkups/:reportId: items ordered abnormal first (critical, then high/low, then the rest). */
export const CheckupReportDetail = z.object({
  report: CheckupReport,
  items: z.array(CheckupItem),
  trends: z.array(CheckupTrend),
  /** Follow-up tasks the rules created from this report (检后随访), as the patient may see them. */
  followUpTasks: z.array(PatientFollowUpTask),
});
export type CheckupReportDetail = z.infer<typeof CheckupReportDetail>;

/** GET /patients/:id/checkups/:reportId/summary.pdf?lang=zh-CN|en-US (defaults to the request language). */
export const CheckupSummaryPdfQuery = z.object({ lang: Locale.optional() });
