import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

const PACKAGE_COLUMNS = [
  'id',
  'code',
  'name_zh',
  'name_en',
  'item_codes',
  'price_cents',
  'active',
  'created_at',
  'updated_at',
  'version',
] as const;

export interface PackageChanges {
  name_zh?: string;
  name_en?: string;
  item_codes?: string[];
  price_cents?: number | null;
  active?: boolean;
}

export const packagesRepository = {
  async list(db: Executor, orgId: string, activeOnly: boolean) {
    let q = db.selectFrom('checkup_packages').select(PACKAGE_COLUMNS).where('org_id', '=', orgId);
    if (activeOnly) q = q.where('active', '=', true);
    return q.orderBy('code').execute();
  },

  async find(db: Executor, orgId: string, id: string) {
    return db
      .selectFrom('checkup_packages')
      .select(PACKAGE_COLUMNS)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Inserts unless the org already has a package with this code; undefined on a clash. */
  async insert(
    db: Executor,
    row: {
      id: string;
      org_id: string;
      code: string;
      name_zh: string;
      name_en: string;
      item_codes: string[];
      price_cents: number | null;
      active: boolean;
      created_by: string;
    },
  ) {
    return db
      .insertInto('checkup_packages')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
      .returning(PACKAGE_COLUMNS)
      .executeTakeFirst();
  },

  async update(db: Executor, input: { orgId: string; id: string; version: number; changes: PackageChanges }) {
    return db
      .updateTable('checkup_packages')
      .set({ ...input.changes, updated_at: new Date(), version: sql`version + 1` })
      .where('org_id', '=', input.orgId)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returning(PACKAGE_COLUMNS)
      .executeTakeFirst();
  },
};
