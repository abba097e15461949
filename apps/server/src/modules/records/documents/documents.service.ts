import { createHash } from 'node:crypto';
import type { RecordDocument } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { DocumentsTable } from '../../../platform/db/schema-records.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { FileStoreError } from '../../../platform/files/index.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { provenanceOf, sourceForWriter } from '../provenance.ts';
import { documentsRepository as repo, type DocumentRow } from './documents.repository.ts';
import { screenDocument } from './file-sniff.ts';

export function toDocument(row: DocumentRow): RecordDocument {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    title: row.title,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    documentDate: row.document_date,
    ...provenanceOf(row),
  };
}

export interface DocumentUpload {
  kind: DocumentsTable['kind'];
  title: string;
  documentDate?: string | undefined;
  file: { bytes: Buffer; filename: string; declaredType: string };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';

/** Documents of the record (PDF reports, photos): metadata in PostgreSQL, bytes encrypted in the file store. */
export class DocumentsService {
  constructor(private readonly deps: AppDeps) {}

  /** Checked before the upload is read, so an outsider's upload is refused without taking in its bytes. */
  async requireUploadAccess(ctx: RequestContext, patientId: string): Promise<void> {
    await requirePatientAccess(this.deps.db, ctx.actor, patientId, 'edit');
  }

  /**
   * Stores a document encrypted; the same file uploaded again for the same patient answers the existing document
   * (`created: false`) instead of a second copy.
   */
  async upload(
    ctx: RequestContext,
    patientId: string,
    upload: DocumentUpload,
  ): Promise<{ document: RecordDocument; created: boolean }> {
    const source = sourceForWriter(ctx.actor, undefined);
    if (upload.file.bytes.length === 0) {
      throw new AppError('RECORD_DOCUMENT_EMPTY', { errors: [{ path: 'file', message: 'empty' }] });
    }
    const contentType = screenDocument(upload.file);
    const sha256 = createHash('sha256').update(upload.file.bytes).digest('hex');
    try {
      return await this.store(ctx, patientId, upload, { contentType, sha256, source });
    } catch (error) {
      // Two uploads of the same file at once: the second finds the first one's document.
      if (!isUniqueViolation(error)) throw error;
      return this.deps.db.transaction().execute(async (tx) => {
        const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
        const existing = await repo.findBySha256(tx, { orgId: access.orgId, patientId, sha256 });
        if (!existing) throw error;
        return { document: toDocument(existing), created: false };
      });
    }
  }

  private async store(
    ctx: RequestContext,
    patientId: string,
    upload: DocumentUpload,
    file: { contentType: string; sha256: string; source: DocumentsTable['source'] },
  ): Promise<{ document: RecordDocument; created: boolean }> {
    let storedKey: string | null = null;
    try {
      return await this.deps.db.transaction().execute(async (tx) => {
        const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
        const scope = { orgId: access.orgId, patientId };
        const existing = await repo.findBySha256(tx, { ...scope, sha256: file.sha256 });
        if (existing) return { document: toDocument(existing), created: false };
        const id = uuidv7();
        const key = `documents/${access.orgId}/${patientId}/${id}`;
        await repo.insert(tx, {
          id,
          org_id: access.orgId,
          patient_id: patientId,
          kind: upload.kind,
          title: upload.title,
          content_type: file.contentType,
          size_bytes: upload.file.bytes.length,
          sha256: file.sha256,
          storage_key: key,
          document_date: upload.documentDate ?? null,
          source: file.source,
          source_org: null,
          recorded_by: ctx.actor.accountId,
        });
        await this.deps.files.put(key, upload.file.bytes, { contentType: file.contentType });
        storedKey = key;
        await recordAudit(tx, ctx, {
          action: 'record.document.upload',
          orgId: access.orgId,
          patientId,
          resourceType: 'document',
          resourceId: id,
          detail: {
            basis: access.basis,
            kind: upload.kind,
            contentType: file.contentType,
            size: upload.file.bytes.length,
          },
        });
        return { document: toDocument((await repo.find(tx, { ...scope, documentId: id }))!), created: true };
      });
    } catch (error) {
      // The row was rolled back: the bytes must not outlive it.
      if (storedKey) await this.deps.files.delete(storedKey).catch(() => undefined);
      throw error;
    }
  }

  async list(
    ctx: RequestContext,
    patientId: string,
    query: { kind?: DocumentsTable['kind'] | undefined; limit: number; cursor?: string | undefined },
  ): Promise<{ items: RecordDocument[]; nextCursor: string | null }> {
    const before = decodeCursor(query.cursor, 'cursor');
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.listPage(tx, {
        orgId: access.orgId,
        patientId,
        kind: query.kind,
        before,
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      await recordAudit(tx, ctx, {
        action: 'record.document.list',
        orgId: access.orgId,
        patientId,
        resourceType: 'document',
        detail: { basis: access.basis, count: page.length },
      });
      const last = page.at(-1);
      return {
        items: page.map(toDocument),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null,
      };
    });
  }

  /** The document's bytes, decrypted; the read is audited like any other read of the record. */
  async content(
    ctx: RequestContext,
    target: { patientId: string; documentId: string },
  ): Promise<{ document: RecordDocument; bytes: Buffer }> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, target.patientId, 'view');
      const row = await repo.find(tx, { orgId: access.orgId, ...target });
      if (!row) throw new AppError('RECORD_DOCUMENT_NOT_FOUND');
      let bytes: Buffer;
      try {
        bytes = await this.deps.files.get(row.storage_key);
      } catch (error) {
        if (error instanceof FileStoreError)
          throw new AppError('RECORD_DOCUMENT_DAMAGED', { detail: error.code });
        throw error;
      }
      await recordAudit(tx, ctx, {
        action: 'record.document.read',
        orgId: access.orgId,
        patientId: target.patientId,
        resourceType: 'document',
        resourceId: row.id,
        reason: access.basis === 'break_glass' ? 'break-glass' : null,
        detail: { basis: access.basis },
      });
      return { document: toDocument(row), bytes };
    });
  }

  /** Removes a document from the record (kept, with its bytes, for the audit trail). */
  async remove(ctx: RequestContext, target: { patientId: string; documentId: string }): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, target.patientId, 'edit');
      const row = await repo.find(tx, { orgId: access.orgId, ...target });
      if (!row) throw new AppError('RECORD_DOCUMENT_NOT_FOUND');
      if (ctx.actor.kind === 'patient' && row.source !== 'self') throw new AppError('RECORD_NOT_EDITABLE');
      if (ctx.actor.kind === 'staff' && row.source === 'self')
        throw new AppError('RECORD_SELF_REPORTED_TEXT');
      await repo.softDelete(tx, { orgId: access.orgId, ...target });
      await recordAudit(tx, ctx, {
        action: 'record.document.delete',
        orgId: access.orgId,
        patientId: target.patientId,
        resourceType: 'document',
        resourceId: row.id,
        detail: { basis: access.basis, source: row.source },
      });
    });
  }
}
