import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { DrugRow, DrugRowWithStock } from './drug-view.ts';
import type { drugColumns } from './drug-view.ts';

type Columns = ReturnType<typeof drugColumns>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const formularyRepository = {
  async search(
    db: Executor,
    orgId: string,
    q: { text: string | null; includeInactive: boolean; limit: number; offset: number },
  ): Promise<{ rows: DrugRowWithStock[]; total: number }> {
    let query = db
      .selectFrom('formulary_drugs as d')
      .leftJoin('pharmacy_stock as s', (j) =>
        j.onRef('s.drug_id', '=', 'd.id').onRef('s.org_id', '=', 'd.org_id'),
      )
      .where('d.org_id', '=', orgId);
    if (!q.includeInactive) query = query.where('d.active', '=', true);
    const text = q.text?.toLowerCase().normalize('NFKC').replace(/\s+/g, '');
    if (text) {
      const like = `%${escapeLike(text)}%`;
      query = query.where(sql<boolean>`replace(d.name_search, ' ', '') LIKE ${like}`);
    }
    const [rows, count] = await Promise.all([
      query
        .selectAll('d')
        .select(['s.on_hand', 's.reserved'])
        // Best match first: a name or initials that start with the text, then the rest by name.
        .orderBy(
          text
            ? sql`(d.name_search LIKE ${`${escapeLike(text)}%`} OR d.name_search LIKE ${`%| ${escapeLike(text)}%`}) DESC`
            : sql`1`,
        )
        .orderBy('d.generic_zh')
        .orderBy('d.code')
        .limit(q.limit)
        .offset(q.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    ]);
    return { rows: rows as DrugRowWithStock[], total: Number(count?.n ?? 0) };
  },

  async find(db: Executor, orgId: string, id: string): Promise<DrugRowWithStock | undefined> {
    const row = await db
      .selectFrom('formulary_drugs as d')
      .leftJoin('pharmacy_stock as s', (j) =>
        j.onRef('s.drug_id', '=', 'd.id').onRef('s.org_id', '=', 'd.org_id'),
      )
      .selectAll('d')
      .select(['s.on_hand', 's.reserved'])
      .where('d.org_id', '=', orgId)
      .where('d.id', '=', id)
      .executeTakeFirst();
    return row as DrugRowWithStock | undefined;
  },

  async many(db: Executor, orgId: string, ids: readonly string[]): Promise<DrugRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('formulary_drugs')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },

  async all(db: Executor, orgId: string): Promise<DrugRowWithStock[]> {
    const rows = await db
      .selectFrom('formulary_drugs as d')
      .leftJoin('pharmacy_stock as s', (j) =>
        j.onRef('s.drug_id', '=', 'd.id').onRef('s.org_id', '=', 'd.org_id'),
      )
      .selectAll('d')
      .select(['s.on_hand', 's.reserved'])
      .where('d.org_id', '=', orgId)
      .orderBy('d.code')
      .execute();
    return rows as DrugRowWithStock[];
  },

  async byCodes(db: Executor, orgId: string, codes: readonly string[]): Promise<DrugRow[]> {
    if (codes.length === 0) return [];
    return db
      .selectFrom('formulary_drugs')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('code', 'in', [...new Set(codes)])
      .execute();
  },

  async insert(db: Executor, id: string, orgId: string, columns: Columns): Promise<boolean> {
    const result = await db
      .insertInto('formulary_drugs')
      .values({ id, org_id: orgId, ...columns, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async update(
    db: Executor,
    orgId: string,
    id: string,
    version: number | null,
    columns: Partial<Columns>,
  ): Promise<boolean> {
    let q = db
      .updateTable('formulary_drugs')
      .set({ ...columns, version: sql`version + 1`, updated_at: new Date() })
      .where('org_id', '=', orgId)
      .where('id', '=', id);
    if (version !== null) q = q.where('version', '=', version);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Sets what is on hand; refused (false) below what orders have reserved (the table's CHECK). */
  async setStock(db: Executor, orgId: string, drugId: string, onHand: number): Promise<boolean> {
    const result = await sql`
      INSERT INTO pharmacy_stock (org_id, drug_id, on_hand, updated_at) VALUES (${orgId}, ${drugId}, ${onHand}, now())
      ON CONFLICT (org_id, drug_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, updated_at = now()
       WHERE pharmacy_stock.reserved <= EXCLUDED.on_hand`.execute(db);
    return Number(result.numAffectedRows ?? 0) > 0;
  },
};
