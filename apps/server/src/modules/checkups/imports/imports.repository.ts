import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type {
  CheckupImportFileInfo,
  CheckupImportStatusColumn,
} from '../../../platform/db/schema-checkups.ts';

const JOB_COLUMNS = [
  'j.id',
  'j.org_id',
  'j.created_by',
  'a.display_name as created_by_name',
  'j.status',
  'j.files',
  'j.total_reports',
  'j.processed_reports',
  'j.items_stored',
  'j.items_duplicate',
  'j.reports_created',
  'j.reports_duplicate',
  'j.unmapped_items',
  'j.problem_count',
  'j.created_at',
  'j.started_at',
  'j.finished_at',
  'j.error',
] as const;

export interface JobRow {
  id: string;
  org_id: string;
  created_by: string;
  created_by_name: string;
  status: CheckupImportStatusColumn;
  files: CheckupImportFileInfo[];
  total_reports: number;
  processed_reports: number;
  items_stored: number;
  items_duplicate: number;
  reports_created: number;
  reports_duplicate: number;
  unmapped_items: number;
  problem_count: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

/** The counters a running job writes back as it goes (absolute values, so a repeated write is harmless). */
export interface JobCounters {
  total_reports: number;
  processed_reports: number;
  items_stored: number;
  items_duplicate: number;
  reports_created: number;
  reports_duplicate: number;
  unmapped_items: number;
  problem_count: number;
}

export interface NewProblem {
  id: string;
  job_id: string;
  org_id: string;
  file_name: string;
  row_no: number | null;
  field: string | null;
  code: string;
  message_en: string;
  message_zh: string;
}

const jobQuery = (db: Executor) =>
  db
    .selectFrom('checkup_import_jobs as j')
    .innerJoin('accounts as a', 'a.id', 'j.created_by')
    .select(JOB_COLUMNS);

export const importsRepository = {
  async insertJob(
    db: Executor,
    input: { id: string; orgId: string; createdBy: string; files: CheckupImportFileInfo[] },
  ): Promise<void> {
    await db
      .insertInto('checkup_import_jobs')
      .values({
        id: input.id,
        org_id: input.orgId,
        created_by: input.createdBy,
        files: JSON.stringify(input.files),
      })
      .execute();
  },

  async stageFile(
    db: Executor,
    input: { jobId: string; seq: number; name: string; contentType: string | null; bytesEnc: string },
  ): Promise<void> {
    await db
      .insertInto('checkup_import_files')
      .values({
        job_id: input.jobId,
        seq: input.seq,
        name: input.name,
        content_type: input.contentType,
        bytes_enc: input.bytesEnc,
      })
      .execute();
  },

  async stagedFileSeqs(db: Executor, jobId: string): Promise<number[]> {
    const rows = await db
      .selectFrom('checkup_import_files')
      .select('seq')
      .where('job_id', '=', jobId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.seq);
  },

  async stagedFile(db: Executor, jobId: string, seq: number) {
    return db
      .selectFrom('checkup_import_files')
      .select(['name', 'content_type', 'bytes_enc'])
      .where('job_id', '=', jobId)
      .where('seq', '=', seq)
      .executeTakeFirst();
  },

  async deleteStagedFiles(db: Executor, jobId: string): Promise<void> {
    await db.deleteFrom('checkup_import_files').where('job_id', '=', jobId).execute();
  },

  async findJob(db: Executor, orgId: string, jobId: string): Promise<JobRow | undefined> {
    return jobQuery(db).where('j.id', '=', jobId).where('j.org_id', '=', orgId).executeTakeFirst();
  },

  async recentJobs(
    db: Executor,
    input: { orgId: string; status: CheckupImportStatusColumn | null; before: string | null; limit: number },
  ): Promise<JobRow[]> {
    let q = jobQuery(db).where('j.org_id', '=', input.orgId);
    if (input.status) q = q.where('j.status', '=', input.status);
    // Ids are UUID v7, so id order is creation order.
    if (input.before) q = q.where('j.id', '<', input.before);
    return q
      .orderBy('j.id', 'desc')
      .limit(input.limit + 1)
      .execute();
  },

  /** Claims a queued job (or one a crashed worker left running) for this run; undefined when there is none. */
  async claimJob(db: Executor, jobId: string) {
    return db
      .updateTable('checkup_import_jobs')
      .set({ status: 'running', started_at: sql<Date>`coalesce(started_at, now())` })
      .where('id', '=', jobId)
      .where('status', 'in', ['queued', 'running'])
      .returning(['id', 'org_id', 'created_by'])
      .executeTakeFirst();
  },

  async jobStatus(db: Executor, jobId: string): Promise<CheckupImportStatusColumn | undefined> {
    const row = await db
      .selectFrom('checkup_import_jobs')
      .select('status')
      .where('id', '=', jobId)
      .executeTakeFirst();
    return row?.status;
  },

  /** Writes the counters of a running job and answers its status (a cancelled job keeps its status). */
  async writeProgress(
    db: Executor,
    jobId: string,
    counters: JobCounters,
  ): Promise<CheckupImportStatusColumn | undefined> {
    const row = await db
      .updateTable('checkup_import_jobs')
      .set(counters)
      .where('id', '=', jobId)
      .returning('status')
      .executeTakeFirst();
    return row?.status;
  },

  async finishJob(
    db: Executor,
    jobId: string,
    input: { status: 'done' | 'failed'; counters: JobCounters; error: string | null },
  ): Promise<void> {
    await db
      .updateTable('checkup_import_jobs')
      .set({
        ...input.counters,
        // A job cancelled while it ran stays cancelled.
        status: sql`CASE WHEN status = 'cancelled' THEN 'cancelled' ELSE ${input.status} END`,
        finished_at: new Date(),
        error: input.error,
      })
      .where('id', '=', jobId)
      .execute();
  },

  async cancelJob(db: Executor, orgId: string, jobId: string): Promise<boolean> {
    const r = await db
      .updateTable('checkup_import_jobs')
      .set({
        status: 'cancelled',
        finished_at: sql<Date>`CASE WHEN status = 'queued' THEN now() ELSE finished_at END`,
      })
      .where('id', '=', jobId)
      .where('org_id', '=', orgId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertProblems(db: Executor, problems: readonly NewProblem[]): Promise<void> {
    if (problems.length === 0) return;
    await db.insertInto('checkup_import_problems').values(problems).execute();
  },

  async problemsPage(db: Executor, input: { jobId: string; after: string | null; limit: number }) {
    let q = db
      .selectFrom('checkup_import_problems')
      .select(['id', 'file_name', 'row_no', 'field', 'code', 'message_en', 'message_zh'])
      .where('job_id', '=', input.jobId);
    if (input.after) q = q.where('id', '>', input.after);
    return q
      .orderBy('id')
      .limit(input.limit + 1)
      .execute();
  },

  async orgTimeZone(db: Executor, orgId: string): Promise<string> {
    const row = await db
      .selectFrom('orgs')
      .select('time_zone')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    return row.time_zone;
  },
};
