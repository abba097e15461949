// The body of an import job: parse each staged file, place each report (patient, package, dedupe), store its items
// as observations with the org's follow-up rules, one transaction per report. A bad report is a row problem, never a
// failed job; a failure of the job itself keeps every report stored before it.
import type { ParsedReport, RowProblem } from '@careloop/interop';
import type { AppDeps } from '../../../platform/deps.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { loadFollowUpRules, type FollowUpRuleSet } from '../../followup/index.ts';
import { storeObservations } from '../../records/index.ts';
import { parseCheckupFile } from '../parsers/index.ts';
import { importsRepository as repo } from './imports.repository.ts';
import { reportWriterRepository as writer } from './report-writer.repository.ts';
import { ImportPatients } from './import-patients.ts';
import { ImportProgress } from './import-progress.ts';
import { buildItemRows, type CheckupItemRow, type ItemMapping } from './item-rows.ts';
import { reportDedupeKey } from './report-key.ts';
import { toInstant } from './zoned-time.ts';
import type { CheckupSourceFormatColumn } from '../../../platform/db/schema-checkups.ts';

interface JobContext {
  jobId: string;
  orgId: string;
  importerId: string;
  timeZone: string;
  rules: FollowUpRuleSet;
  mappings: ReadonlyMap<string, ItemMapping>;
  packages: ReadonlyMap<string, string>;
  patients: ImportPatients;
  progress: ImportProgress;
}

type ReportProblem = Omit<RowProblem, 'rowNo'> & { rowNo: number | null };

const abnormal = (flag: string | null | undefined) => flag != null && flag !== 'N';

export class CheckupImportRunner {
  constructor(private readonly deps: AppDeps) {}

  /** Runs one job to its end. Safe to call twice: a finished job is not claimed again, stored rows are not repeated. */
  async run(jobId: string): Promise<void> {
    const { db } = this.deps;
    const claimed = await repo.claimJob(db, jobId);
    if (!claimed) return;
    const progress = new ImportProgress(jobId, claimed.org_id);
    try {
      const job = await this.#context(claimed, progress);
      for (const seq of await repo.stagedFileSeqs(db, jobId)) {
        if (progress.cancelled) break;
        await this.#importFile(job, seq);
      }
      await repo.insertProblems(db, progress.takePending());
      await repo.finishJob(db, jobId, { status: 'done', counters: progress.counters, error: null });
    } catch (error) {
      await repo.insertProblems(db, progress.takePending()).catch(() => undefined);
      await repo.finishJob(db, jobId, {
        status: 'failed',
        counters: progress.counters,
        error: 'CHECKUP_IMPORT_FAILED',
      });
      throw error;
    } finally {
      await repo.deleteStagedFiles(db, jobId);
    }
  }

