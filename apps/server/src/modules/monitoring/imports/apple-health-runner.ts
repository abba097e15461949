// The body of an Apple Health import job: the stored parts are read back in order, decoded as one UTF-8 stream
// (a character cut between two parts is joined again) and fed to the streaming parser, so a 1 GB export.xml
// never sits in memory. Readings go through ingestReadings in batches, like any device's readings: each batch is
// checked, stored and run through the alert rules in its own transaction. A file cut short keeps every reading
// read before the cut; the parts are deleted at the end, whatever happened.
import { createAppleHealthParser, type AppleHealthReading } from '@careloop/interop';
import type { ReadingInput } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import { isFileNotFound } from '../../../platform/files/index.ts';
import { ingestReadings } from '../readings/ingest.ts';
import { toReadingInput } from './apple-health-readings.ts';
import { ImportProgress } from './import-progress.ts';
import { partCount, partKey } from './import-parts.ts';
import { importsRepository as repo, type ImportRow } from './imports.repository.ts';
import type { ImportErrorKey } from './import-errors.ts';

/** Readings per ingest call (and transaction). */
export const IMPORT_BATCH = 1000;
/** An export.xml names its <HealthData> root within its first kilobytes (after the DTD); a file that has not
 * done so after this many characters is something else, and is refused without reading the rest. */
const SNIFF_CHARS = 1024 * 1024;

type Outcome = { status: 'done'; error: null } | { status: 'failed'; error: ImportErrorKey };

class ImportFailure extends Error {
  constructor(readonly key: ImportErrorKey) {
    super(key);
  }
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;

export class AppleHealthImportRunner {
  constructor(private readonly deps: AppDeps) {}

  /** Runs one import to its end. A finished import is not taken again; a repeated run stores nothing twice. */
  async run(importId: string): Promise<void> {
    const { db, files } = this.deps;
    const row = await repo.claimImport(db, importId);
    if (!row) return;
    const progress = new ImportProgress(importId);
    const parts = partCount(Number(row.size_bytes), row.part_size);
    let outcome: Outcome;
    try {
      await this.#read(row, parts, progress);
      outcome = progress.has('not-health-data')
        ? { status: 'failed', error: 'not-apple-health' }
        : { status: 'done', error: null };
    } catch (error) {
      outcome = { status: 'failed', error: error instanceof ImportFailure ? error.key : 'failed' };
    }
    try {
      await repo.finishImport(db, importId, { ...outcome, progress: progress.values });
    } finally {
      for (let n = 0; n < parts; n += 1) {
        await files.delete(partKey(row.org_id, row.id, n)).catch(() => undefined);
      }
    }
  }

  async #read(row: ImportRow, parts: number, progress: ImportProgress): Promise<void> {
    const pending: AppleHealthReading[] = [];
    const parser = createAppleHealthParser({
      onReading: (reading) => pending.push(reading),
      onProblem: (p) => progress.addProblem({ line: p.line, code: p.code, message: p.message }),
    });
    // Not fatal: a stray invalid byte becomes U+FFFD in one attribute, the parser reports that record.
    const decoder = new TextDecoder('utf-8');
    let head = '';
    for (let n = 0; n < parts; n += 1) {
      const bytes = await this.#part(row, n);
      if (n === 0 && isZip(bytes)) throw new ImportFailure('zip-archive');
      const text = decoder.decode(bytes, { stream: true });
      if (head.length < SNIFF_CHARS) {
        head += text.slice(0, SNIFF_CHARS - head.length);
        if (head.length >= SNIFF_CHARS && !head.includes('<HealthData')) {
          throw new ImportFailure('not-apple-health');
        }
      }
      parser.push(text);
      progress.addBytes(bytes.length);
      await this.#store(row, pending, progress, false);
      await progress.flushIfDue(this.deps.db);
    }
    parser.push(decoder.decode());
    parser.end();
    await this.#store(row, pending, progress, true);
  }

  async #part(row: ImportRow, n: number): Promise<Buffer> {
    try {
      return await this.deps.files.get(partKey(row.org_id, row.id, n));
    } catch (error) {
      if (isFileNotFound(error)) throw new ImportFailure('part-missing');
      throw error;
    }
  }

  /** Stores full batches of the pending readings (all of them at the end of the file). */
  async #store(row: ImportRow, pending: AppleHealthReading[], progress: ImportProgress, all: boolean) {
    while (pending.length >= IMPORT_BATCH || (all && pending.length > 0)) {
      const readings: ReadingInput[] = [];
      const lines: number[] = [];
      for (const item of pending.splice(0, IMPORT_BATCH)) {
        const mapped = toReadingInput(item);
        if ('skipped' in mapped) progress.addSkipped(mapped.skipped);
        else {
          readings.push(mapped.reading);
          lines.push(item.line);
        }
      }
      if (readings.length === 0) continue;
      const result = await ingestReadings(this.deps, {
        orgId: row.org_id,
        patientId: row.patient_id,
        deviceId: null,
        source: 'import',
        scope: 'apple-health',
        recordedBy: row.created_by,
        readings,
        ctx: null,
      });
      progress.addBatch(result, lines);
      await progress.flushIfDue(this.deps.db);
    }
  }
}
