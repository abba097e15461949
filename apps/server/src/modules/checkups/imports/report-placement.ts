// One parsed report placed inside the caller's transaction: its patient found or registered, the report row
// inserted (or the earlier import's row found), its items stored as observations with the follow-up rules, audited.
// Nothing of the job is touched here: the caller applies the outcome once the transaction has committed.
import type { ParsedReport, RowProblem } from '@careloop/interop';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { CheckupSourceFormatColumn } from '../../../platform/db/schema-checkups.ts';
import type { FollowUpRuleSet } from '../../followup/index.ts';
import { storeObservations } from '../../records/index.ts';
import type { ImportPatients, PatientMatch } from './import-patients.ts';
import type { JobCounters } from './imports.repository.ts';
import { buildItemRows, type CheckupItemRow, type ItemMapping } from './item-rows.ts';
import { reportDedupeKey } from './report-key.ts';
import { reportWriterRepository as writer } from './report-writer.repository.ts';

export interface JobContext {
  jobId: string;
  orgId: string;
  importerId: string;
  timeZone: string;
  rules: FollowUpRuleSet;
  mappings: ReadonlyMap<string, ItemMapping>;
  /** Package ids by code and both names, lower-cased. */
  packages: ReadonlyMap<string, string>;
  patients: ImportPatients;
}

export type ReportProblem = Omit<RowProblem, 'rowNo'> & { rowNo: number | null };

export interface PlacementOutcome {
  match: PatientMatch | null;
  delta: Partial<JobCounters> | null;
  problems: ReportProblem[];
}

/** A report ready to place: its date settled in the org's time zone. */
export interface DatedReport {
  report: ParsedReport;
  performedAt: Date;
  format: CheckupSourceFormatColumn;
  rowNo: number | null;
}

const abnormal = (flag: string | null | undefined) => flag != null && flag !== 'N';

function toObservation(row: CheckupItemRow, reportId: string, center: string | null) {
  return {
    codeSystem: row.codeSystem,
    code: row.code,
    name: row.name,
    valueNum: row.valueNum,
    valueText: row.valueText,
    unit: row.unit,
    refLow: row.refLow,
    refHigh: row.refHigh,
    refText: row.refText,
    // Without a flag from the source, the records module computes it from the range, sex and age.
    ...(row.flag ? { flag: row.flag } : {}),
    effectiveAt: row.effectiveAt,
    source: 'checkup' as const,
    sourceOrg: center,
    reportId,
    dedupeKey: row.dedupeKey,
    note: row.note,
  };
}

export async function placeReport(
  tx: Tx,
  deps: AppDeps,
  job: JobContext,
  dated: DatedReport,
): Promise<PlacementOutcome> {
  const { report, performedAt, rowNo } = dated;
  const problems: ReportProblem[] = [];
  const match = await job.patients.resolve(tx, {
    orgId: job.orgId,
    importerId: job.importerId,
    jobId: job.jobId,
    ref: report.patient,
  });
  if (!match.ok) return { match, delta: null, problems: [{ rowNo, ...match.problem }] };
  const patientId = match.patientId;
  const center = report.center?.trim() || null;
  const externalId = report.externalId?.trim() || null;
  const reportKey = reportDedupeKey({
    orgId: job.orgId,
    center,
    externalId,
    patientId,
    performedAt,
    itemNames: report.items.map((i) => i.localName),
  });
  const built = buildItemRows({
    items: report.items,
    reportKey,
    performedAt,
    timeZone: job.timeZone,
    mappings: job.mappings,
  });
  problems.push(...built.problems);
  if (built.rows.length === 0) {
    problems.push({
      rowNo,
      code: 'no_items',
      message: 'The report has no results to import',
      messageZh: '报告中没有可导入的结果',
    });
    return { match, delta: null, problems };
  }
  const placed = await writerInsert(tx, job, dated, { patientId, center, externalId, reportKey, built });
  if (placed.patientId !== patientId) {
    problems.push({
      rowNo,
      field: 'externalId',
      code: 'report_of_another_patient',
      message: 'A report with this number is already stored for another patient; it was not imported',
      messageZh: '该报告编号已属于另一位患者的报告，未导入',
    });
    return { match, delta: null, problems };
  }
  const stored = await storeObservations(tx, deps, {
    orgId: job.orgId,
    patientId,
    recordedBy: job.importerId,
    rules: job.rules,
    rows: built.rows.map((row) => toObservation(row, placed.id, center)),
  });
  if (!placed.created && stored.length > 0) await writer.recount(tx, placed.id, patientId);
  if (placed.created) {
    const flagged = stored.filter((o) => abnormal(o.flag)).length;
    if (flagged !== built.rows.filter((r) => abnormal(r.flag)).length || stored.length !== built.rows.length)
      await writer.setCounts(tx, placed.id, { items: stored.length, abnormal: flagged });
  }
  await recordAudit(tx, null, {
    action: placed.created ? 'checkup_report.import' : 'checkup_report.reimport',
    orgId: job.orgId,
    patientId,
    actorAccountId: job.importerId,
    resourceType: 'checkup_report',
    resourceId: placed.id,
    detail: { importJobId: job.jobId, stored: stored.length, duplicate: built.rows.length - stored.length },
  });
  const storedKeys = new Set(stored.map((o) => o.dedupeKey));
  return {
    match,
    problems,
    delta: {
      reports_created: placed.created ? 1 : 0,
      reports_duplicate: placed.created ? 0 : 1,
      items_stored: stored.length,
      items_duplicate: built.rows.length - stored.length,
      unmapped_items: built.rows.filter((r) => r.codeSystem === 'local' && storedKeys.has(r.dedupeKey))
        .length,
    },
  };
}

async function writerInsert(
  tx: Tx,
  job: JobContext,
  dated: DatedReport,
  input: {
    patientId: string;
    center: string | null;
    externalId: string | null;
    reportKey: string;
    built: ReturnType<typeof buildItemRows>;
  },
) {
  const { report } = dated;
  return writer.insertOrFind(tx, {
    id: uuidv7(),
    org_id: job.orgId,
    patient_id: input.patientId,
    package_id: job.packages.get(report.packageName?.trim().toLowerCase() ?? '') ?? null,
    package_name: report.packageName?.trim().slice(0, 200) || null,
    external_id: input.externalId,
    performed_at: dated.performedAt,
    center: input.center,
    conclusion: report.conclusion?.trim().slice(0, 5000) || null,
    source_format: dated.format,
    import_job_id: job.jobId,
    dedupe_key: input.reportKey,
    item_count: input.built.rows.length,
    abnormal_count: input.built.rows.filter((r) => abnormal(r.flag)).length,
    created_by: job.importerId,
  });
}
