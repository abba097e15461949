// The body of an import job: parse each staged file, then place its reports (patient, package, dedupe, items stored
// as observations with the org's follow-up rules). A bad report is a row problem, never a failed job; a failure of
// the job itself keeps every report stored before it.
//
// Speed: reports go in lanes (by patient, so one person's reports stay in order on one connection) that run side by
// side, each committing a chunk of reports per transaction. When a chunk fails, it is rolled back and its reports
// are placed again one per transaction, so only the report at fault is lost, with a problem naming it.
import { createHash } from 'node:crypto';
import type { ParsedReport } from '@careloop/interop';
import type { AppDeps } from '../../../platform/deps.ts';
import { loadFollowUpRules } from '../../followup/index.ts';
import { parseCheckupFile } from '../parsers/index.ts';
import { importsRepository as repo } from './imports.repository.ts';
import { reportWriterRepository as writer } from './report-writer.repository.ts';
import { ImportPatients } from './import-patients.ts';
import { ImportProgress } from './import-progress.ts';
import {
  placeReports,
  type DatedReport,
  type JobContext,
  type PlacementOutcome,
} from './report-placement.ts';
import { toInstant } from './zoned-time.ts';
import type { CheckupSourceFormatColumn } from '../../../platform/db/schema-checkups.ts';

/**
 * Connections one import uses side by side: up to half the pool (the API keeps the rest), at least two, at most eight.
 * Imports are waiting on the database far more than computing, so lanes multiply their speed.
 */
const lanesFor = (poolMax: number | undefined) => Math.min(8, Math.max(2, Math.floor((poolMax ?? 10) / 2)));
/** Reports committed together; small enough that a rare fallback to one-by-one costs little. */
const CHUNK = 25;

interface RunningJob extends JobContext {
  progress: ImportProgress;
}

/** The patient a report is for, as far as the file says: the lane it goes in. */
function laneOf(report: ParsedReport, lanes: number): number {
  const p = report.patient;
  const key = p.nationalId?.trim().toUpperCase() || p.mrn?.trim().toUpperCase() || `${p.name}|${p.birthDate}`;
  return createHash('sha1').update(key).digest().readUInt32BE(0) % lanes;
}

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
  ): Promise<RunningJob> {
    const { db } = this.deps;
    const orgId = claimed.org_id;
    const packages = new Map<string, string>();
    for (const p of await writer.packagesOf(db, orgId)) {
      for (const name of [p.code, p.name_zh, p.name_en]) packages.set(name.trim().toLowerCase(), p.id);
    }
    const mappings = await writer.mappingsOf(db, orgId);
    return {
      jobId: claimed.id,
      orgId,
      importerId: claimed.created_by,
      timeZone: await repo.orgTimeZone(db, orgId),
      rules: await loadFollowUpRules(db, orgId),
      mappings: new Map(mappings.map((m) => [m.local_name_normalized, { loinc: m.loinc, unit: m.unit }])),
      packages,
      patients: new ImportPatients(this.deps),
      progress,
    };
  }

  async #importFile(job: RunningJob, seq: number): Promise<void> {
    const { db, crypto } = this.deps;
    const staged = await repo.stagedFile(db, job.jobId, seq);
    if (!staged) return;
    const bytes = Buffer.from(crypto.decrypt(staged.bytes_enc), 'base64');
    const outcome = await parseCheckupFile({
      bytes: new Uint8Array(bytes),
      fileName: staged.name,
      declaredType: staged.content_type ?? undefined,
    });
    const fileName = staged.name;
    job.progress.addProblems(fileName, outcome.problems);
    job.progress.add({ total_reports: outcome.reports.length });
    await job.progress.flush(db);

    const count = lanesFor(this.deps.pool.options.max);
    const lanes: DatedReport[][] = Array.from({ length: count }, () => []);
    for (const report of outcome.reports) {
      const dated = this.#dated(job, fileName, outcome.format, report);
      if (dated) lanes[laneOf(report, count)]!.push(dated);
      else job.progress.add({ processed_reports: 1 });
    }
    await Promise.all(lanes.map((lane) => this.#runLane(job, fileName, lane)));
    await job.progress.flush(db);
  }

  /** The report with its date settled, or a problem when it has none. */
  #dated(
    job: RunningJob,
    fileName: string,
    format: CheckupSourceFormatColumn,
    report: ParsedReport,
  ): DatedReport | null {
    const rowNo = report.items[0]?.rowNo ?? null;
    const performedAt =
      (report.performedAt ? toInstant(report.performedAt, job.timeZone) : undefined) ??
      report.items
        .map((i) => (i.observedAt ? toInstant(i.observedAt, job.timeZone) : undefined))
        .find(Boolean);
    if (performedAt) return { report, performedAt, format, rowNo };
    job.progress.addProblems(fileName, [
      {
        rowNo,
        field: 'performedAt',
        code: 'missing_date',
        message: 'The report has no checkup date; it was not imported',
        messageZh: '报告缺少体检日期，未导入',
      },
    ]);
    return null;
  }

  async #runLane(job: RunningJob, fileName: string, lane: readonly DatedReport[]): Promise<void> {
    for (let i = 0; i < lane.length; i += CHUNK) {
      if (job.progress.cancelled) return;
      const chunk = lane.slice(i, i + CHUNK);
      const outcomes = await this.#placeChunk(job, chunk);
      for (const outcome of outcomes) this.#apply(job, fileName, outcome);
      await job.progress.flushIfDue(this.deps.db);
    }
  }

  /** Places a chunk in one transaction; if that fails, each report again in its own. */
  async #placeChunk(job: RunningJob, chunk: readonly DatedReport[]): Promise<PlacementOutcome[]> {
    const place = (reports: readonly DatedReport[]) =>
      this.deps.db.transaction().execute((tx) => placeReports(tx, this.deps, job, reports));
    try {
      return await place(chunk);
    } catch {
      const outcomes: PlacementOutcome[] = [];
      for (const dated of chunk) {
        try {
          outcomes.push(...(await place([dated])));
        } catch (error) {
          // This report's transaction rolled back: nothing of it is stored, the others are not affected.
          outcomes.push({
            match: null,
            delta: null,
            problems: [
              {
                rowNo: dated.rowNo,
                code: 'report_failed',
                message: `The report could not be stored (${(error as Error).name}); the other reports are not affected`,
                messageZh: '该报告未能保存，其他报告不受影响',
              },
            ],
          });
        }
      }
      return outcomes;
    }
  }

  /** A committed placement counts: its patient is remembered, its numbers and problems join the job's. */
  #apply(job: RunningJob, fileName: string, outcome: PlacementOutcome) {
    if (outcome.match) job.patients.remember(outcome.match);
    if (outcome.delta) job.progress.add(outcome.delta);
    job.progress.add({ processed_reports: 1 });
    job.progress.addProblems(fileName, outcome.problems);
  }
}
