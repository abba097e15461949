import type { ReadingRejection, ReadingType } from '@careloop/contracts';
import type { Executor } from '../../../platform/db/database.ts';
import type { IngestResult } from '../readings/ingest.ts';
import {
  importsRepository as repo,
  type ImportProblem,
  type ImportProgressValues,
} from './imports.repository.ts';
import type { SkippedAppleHealthKind } from './apple-health-readings.ts';

/** Problems kept on the import: an export with a million bad records lists the first ones and counts the rest. */
export const MAX_PROBLEMS = 200;
/** The import row is written at most this often, so a progress bar moves without a write per batch. */
const FLUSH_INTERVAL_MS = 1000;
/** Parser problems that are about the whole file, not a record that was left out. */
const FILE_PROBLEMS = new Set(['truncated', 'not-health-data']);

/** A running import's counts, problems and readings per type, written back to its row as it goes. */
export class ImportProgress {
  readonly #values: ImportProgressValues & {
    problems: ImportProblem[];
    byType: Record<string, number>;
  } = { bytesProcessed: 0, stored: 0, duplicates: 0, rejected: 0, problems: [], byType: {} };
  readonly #codes = new Set<string>();
  #lastFlush = Date.now();

  constructor(private readonly importId: string) {}

  get values(): ImportProgressValues {
    return this.#values;
  }

  /** Whether a problem with this code was found (kept or not). */
  has(code: string): boolean {
    return this.#codes.has(code);
  }

  addBytes(count: number) {
    this.#values.bytesProcessed += count;
  }

  /** A problem the parser found: a record left out (rejected) or a fact about the file (truncated). */
  addProblem(problem: ImportProblem) {
    this.#codes.add(problem.code);
    if (!FILE_PROBLEMS.has(problem.code)) this.#values.rejected += 1;
    this.#keep(problem);
  }

  addSkipped(kind: SkippedAppleHealthKind) {
    const key = `skipped:${kind}`;
    this.#values.byType[key] = (this.#values.byType[key] ?? 0) + 1;
  }

  /** Counts one batch's outcome; rejections name the export line of the reading (lines[index]). */
  addBatch(result: IngestResult, lines: readonly number[]) {
    this.#values.stored += result.stored;
    this.#values.duplicates += result.duplicates;
    this.#values.rejected += result.rejected.length;
    for (const [type, count] of Object.entries(result.storedByType) as [ReadingType, number][]) {
      this.#values.byType[type] = (this.#values.byType[type] ?? 0) + count;
    }
    for (const r of result.rejected) this.#keep(rejectionProblem(r, lines[r.index] ?? 0));
  }

  #keep(problem: ImportProblem) {
    if (this.#values.problems.length >= MAX_PROBLEMS) return;
    this.#values.problems.push({
      line: problem.line,
      code: problem.code.slice(0, 60),
      message: problem.message.slice(0, 300),
    });
  }

  /** Writes progress when the last write is a second or more ago. */
  async flushIfDue(db: Executor): Promise<void> {
    if (Date.now() - this.#lastFlush < FLUSH_INTERVAL_MS) return;
    await repo.writeProgress(db, this.importId, this.#values);
    this.#lastFlush = Date.now();
  }
}

function rejectionProblem(r: ReadingRejection, line: number): ImportProblem {
  return { line, code: r.code, message: r.message };
}
