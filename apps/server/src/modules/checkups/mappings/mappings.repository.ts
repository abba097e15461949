import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

const MAPPING_COLUMNS = [
  'm.id',
  'm.local_name',
  'm.local_name_normalized',
  'm.loinc',
  'm.unit',
  'u.display_name as updated_by_name',
  'm.updated_at',
  'm.version',
] as const;

export interface MappingRow {
  id: string;
  local_name: string;
  local_name_normalized: string;
  loinc: string;
  unit: string | null;
  updated_by_name: string | null;
  updated_at: Date;
  version: number;
}

/** A linear change of unit applied in SQL: new = value * factor + offset, rounded to `decimals`. */
export interface UnitRewrite {
  unit: string;
  factor: number;
  offset: number;
  decimals: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const mappingQuery = (db: Executor) =>
  db
    .selectFrom('checkup_item_mappings as m')
    .leftJoin('accounts as u', 'u.id', 'm.updated_by')
    .select(MAPPING_COLUMNS);

export const mappingsRepository = {
  async list(db: Executor, input: { orgId: string; q: string | null; after: string | null; limit: number }) {
    let q = mappingQuery(db).where('m.org_id', '=', input.orgId);
    if (input.q) {
      const like = `%${escapeLike(input.q.toLowerCase())}%`;
      q = q.where((eb) => eb.or([eb('m.local_name_normalized', 'like', like), eb('m.loinc', 'like', like)]));
    }
    if (input.after) q = q.where('m.local_name_normalized', '>', input.after);
    return q
      .orderBy('m.local_name_normalized')
      .limit(input.limit + 1)
      .execute() as Promise<MappingRow[]>;
  },

  async find(db: Executor, orgId: string, id: string): Promise<MappingRow | undefined> {
    return mappingQuery(db).where('m.org_id', '=', orgId).where('m.id', '=', id).executeTakeFirst();
  },

  /** Inserts unless the org already maps this name; false on a clash. */
  async insert(
    db: Executor,
    row: {
      id: string;
      orgId: string;
      localName: string;
      normalized: string;
      loinc: string;
      unit: string | null;
      by: string;
    },
  ): Promise<boolean> {
    const r = await db
      .insertInto('checkup_item_mappings')
      .values({
        id: row.id,
        org_id: row.orgId,
        local_name: row.localName,
        local_name_normalized: row.normalized,
        loinc: row.loinc,
        unit: row.unit,
        created_by: row.by,
        updated_by: row.by,
      })
      .onConflict((oc) => oc.columns(['org_id', 'local_name_normalized']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /** Updates when the version still matches; undefined on a stale version. */
  async update(
    db: Executor,
    input: {
      orgId: string;
      id: string;
      version: number;
      by: string;
      changes: { local_name?: string; local_name_normalized?: string; loinc?: string; unit?: string | null };
    },
  ): Promise<boolean> {
    const r = await db
      .updateTable('checkup_item_mappings')
      .set({ ...input.changes, updated_by: input.by, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async nameTaken(db: Executor, orgId: string, normalized: string, exceptId: string): Promise<boolean> {
    const row = await db
      .selectFrom('checkup_item_mappings')
      .select('id')
      .where('org_id', '=', orgId)
      .where('local_name_normalized', '=', normalized)
      .where('id', '!=', exceptId)
      .executeTakeFirst();
    return !!row;
  },

  async remove(db: Executor, orgId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('checkup_item_mappings')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  /** The units the org's unmapped checkup observations of one local name were stored in. */
  async unmappedUnits(db: Executor, orgId: string, localCode: string): Promise<(string | null)[]> {
    const rows = await db
      .selectFrom('observations')
      .select('unit')
      .distinct()
      .where('org_id', '=', orgId)
      .where('code_system', '=', 'local')
      .where('code', '=', localCode)
      .where('source', '=', 'checkup')
      .execute();
    return rows.map((r) => r.unit);
  },

  /**
   * Re-codes the org's unmapped checkup observations of one local name to a LOINC code in one statement, bringing
   * values in the listed units into the analyte's unit. Rows in units that cannot be converted stay unmapped.
   */
  async recode(
    db: Executor,
    input: {
      orgId: string;
      localCode: string;
      loinc: string;
      targetUnit: string | null;
      keepUnits: string[];
      rewrites: UnitRewrite[];
      includeNoUnit: boolean;
    },
  ): Promise<number> {
    const convert = (column: 'value_num' | 'ref_low' | 'ref_high'): RawBuilder<number> => {
      if (input.rewrites.length === 0) return sql.ref(column) as RawBuilder<number>;
      const cases = input.rewrites.map(
        (r) =>
          sql`WHEN ${r.unit} THEN round((${sql.ref(column)} * ${r.factor} + ${r.offset})::numeric, ${r.decimals})::double precision`,
      );
      return sql<number>`CASE unit ${sql.join(cases, sql` `)} ELSE ${sql.ref(column)} END`;
    };
    const units = [...input.keepUnits, ...input.rewrites.map((r) => r.unit)];
    const r = await db
      .updateTable('observations')
      .set({
        code_system: 'loinc',
        code: input.loinc,
        value_num: convert('value_num'),
        ref_low: convert('ref_low'),
        ref_high: convert('ref_high'),
        unit:
          input.targetUnit === null
            ? sql.ref('unit')
            : sql`CASE WHEN unit IS NULL THEN NULL ELSE ${input.targetUnit} END`,
      })
      .where('org_id', '=', input.orgId)
      .where('code_system', '=', 'local')
      .where('code', '=', input.localCode)
      .where('source', '=', 'checkup')
      .where((eb) =>
        eb.or([
          ...(units.length > 0 ? [eb('unit', 'in', units)] : []),
          ...(input.includeNoUnit ? [eb('unit', 'is', null)] : []),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Unmapped checkup items of the org grouped by local name, most frequent first. */
  async unmapped(db: Executor, input: { orgId: string; q: string | null; offset: number; limit: number }) {
    const filter = input.q ? sql`AND o.code LIKE ${`%${escapeLike(input.q.toLowerCase())}%`}` : sql``;
    const { rows } = await sql<{
      code: string;
      local_name: string;
      count: number;
      patient_count: number;
      examples: string[];
      units: string[];
      first_seen: Date;
      last_seen: Date;
    }>`
      SELECT o.code,
             min(o.name) AS local_name,
             count(*)::int AS count,
             count(DISTINCT o.patient_id)::int AS patient_count,
             (array_agg(DISTINCT coalesce(o.value_text, o.value_num::text)))[1:3] AS examples,
             array_remove(array_agg(DISTINCT o.unit), NULL) AS units,
             min(o.effective_at) AS first_seen,
             max(o.effective_at) AS last_seen
        FROM observations o
       WHERE o.org_id = ${input.orgId} AND o.code_system = 'local' AND o.source = 'checkup' ${filter}
       GROUP BY o.code
       ORDER BY count(*) DESC, o.code
       LIMIT ${input.limit + 1} OFFSET ${input.offset}`.execute(db);
    return rows;
  },
};
