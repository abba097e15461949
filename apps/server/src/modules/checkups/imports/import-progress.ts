import type { RowProblem } from '@careloop/interop';
import type { Executor } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { importsRepository as repo, type JobCounters, type NewProblem } from './imports.repository.ts';

/** Problems kept per job: a file with a million bad rows reports the first ones and counts the rest. */
const MAX_STORED_PROBLEMS = 10_000;
/** The job row is written at most this often, so a progress bar moves without a write per report. */
const FLUSH_INTERVAL_MS = 250;

/** A running import's counters and pending problems, written back to the job row as it goes. */
export class ImportProgress {
  readonly counters: JobCounters = {
    total_reports: 0,
    processed_reports: 0,
    items_stored: 0,
    items_duplicate: 0,
    reports_created: 0,
    reports_duplicate: 0,
    unmapped_items: 0,
    problem_count: 0,
  };
  #pending: NewProblem[] = [];
  #stored = 0;
  #lastFlush = 0;
  #lastId = 0;
  #flushing: Promise<void> | null = null;
  cancelled = false;

  constructor(
    private readonly jobId: string,
    private readonly orgId: string,
  ) {}

  addProblems(
    fileName: string,
    problems: readonly (RowProblem | (Omit<RowProblem, 'rowNo'> & { rowNo: number | null }))[],
  ) {
    for (const p of problems) {
      this.counters.problem_count += 1;
      if (this.#stored + this.#pending.length >= MAX_STORED_PROBLEMS) continue;
      // Ids a millisecond apart at least, so listing by id lists problems in the order they were found.
      this.#lastId = Math.max(Date.now(), this.#lastId + 1);
      this.#pending.push({
        id: uuidv7(this.#lastId),
        job_id: this.jobId,
        org_id: this.orgId,
        file_name: fileName.slice(0, 255),
        row_no: p.rowNo,
        field: p.field?.slice(0, 100) ?? null,
        code: p.code.slice(0, 60),
        // Parser messages are clauses ('the value is not a number'); listed alone they read as sentences.
        message_en: (p.message.charAt(0).toUpperCase() + p.message.slice(1)).slice(0, 1000),
        message_zh: p.messageZh.slice(0, 1000),
      });
    }
  }

  add(delta: Partial<JobCounters>) {
    for (const [key, value] of Object.entries(delta) as [keyof JobCounters, number][])
      this.counters[key] += value;
  }

  /** Writes progress when the last write is a while ago and none is under way (lanes call this often). */
  async flushIfDue(db: Executor): Promise<void> {
    if (this.#flushing || Date.now() - this.#lastFlush < FLUSH_INTERVAL_MS) return;
    await this.flush(db);
  }

  /** Writes counters and pending problems (after any write under way); notices a cancellation made meanwhile. */
  async flush(db: Executor): Promise<void> {
    while (this.#flushing) await this.#flushing;
    this.#flushing = this.#write(db).finally(() => {
      this.#flushing = null;
    });
    await this.#flushing;
  }

  async #write(db: Executor): Promise<void> {
    const pending = this.#pending;
    this.#pending = [];
    await repo.insertProblems(db, pending);
    this.#stored += pending.length;
    const status = await repo.writeProgress(db, this.jobId, this.counters);
    if (status === 'cancelled') this.cancelled = true;
    this.#lastFlush = Date.now();
  }

  /** Problems not written yet, for the final write with the job's end. */
  takePending(): NewProblem[] {
    const pending = this.#pending;
    this.#pending = [];
    return pending;
  }
}
