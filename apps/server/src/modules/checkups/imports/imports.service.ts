import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type {
  CheckupImportJob,
  CheckupImportProblem,
  CheckupImportStatus,
  CreatedCheckupImport,
  RefusedCheckupFile,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { ERROR_CODES, type ErrorCode } from '../../../platform/errors/error-codes.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Language } from '../../../platform/http/language.ts';
import type { CheckupImportFileInfo } from '../../../platform/db/schema-checkups.ts';
import { importsRepository as repo, type JobRow } from './imports.repository.ts';
import { checkupImportJob } from './imports.jobs.ts';
import { CheckupImportRunner } from './import-runner.ts';
import { screenUpload, type UploadedFile } from './upload-screen.ts';

type StaffContext = RequestContext & { actor: StaffActor };

export const message = (code: ErrorCode, language: Language) =>
  language === 'zh-CN' ? ERROR_CODES[code].zh : ERROR_CODES[code].en;

function toJob(row: JobRow, language: Language): CheckupImportJob {
  return {
    id: row.id,
    status: row.status,
    files: row.files,
    totalReports: row.total_reports,
    processedReports: row.processed_reports,
    reportsCreated: row.reports_created,
    reportsDuplicate: row.reports_duplicate,
    itemsStored: row.items_stored,
    itemsDuplicate: row.items_duplicate,
    unmappedItems: row.unmapped_items,
    problemCount: row.problem_count,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.error && row.error in ERROR_CODES ? message(row.error as ErrorCode, language) : row.error,
  };
}

/** pg-boss writes the job row through the caller's transaction, so the job exists exactly when the import does. */
const bossDb = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[]) => ({
    rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[],
  }),
});

/** Checkup imports: files in, a job that imports them, its progress and its row-by-row problems. */
export class CheckupImportsService {
  readonly #runner: CheckupImportRunner;
  /** Imports run in this process when the app has no job runner (tests, benchmarks). */
  readonly #inline = new Set<Promise<void>>();

  constructor(private readonly deps: AppDeps) {
    this.#runner = new CheckupImportRunner(deps);
  }

  async create(
    ctx: StaffContext,
    uploads: readonly UploadedFile[],
    language: Language,
  ): Promise<CreatedCheckupImport> {
    const screened = await screenUpload(uploads, language);
    const refused: RefusedCheckupFile[] = screened.refused;
    if (screened.accepted.length === 0) {
      const first = screened.refused[0];
      throw new AppError((first?.code as ErrorCode | undefined) ?? 'CHECKUP_NO_FILES', {
        detail: first ? refused.map((r) => `${r.name}: ${r.message}`).join('; ') : undefined,
        errors: refused.map((r, i) => ({ path: `files.${i}`, message: `${r.name}: ${r.message}` })),
      });
    }
    const jobId = uuidv7();
    const files: CheckupImportFileInfo[] = screened.accepted.map((f) => ({
      name: f.name,
      size: f.bytes.length,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
      format: f.format,
    }));
    const row = await this.deps.db.transaction().execute(async (tx) => {
      await repo.insertJob(tx, { id: jobId, orgId: ctx.actor.orgId, createdBy: ctx.actor.accountId, files });
      let seq = 0;
      for (const file of screened.accepted) {
        await repo.stageFile(tx, {
          jobId,
          seq: seq++,
          name: file.name,
          contentType: file.declaredType,
          bytesEnc: this.deps.crypto.encrypt(Buffer.from(file.bytes).toString('base64')),
        });
      }
      await recordAudit(tx, ctx, {
        action: 'checkup.import_create',
        resourceType: 'checkup_import',
        resourceId: jobId,
        detail: { files: files.length, formats: files.map((f) => f.format), refused: refused.length },
      });
      if (this.deps.jobs) {
        await this.deps.jobs.send(
          checkupImportJob(this.deps),
          { jobId },
          { db: bossDb(tx), expireInSeconds: 4 * 3600, retryLimit: 1 },
        );
      }
      return repo.findJob(tx, ctx.actor.orgId, jobId);
    });
    if (!this.deps.jobs) this.#runInline(jobId);
    return { job: toJob(row!, language), refused };
  }

  #runInline(jobId: string) {
    const run = this.#runner.run(jobId).catch(() => undefined);
    this.#inline.add(run);
    void run.finally(() => this.#inline.delete(run));
  }

  /** Waits for imports running in this process (the app closing, or a test). */
  async drain(): Promise<void> {
    while (this.#inline.size > 0) await Promise.all([...this.#inline]);
  }

  async list(
    ctx: StaffContext,
    query: { status?: CheckupImportStatus | undefined; limit: number; cursor?: string | undefined },
    language: Language,
  ): Promise<{ items: CheckupImportJob[]; nextCursor: string | null }> {
    const cursor = query.cursor && /^[0-9a-f-]{36}$/.test(query.cursor) ? query.cursor : null;
    const rows = await repo.recentJobs(this.deps.db, {
      orgId: ctx.actor.orgId,
      status: query.status ?? null,
      before: cursor,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((r) => toJob(r, language)),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }

  async get(ctx: StaffContext, jobId: string, language: Language): Promise<CheckupImportJob> {
    const row = await repo.findJob(this.deps.db, ctx.actor.orgId, jobId);
    if (!row) throw new AppError('CHECKUP_IMPORT_NOT_FOUND');
    return toJob(row, language);
  }

  async cancel(ctx: StaffContext, jobId: string, language: Language): Promise<CheckupImportJob> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.findJob(tx, ctx.actor.orgId, jobId);
      if (!row) throw new AppError('CHECKUP_IMPORT_NOT_FOUND');
      if (!(await repo.cancelJob(tx, ctx.actor.orgId, jobId))) throw new AppError('CHECKUP_IMPORT_FINISHED');
      await recordAudit(tx, ctx, {
        action: 'checkup.import_cancel',
        resourceType: 'checkup_import',
        resourceId: jobId,
      });
      return toJob((await repo.findJob(tx, ctx.actor.orgId, jobId))!, language);
    });
  }

  /** Row problems of a job; their messages may quote cells of the file, so the read is recorded. */
  async problems(
    ctx: StaffContext,
    jobId: string,
    query: { limit: number; cursor?: string | undefined },
    language: Language,
  ): Promise<{ items: CheckupImportProblem[]; nextCursor: string | null }> {
    return this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.findJob(tx, ctx.actor.orgId, jobId))) throw new AppError('CHECKUP_IMPORT_NOT_FOUND');
      const cursor = query.cursor && /^[0-9a-f-]{36}$/.test(query.cursor) ? query.cursor : null;
      const rows = await repo.problemsPage(tx, { jobId, after: cursor, limit: query.limit });
      const page = rows.slice(0, query.limit);
      await recordAudit(tx, ctx, {
        action: 'checkup.import_problems_read',
        resourceType: 'checkup_import',
        resourceId: jobId,
        detail: { rows: page.length },
      });
      return {
        items: page.map((p) => ({
          id: p.id,
          fileName: p.file_name,
          rowNo: p.row_no,
          field: p.field,
          code: p.code,
          message: language === 'zh-CN' ? p.message_zh : p.message_en,
        })),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    });
  }

  /** Every problem of a job, for the CSV download (read in pages, so a long list never sits in one query). */
  async allProblems(ctx: StaffContext, jobId: string, language: Language): Promise<CheckupImportProblem[]> {
    const all: CheckupImportProblem[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.problems(ctx, jobId, { limit: 200, cursor }, language);
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }
}
