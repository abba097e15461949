import { CompiledQuery } from 'kysely';
import type { z } from 'zod';
import type { MonitoringImport, MonitoringImportCreate } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/http/language.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { importsRepository as repo, type ImportProblem, type ImportRow } from './imports.repository.ts';
import { expectedPartSize, missingParts, partCount, partKey, PART_SIZE } from './import-parts.ts';
import { importErrorMessage } from './import-errors.ts';
import { monitoringImportJob } from './imports.jobs.ts';
import { AppleHealthImportRunner } from './apple-health-runner.ts';

export function toImport(row: ImportRow, language: Language): MonitoringImport {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    sizeBytes: Number(row.size_bytes),
    partSize: row.part_size,
    partsReceived: row.parts_received.length,
    bytesProcessed: Number(row.bytes_processed),
    stored: row.stored,
    duplicates: row.duplicates,
    rejected: row.rejected,
    problems: row.problems as ImportProblem[],
    byType: row.by_type as Record<string, number>,
    error: importErrorMessage(row.error, language),
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** pg-boss writes the job row through the caller's transaction, so the job exists exactly when the import is queued. */
const bossDb = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[]) => ({
    rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[],
  }),
});

interface Scope {
  orgId: string;
  patientId: string;
  importId: string;
}

/** Apple Health imports in parts: declare the file, upload its parts, complete, then follow the job's progress. */
export class MonitoringImportsService {
  readonly #runner: AppleHealthImportRunner;
  /** Imports run in this process when the app has no job runner (tests, benchmarks). */
  readonly #inline = new Set<Promise<void>>();

  constructor(private readonly deps: AppDeps) {
    this.#runner = new AppleHealthImportRunner(deps);
  }

  async create(
    ctx: RequestContext,
    patientId: string,
    input: z.infer<typeof MonitoringImportCreate>,
    language: Language,
  ): Promise<MonitoringImport> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const max = this.deps.config.monitoringImportMaxBytes;
      if (input.sizeBytes > max) {
        throw new AppError('MONITORING_IMPORT_TOO_LARGE', {
          errors: [{ path: 'sizeBytes', message: `larger than ${max} bytes` }],
        });
      }
      const id = uuidv7();
      await repo.insertImport(tx, {
        id,
        orgId: access.orgId,
        patientId,
        fileName: input.fileName,
        sizeBytes: input.sizeBytes,
        partSize: PART_SIZE,
        createdBy: ctx.actor.accountId,
      });
      await recordAudit(tx, ctx, {
        action: 'monitoring.imports.create',
        resourceType: 'monitoring_import',
        resourceId: id,
        patientId,
        orgId: access.orgId,
        detail: {
          kind: input.kind,
          sizeBytes: input.sizeBytes,
          parts: partCount(input.sizeBytes, PART_SIZE),
        },
      });
      const row = await repo.findImport(tx, { orgId: access.orgId, patientId, importId: id });
      return toImport(row!, language);
    });
  }

  /** Stores part `part` (again, if it is sent twice) while the import is uploading. */
  async putPart(
    ctx: RequestContext,
    scope: { patientId: string; importId: string },
    part: number,
    bytes: Buffer,
    language: Language,
  ): Promise<MonitoringImport> {
    const { db, files } = this.deps;
    const found = await this.#find(ctx, scope);
    const row = found.row;
    if (row.status !== 'uploading') throw new AppError('MONITORING_IMPORT_STATE');
    const size = Number(row.size_bytes);
    const expected = expectedPartSize(size, row.part_size, part);
    if (expected === undefined) {
      const last = partCount(size, row.part_size) - 1;
      throw new AppError('MONITORING_IMPORT_PART_INVALID', {
        errors: [{ path: 'params.n', message: `parts are numbered 0 to ${last}` }],
      });
    }
    if (bytes.length !== expected) {
      throw new AppError('MONITORING_IMPORT_PART_INVALID', {
        errors: [{ path: 'body', message: `part ${part} must be ${expected} bytes, not ${bytes.length}` }],
      });
    }
    await files.put(partKey(row.org_id, row.id, part), bytes, { contentType: 'application/octet-stream' });
    if (!(await repo.addReceivedPart(db, row.id, part))) throw new AppError('MONITORING_IMPORT_STATE');
    return toImport((await repo.findImport(db, found.scope))!, language);
  }

  /** All parts in: the import is queued (in the same transaction as its job). A repeated call changes nothing. */
  async complete(
    ctx: RequestContext,
    scope: { patientId: string; importId: string },
    language: Language,
  ): Promise<MonitoringImport> {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, scope.patientId, 'edit');
    const full: Scope = { ...scope, orgId: access.orgId };
    const { row, queued } = await this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.findImport(tx, full, { forUpdate: true });
      if (!current) throw new AppError('MONITORING_IMPORT_NOT_FOUND');
      if (current.status !== 'uploading') return { row: current, queued: false };
      const size = Number(current.size_bytes);
      const missing = missingParts(size, current.part_size, current.parts_received);
      if (missing.length > 0) {
        const count = partCount(size, current.part_size);
        const shown = missing.slice(0, 20).join(', ') + (missing.length > 20 ? ', …' : '');
        throw new AppError('MONITORING_IMPORT_STATE', {
          detail:
            language === 'zh-CN'
              ? `还缺少 ${missing.length} 个分片（共 ${count} 个）`
              : `${missing.length} of ${count} parts are missing`,
          errors: [{ path: 'parts', message: `missing: ${shown}` }],
        });
      }
      await repo.markQueued(tx, current.id);
      await recordAudit(tx, ctx, {
        action: 'monitoring.imports.complete',
        resourceType: 'monitoring_import',
        resourceId: current.id,
        patientId: scope.patientId,
        orgId: access.orgId,
        detail: { parts: current.parts_received.length, sizeBytes: size },
      });
      if (this.deps.jobs) {
        await this.deps.jobs.send(
          monitoringImportJob(this.deps),
          { importId: current.id },
          { db: bossDb(tx), expireInSeconds: 4 * 3600, retryLimit: 1 },
        );
      }
      return { row: (await repo.findImport(tx, full))!, queued: true };
    });
    if (queued && !this.deps.jobs) this.#runInline(row.id);
    return toImport(row, language);
  }

  async get(
    ctx: RequestContext,
    scope: { patientId: string; importId: string },
    language: Language,
  ): Promise<MonitoringImport> {
    return toImport((await this.#find(ctx, scope, 'view')).row, language);
  }

  /** Waits for imports running in this process (the app closing, or a test). */
  async drain(): Promise<void> {
    while (this.#inline.size > 0) await Promise.all([...this.#inline]);
  }

  #runInline(importId: string) {
    const run = this.#runner.run(importId).catch(() => undefined);
    this.#inline.add(run);
    void run.finally(() => this.#inline.delete(run));
  }

  async #find(
    ctx: RequestContext,
    scope: { patientId: string; importId: string },
    action: 'view' | 'edit' = 'edit',
  ): Promise<{ row: ImportRow; scope: Scope }> {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, scope.patientId, action);
    const full: Scope = { ...scope, orgId: access.orgId };
    const row = await repo.findImport(this.deps.db, full);
    if (!row) throw new AppError('MONITORING_IMPORT_NOT_FOUND');
    return { row, scope: full };
  }
}
