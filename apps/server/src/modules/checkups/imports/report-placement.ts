// A chunk of parsed reports placed inside the caller's transaction: patients found (one query) or registered, the
// report rows inserted in one statement (or the earlier import's rows found), each report's items stored as
// observations with the follow-up rules, counts and audit entries written once for the chunk.
// Nothing of the job is touched here: the caller applies the outcomes once the transaction has committed.
import type { ParsedReport, RowProblem } from '@careloop/interop';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudits, type AuditEntry } from '../../../platform/audit/audit-log.ts';
import type { CheckupSourceFormatColumn } from '../../../platform/db/schema-checkups.ts';
import type { FollowUpRuleSet } from '../../followup/index.ts';
import { storeObservationsMany, type StoredObservation } from '../../records/index.ts';
import type { ImportPatients, PatientMatch } from './import-patients.ts';
import type { JobCounters } from './imports.repository.ts';
import { buildItemRows, type CheckupItemRow, type ItemMapping } from './item-rows.ts';
import { reportDedupeKey } from './report-key.ts';
import { reportWriterRepository as writer, type NewReport } from './report-writer.repository.ts';

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

interface Planned {
  outcome: PlacementOutcome;
  patientId: string;
  center: string | null;
  rows: CheckupItemRow[];
  rowNo: number | null;
  report: NewReport;
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

/** Finds or registers the patient and builds the report row and its item rows; a problem ends the report here. */
async function plan(tx: Tx, job: JobContext, dated: DatedReport): Promise<Planned | PlacementOutcome> {
  const { report, performedAt, rowNo } = dated;
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
  const outcome: PlacementOutcome = { match, delta: null, problems: [...built.problems] };
  if (built.rows.length === 0) {
    outcome.problems.push({
      rowNo,
      code: 'no_items',
      message: 'The report has no results to import',
      messageZh: '报告中没有可导入的结果',
    });
    return outcome;
  }
  return {
    outcome,
    patientId,
    center,
    rows: built.rows,
    rowNo,
    report: {
      id: uuidv7(),
      org_id: job.orgId,
      patient_id: patientId,
      package_id: job.packages.get(report.packageName?.trim().toLowerCase() ?? '') ?? null,
      package_name: report.packageName?.trim().slice(0, 200) || null,
      external_id: externalId,
      performed_at: performedAt,
      center,
      conclusion: report.conclusion?.trim().slice(0, 5000) || null,
      source_format: dated.format,
      import_job_id: job.jobId,
      dedupe_key: reportKey,
      item_count: built.rows.length,
      abnormal_count: built.rows.filter((r) => abnormal(r.flag)).length,
      created_by: job.importerId,
    },
  };
}

export async function placeReports(
  tx: Tx,
  deps: AppDeps,
  job: JobContext,
  chunk: readonly DatedReport[],
): Promise<PlacementOutcome[]> {
  await job.patients.prefetch(
    tx,
    job.orgId,
    chunk.map((d) => d.report.patient),
  );
  const planned: (Planned | PlacementOutcome)[] = [];
  for (const dated of chunk) planned.push(await plan(tx, job, dated));
  await job.patients.flush(tx);
  const toPlace = planned.filter((p): p is Planned => 'report' in p);
  const placed = await writer.insertOrFindMany(
    tx,
    job.orgId,
    toPlace.map((p) => p.report),
  );

  const audits: AuditEntry[] = [];
  const counts: { reportId: string; items: number; abnormal: number }[] = [];
  const recount: string[] = [];
  const placedHere: { p: Planned; at: { id: string; created: boolean } }[] = [];
  for (const p of toPlace) {
    const { match } = p.outcome;
    if (match?.ok && match.audit) audits.push(match.audit);
    const at = placed.get(p.report.dedupe_key)!;
    if (at.patientId !== p.patientId) {
      p.outcome.problems.push({
        rowNo: p.rowNo,
        field: 'externalId',
        code: 'report_of_another_patient',
        message: 'A report with this number is already stored for another patient; it was not imported',
        messageZh: '该报告编号已属于另一位患者的报告，未导入',
      });
      continue;
    }
    placedHere.push({ p, at });
  }
  // Every report's items in one batch: one INSERT per 1,000 rows and the follow-up rules once for the chunk.
  const storedByPatient = await storeObservationsMany(tx, deps, {
    orgId: job.orgId,
    recordedBy: job.importerId,
    rules: job.rules,
    groups: placedHere.map(({ p, at }) => ({
      patientId: p.patientId,
      rows: p.rows.map((row) => toObservation(row, at.id, p.center)),
    })),
  });
  const storedByReport = new Map<string, StoredObservation[]>();
  for (const list of storedByPatient.values()) {
    for (const o of list) {
      if (!o.reportId) continue;
      storedByReport.set(o.reportId, [...(storedByReport.get(o.reportId) ?? []), o]);
    }
  }
  for (const { p, at } of placedHere) {
    const stored = storedByReport.get(at.id) ?? [];
    const flagged = stored.filter((o) => abnormal(o.flag)).length;
    if (!at.created && stored.length > 0) recount.push(at.id);
    if (at.created && (flagged !== p.report.abnormal_count || stored.length !== p.report.item_count))
      counts.push({ reportId: at.id, items: stored.length, abnormal: flagged });
    audits.push({
      action: at.created ? 'checkup_report.import' : 'checkup_report.reimport',
      orgId: job.orgId,
      patientId: p.patientId,
      actorAccountId: job.importerId,
      resourceType: 'checkup_report',
      resourceId: at.id,
      detail: { importJobId: job.jobId, stored: stored.length, duplicate: p.rows.length - stored.length },
    });
    const storedKeys = new Set(stored.map((o) => o.dedupeKey));
    p.outcome.delta = {
      reports_created: at.created ? 1 : 0,
      reports_duplicate: at.created ? 0 : 1,
      items_stored: stored.length,
      items_duplicate: p.rows.length - stored.length,
      unmapped_items: p.rows.filter((r) => r.codeSystem === 'local' && storedKeys.has(r.dedupeKey)).length,
    };
  }
  await writer.setCounts(tx, counts);
  await writer.recount(tx, recount);
  await recordAudits(tx, null, audits);
  return planned.map((p) => ('report' in p ? p.outcome : p));
}
