import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

const IMPORT_COLUMNS = [
  'id',
  'org_id',
  'patient_id',
  'kind',
  'file_name',
  'size_bytes',
  'part_size',
  'parts_received',
  'status',
  'bytes_processed',
  'stored',
  'duplicates',
  'rejected',
  'problems',
  'by_type',
  'error',
  'created_by',
  'created_at',
  'finished_at',
] as const;

export type ImportStatus = 'uploading' | 'queued' | 'running' | 'done' | 'failed';

export interface ImportProblem {
  line: number;
  code: string;
  message: string;
}

export interface ImportRow {
  id: string;
  org_id: string;
  patient_id: string;
  kind: 'apple-health';
  file_name: string;
  /** bigint columns come back as strings. */
  size_bytes: string;
  part_size: number;
  parts_received: number[];
  status: ImportStatus;
  bytes_processed: string;
  stored: number;
  duplicates: number;
  rejected: number;
  problems: unknown;
  by_type: unknown;
  error: string | null;
  created_by: string;
  created_at: Date;
  finished_at: Date | null;
}

/** What a running import writes back as it goes: absolute values, so a repeated write is harmless. */
export interface ImportProgressValues {
  bytesProcessed: number;
  stored: number;
  duplicates: number;
  rejected: number;
  problems: readonly ImportProblem[];
  byType: Readonly<Record<string, number>>;
}

export const importsRepository = {
  async insertImport(
    db: Executor,
    input: {
      id: string;
      orgId: string;
      patientId: string;
      fileName: string;
      sizeBytes: number;
      partSize: number;
      createdBy: string;
    },
  ): Promise<void> {
    await db
      .insertInto('monitoring_imports')
      .values({
        id: input.id,
        org_id: input.orgId,
        patient_id: input.patientId,
        kind: 'apple-health',
        file_name: input.fileName,
        size_bytes: input.sizeBytes,
        part_size: input.partSize,
        created_by: input.createdBy,
      })
      .execute();
  },

  /** One import of one patient in one organization: another patient's import id finds nothing. */
  async findImport(
    db: Executor,
    scope: { orgId: string; patientId: string; importId: string },
    options: { forUpdate?: boolean } = {},
  ): Promise<ImportRow | undefined> {
    let query = db
      .selectFrom('monitoring_imports')
      .select(IMPORT_COLUMNS)
      .where('id', '=', scope.importId)
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId);
    if (options.forUpdate) query = query.forUpdate();
    return (await query.executeTakeFirst()) as ImportRow | undefined;
  },

  /** Adds a received part (once, however often it is sent) while the import is still uploading. */
  async addReceivedPart(db: Executor, importId: string, part: number): Promise<boolean> {
    const result = await db
      .updateTable('monitoring_imports')
      .set({
        parts_received: sql<number[]>`CASE WHEN ${part}::int = ANY (parts_received) THEN parts_received
                                           ELSE array_append(parts_received, ${part}::int) END`,
      })
      .where('id', '=', importId)
      .where('status', '=', 'uploading')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  async markQueued(db: Executor, importId: string): Promise<void> {
    await db.updateTable('monitoring_imports').set({ status: 'queued' }).where('id', '=', importId).execute();
  },

  /**
   * Takes a queued import for running, or a running one again (a retried job whose process died): counters start
   * from zero, and the readings already stored come back as duplicates.
   */
  async claimImport(db: Executor, importId: string): Promise<ImportRow | undefined> {
    return (await db
      .updateTable('monitoring_imports')
      .set({
        status: 'running',
        bytes_processed: 0,
        stored: 0,
        duplicates: 0,
        rejected: 0,
        problems: JSON.stringify([]),
        by_type: JSON.stringify({}),
        error: null,
      })
      .where('id', '=', importId)
      .where('status', 'in', ['queued', 'running'])
      .returning(IMPORT_COLUMNS)
      .executeTakeFirst()) as ImportRow | undefined;
  },

  async writeProgress(db: Executor, importId: string, progress: ImportProgressValues): Promise<void> {
    await db
      .updateTable('monitoring_imports')
      .set(progressColumns(progress))
      .where('id', '=', importId)
      .where('status', '=', 'running')
      .execute();
  },

  async finishImport(
    db: Executor,
    importId: string,
    end: { status: 'done' | 'failed'; error: string | null; progress: ImportProgressValues },
  ): Promise<void> {
    await db
      .updateTable('monitoring_imports')
      .set({
        ...progressColumns(end.progress),
        status: end.status,
        error: end.error,
        finished_at: new Date(),
      })
      .where('id', '=', importId)
      .execute();
  },
};

function progressColumns(p: ImportProgressValues) {
  return {
    bytes_processed: p.bytesProcessed,
    stored: p.stored,
    duplicates: p.duplicates,
    rejected: p.rejected,
    problems: JSON.stringify(p.problems),
    by_type: JSON.stringify(p.byType),
  };
}
