import type { Executor } from '../../../platform/db/database.ts';
import type { DocumentsTable, RecordSource } from '../../../platform/db/schema-records.ts';
import type { Insertable } from 'kysely';
import type { Keyset } from '../cursor.ts';
import { sql } from 'kysely';
import { keysetTime } from '../cursor.ts';

export interface DocumentRow {
  id: string;
  patient_id: string;
  kind: DocumentsTable['kind'];
  title: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  document_date: string | null;
  source: RecordSource;
  source_org: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
  at_key: string;
}

interface Scope {
  orgId: string;
  patientId: string;
}

function documents(db: Executor, scope: Scope) {
  return db
    .selectFrom('documents as d')
    .leftJoin('accounts as a', 'a.id', 'd.recorded_by')
    .select([
      'd.id',
      'd.patient_id',
      'd.kind',
      'd.title',
      'd.content_type',
      'd.size_bytes',
      'd.sha256',
      'd.storage_key',
      'd.document_date',
      'd.source',
      'd.source_org',
      'd.recorded_by',
      'a.display_name as recorded_by_name',
      'd.created_at',
      sql<string>`${sql.raw(keysetTime('d.created_at'))}`.as('at_key'),
    ])
    .where('d.patient_id', '=', scope.patientId)
    .where('d.org_id', '=', scope.orgId)
    .where('d.deleted_at', 'is', null);
}

export const documentsRepository = {
  /** Newest first, keyset-paged on (created_at, id). */
  async listPage(
    db: Executor,
    scope: Scope & { kind?: DocumentsTable['kind'] | undefined; before: Keyset | null; limit: number },
  ): Promise<DocumentRow[]> {
    let q = documents(db, scope);
    if (scope.kind) q = q.where('d.kind', '=', scope.kind);
    const b = scope.before;
    if (b) {
      q = q.where(
        sql<boolean>`d.created_at <= ${b.at}::timestamptz AND (d.created_at < ${b.at}::timestamptz OR d.id < ${b.id}::uuid)`,
      );
    }
    return q
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(scope.limit + 1)
      .execute();
  },

  async find(db: Executor, scope: Scope & { documentId: string }): Promise<DocumentRow | undefined> {
    return documents(db, scope).where('d.id', '=', scope.documentId).executeTakeFirst();
  },

  /** The patient's live document with these bytes, if one was uploaded before. */
  async findBySha256(db: Executor, scope: Scope & { sha256: string }): Promise<DocumentRow | undefined> {
    return documents(db, scope).where('d.sha256', '=', scope.sha256).executeTakeFirst();
  },

  async insert(db: Executor, row: Insertable<DocumentsTable>): Promise<void> {
    await db.insertInto('documents').values(row).execute();
  },

  async softDelete(db: Executor, scope: Scope & { documentId: string }): Promise<void> {
    await db
      .updateTable('documents')
      .set({ deleted_at: new Date() })
      .where('id', '=', scope.documentId)
      .where('patient_id', '=', scope.patientId)
      .where('org_id', '=', scope.orgId)
      .where('deleted_at', 'is', null)
      .execute();
  },
};
