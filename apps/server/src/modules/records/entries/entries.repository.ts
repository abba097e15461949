import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { RecordSource } from '../../../platform/db/schema-records.ts';
import type { ProvenanceRow } from '../provenance.ts';
import { activeFirst, type EntryKind } from './entry-kinds.ts';

/** A row of any entry kind: the common columns plus the kind's own columns (by column name). */
export type EntryRow = ProvenanceRow & {
  id: string;
  patient_id: string;
  version: number;
  updated_at: Date;
  active: boolean;
  [column: string]: unknown;
};

const COMMON = [
  'id',
  'patient_id',
  'source',
  'source_org',
  'recorded_by',
  'created_at',
  'updated_at',
  'version',
];

function selectList(kind: EntryKind): RawBuilder<unknown> {
  const columns = [...COMMON, ...Object.values(kind.fields)].map((c) => sql.ref(`t.${c}`));
  return sql.join([
    ...columns,
    sql`a.display_name AS recorded_by_name`,
    sql`(${sql.raw(kind.activeSql)}) AS active`,
  ]);
}

export interface EntryWrite {
  id: string;
  orgId: string;
  patientId: string;
  source: RecordSource;
  sourceOrg: string | null;
  recordedBy: string;
  /** Column -> value of the kind's own columns. */
  columns: Record<string, unknown>;
}

/** The same SQL for every entry kind, with the kind's table and explicit columns from its description. */
export const entriesRepository = {
  async list(
    db: Executor,
    kind: EntryKind,
    scope: { orgId: string; patientId: string; activeOnly: boolean },
  ): Promise<EntryRow[]> {
    const result = await sql<EntryRow>`
      SELECT ${selectList(kind)}
        FROM ${sql.table(kind.table)} t
        LEFT JOIN accounts a ON a.id = t.recorded_by
       WHERE t.patient_id = ${scope.patientId} AND t.org_id = ${scope.orgId} AND t.deleted_at IS NULL
         ${scope.activeOnly ? sql`AND (${sql.raw(kind.activeSql)})` : sql``}
       ORDER BY ${sql.raw(activeFirst(kind))}, t.id DESC`.execute(db);
    return result.rows;
  },

  async find(
    db: Executor,
    kind: EntryKind,
    scope: { orgId: string; patientId: string; entryId: string },
  ): Promise<EntryRow | undefined> {
    const result = await sql<EntryRow>`
      SELECT ${selectList(kind)}
        FROM ${sql.table(kind.table)} t
        LEFT JOIN accounts a ON a.id = t.recorded_by
       WHERE t.id = ${scope.entryId} AND t.patient_id = ${scope.patientId} AND t.org_id = ${scope.orgId}
         AND t.deleted_at IS NULL`.execute(db);
    return result.rows[0];
  },

  async insert(db: Executor, kind: EntryKind, write: EntryWrite): Promise<void> {
    const values: Record<string, unknown> = {
      ...write.columns,
      id: write.id,
      org_id: write.orgId,
      patient_id: write.patientId,
      source: write.source,
      source_org: write.sourceOrg,
      recorded_by: write.recordedBy,
    };
    const names = Object.keys(values);
    await sql`
      INSERT INTO ${sql.table(kind.table)} (${sql.join(names.map((n) => sql.id(n)))})
      VALUES (${sql.join(names.map((n) => values[n]))})`.execute(db);
  },

  /** Applies the changes when the row is still at `version`; false when it is not (or is gone). */
  async update(
    db: Executor,
    kind: EntryKind,
    target: { orgId: string; patientId: string; entryId: string; version: number },
    columns: Record<string, unknown>,
  ): Promise<boolean> {
    const sets = Object.entries(columns).map(([c, v]) => sql`${sql.id(c)} = ${v}`);
    const result = await sql`
      UPDATE ${sql.table(kind.table)}
         SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])}
       WHERE id = ${target.entryId} AND patient_id = ${target.patientId} AND org_id = ${target.orgId}
         AND version = ${target.version} AND deleted_at IS NULL`.execute(db);
    return Number(result.numAffectedRows ?? 0) > 0;
  },

  async softDelete(
    db: Executor,
    kind: EntryKind,
    target: { orgId: string; patientId: string; entryId: string },
  ): Promise<void> {
    await sql`
      UPDATE ${sql.table(kind.table)} SET deleted_at = now(), updated_at = now(), version = version + 1
       WHERE id = ${target.entryId} AND patient_id = ${target.patientId} AND org_id = ${target.orgId}
         AND deleted_at IS NULL`.execute(db);
  },
};