  async #context(
    claimed: { id: string; org_id: string; created_by: string },
    progress: ImportProgress,
  ): Promise<JobContext> {
    const { db } = this.deps;
    const orgId = claimed.org_id;
    const packages = new Map<string, string>();
    for (const p of await writer.packagesOf(db, orgId)) {
      for (const name of [p.code, p.name_zh, p.name_en]) packages.set(name.trim().toLowerCase(), p.id);
    }
    return {
      jobId: claimed.id,
      orgId,
      importerId: claimed.created_by,
      timeZone: await repo.orgTimeZone(db, orgId),
      rules: await loadFollowUpRules(db, orgId),
      mappings: new Map(
        (await writer.mappingsOf(db, orgId)).map((m) => [
          m.local_name_normalized,
          { loinc: m.loinc, unit: m.unit },
        ]),
      ),
      packages,
      patients: new ImportPatients(this.deps),
      progress,
    };
  }

  async #importFile(job: JobContext, seq: number): Promise<void> {
    const { db, crypto } = this.deps;
    const staged = await repo.stagedFile(db, job.jobId, seq);
    if (!staged) return;
    const bytes = Buffer.from(crypto.decrypt(staged.bytes_enc), 'base64');
    const outcome = await parseCheckupFile({
      bytes: new Uint8Array(bytes),
      fileName: staged.name,
      declaredType: staged.content_type ?? undefined,
    });
    job.progress.addProblems(staged.name, outcome.problems);
    job.progress.add({ total_reports: outcome.reports.length });
    await job.progress.flush(db);
    for (const report of outcome.reports) {
      if (job.progress.cancelled) return;
      await this.#importReport(job, staged.name, outcome.format, report);
      job.progress.add({ processed_reports: 1 });
      if (job.progress.due()) await job.progress.flush(db);
    }
    await job.progress.flush(db);
  }

  async #importReport(
    job: JobContext,
    fileName: string,
    format: CheckupSourceFormatColumn,
    report: ParsedReport,
  ): Promise<void> {
    const rowNo = report.items[0]?.rowNo ?? null;
    const problems: ReportProblem[] = [];
    const performedAt =
      (report.performedAt ? toInstant(report.performedAt, job.timeZone) : undefined) ??
      report.items
        .map((i) => (i.observedAt ? toInstant(i.observedAt, job.timeZone) : undefined))
        .find(Boolean);
    if (!performedAt) {
      job.progress.addProblems(fileName, [
        {
          rowNo,
          field: 'performedAt',
          code: 'missing_date',
          message: 'The report has no checkup date; it was not imported',
          messageZh: '报告缺少体检日期，未导入',
        },
      ]);
      return;
    }
    try {
      const outcome = await this.deps.db.transaction().execute(async (tx) => {
        const match = await job.patients.resolve(tx, {
          orgId: job.orgId,
          importerId: job.importerId,
          jobId: job.jobId,
          ref: report.patient,
        });
        if (!match.ok) {
          problems.push({ rowNo, ...match.problem });
          return { match, delta: null };
        }
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
          return { match, delta: null };
        }
        const placed = await writer.insertOrFind(tx, {
          id: uuidv7(),
          org_id: job.orgId,
          patient_id: patientId,
          package_id: job.packages.get(report.packageName?.trim().toLowerCase() ?? '') ?? null,
          package_name: report.packageName?.trim().slice(0, 200) || null,
          external_id: externalId,
          performed_at: performedAt,
          center,
          conclusion: report.conclusion?.trim().slice(0, 5000) || null,
          source_format: format,
          import_job_id: job.jobId,
          dedupe_key: reportKey,
          item_count: built.rows.length,
          abnormal_count: built.rows.filter((r) => abnormal(r.flag)).length,
          created_by: job.importerId,
        });
        if (placed.patientId !== patientId) {
          problems.push({
            rowNo,
            field: 'externalId',
            code: 'report_of_another_patient',
            message: 'A report with this number is already stored for another patient; it was not imported',
            messageZh: '该报告编号已属于另一位患者的报告，未导入',
          });
          return { match, delta: null };
        }
        const stored = await storeObservations(tx, this.deps, {
          orgId: job.orgId,
          patientId,
          recordedBy: job.importerId,
          rules: job.rules,
          rows: built.rows.map((row) => toObservation(row, placed.id, center)),
        });
        if (!placed.created && stored.length > 0) await writer.recount(tx, placed.id, patientId);
        if (placed.created) {
          const flagged = stored.filter((o) => abnormal(o.flag)).length;
          if (
            flagged !== built.rows.filter((r) => abnormal(r.flag)).length ||
            stored.length !== built.rows.length
          )
            await writer.setCounts(tx, placed.id, { items: stored.length, abnormal: flagged });
        }
        await recordAudit(tx, null, {
          action: placed.created ? 'checkup_report.import' : 'checkup_report.reimport',
          orgId: job.orgId,
          patientId,
          actorAccountId: job.importerId,
          resourceType: 'checkup_report',
          resourceId: placed.id,
          detail: {
            importJobId: job.jobId,
            stored: stored.length,
            duplicate: built.rows.length - stored.length,
          },
        });
        const storedIds = new Set(stored.map((o) => o.dedupeKey));
        const delta = {
          reports_created: placed.created ? 1 : 0,
          reports_duplicate: placed.created ? 0 : 1,
          items_stored: stored.length,
          items_duplicate: built.rows.length - stored.length,
          unmapped_items: built.rows.filter((r) => r.codeSystem === 'local' && storedIds.has(r.dedupeKey))
            .length,
        };
        return { match, delta };
      });
      if (outcome.delta) job.progress.add(outcome.delta);
      job.patients.remember(outcome.match);
      job.progress.addProblems(fileName, problems);
    } catch (error) {
      // The report's transaction rolled back: nothing of it is stored, the next report goes on.
      job.progress.addProblems(fileName, [
        {
          rowNo,
          code: 'report_failed',
          message: `The report could not be stored (${(error as Error).name}); the other reports are not affected`,
          messageZh: '该报告未能保存，其他报告不受影响',
        },
      ]);
    }
  }
}

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
