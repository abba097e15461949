import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** The platform's organizations, departments and doctors as referral targets (no patient data). */
export const targetsRepository = {
  async orgs(db: Executor) {
    return db
      .selectFrom('orgs')
      .select(['id', 'name_zh', 'name_en'])
      .orderBy('created_at')
      .limit(200)
      .execute();
  },

  async departments(db: Executor, orgIds: readonly string[]) {
    if (orgIds.length === 0) return [];
    return db
      .selectFrom('departments')
      .select(['id', 'org_id', 'name_zh', 'name_en'])
      .where('org_id', 'in', orgIds)
      .where('active', '=', true)
      .orderBy('created_at')
      .execute();
  },

  async doctors(db: Executor, orgIds: readonly string[]) {
    if (orgIds.length === 0) return [];
    return db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.id', 'a.display_name', 'm.org_id', 'm.department_id', 'm.title'])
      .where('m.org_id', 'in', orgIds)
      .where('m.active', '=', true)
      .where('a.active', '=', true)
      .where(sql<boolean>`'doctor' = ANY (m.roles)`)
      .orderBy('a.display_name')
      .execute();
  },

  async orgExists(db: Executor, orgId: string): Promise<boolean> {
    return !!(await db.selectFrom('orgs').select('id').where('id', '=', orgId).executeTakeFirst());
  },

  async activeDepartment(db: Executor, orgId: string, departmentId: string): Promise<boolean> {
    return !!(await db
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', departmentId)
      .where('active', '=', true)
      .executeTakeFirst());
  },

  /** An active doctor of the organization, with their department (the referral names it). */
  async doctorInOrg(db: Executor, orgId: string, accountId: string) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['m.department_id'])
      .where('m.org_id', '=', orgId)
      .where('m.account_id', '=', accountId)
      .where('m.active', '=', true)
      .where('a.active', '=', true)
      .where(sql<boolean>`'doctor' = ANY (m.roles)`)
      .executeTakeFirst();
  },
};
