import type { Executor } from '../../platform/db/database.ts';

export const orgsRepository = {
  async departments(db: Executor, orgId: string) {
    return db
      .selectFrom('departments')
      .select(['id', 'code', 'name_zh', 'name_en', 'active'])
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .execute();
  },

  async insertDepartment(
    db: Executor,
    row: { id: string; org_id: string; code: string; name_zh: string; name_en: string; active: boolean },
  ) {
    const r = await db
      .insertInto('departments')
      .values(row)
      .onConflict((oc) => oc.columns(['org_id', 'code']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  async updateDepartment(
    db: Executor,
    orgId: string,
    id: string,
    set: { name_zh?: string; name_en?: string; active?: boolean; code?: string },
  ) {
    return db
      .updateTable('departments')
      .set(set)
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returning(['id', 'code', 'name_zh', 'name_en', 'active'])
      .executeTakeFirst();
  },

  async departmentInOrg(db: Executor, orgId: string, id: string) {
    return !!(await db
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst());
  },

  staffQuery(db: Executor, orgId: string) {
    return db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select([
        'a.id',
        'a.display_name',
        'a.email',
        'm.roles',
        'm.department_id',
        'm.title',
        'm.active',
        'a.mfa_enabled',
      ])
      .where('m.org_id', '=', orgId);
  },

  async staff(
    db: Executor,
    orgId: string,
    filter: { departmentId?: string | undefined; role?: string | undefined },
  ) {
    let q = orgsRepository.staffQuery(db, orgId);
    if (filter.departmentId) q = q.where('m.department_id', '=', filter.departmentId);
    if (filter.role) q = q.where((eb) => eb(eb.val(filter.role!), '=', eb.fn.any('m.roles')));
    return q.orderBy('a.display_name').limit(500).execute();
  },

  async updateMembership(
    db: Executor,
    orgId: string,
    accountId: string,
    set: { roles?: string[]; department_id?: string | null; title?: string | null; active?: boolean },
  ) {
    const r = await db
      .updateTable('memberships')
      .set(set)
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async orgs(db: Executor) {
    return db
      .selectFrom('orgs')
      .select(['id', 'code', 'name_zh', 'name_en', 'time_zone', 'created_at'])
      .orderBy('created_at')
      .execute();
  },

  async orgName(db: Executor, orgId: string) {
    return db.selectFrom('orgs').select(['name_zh', 'name_en']).where('id', '=', orgId).executeTakeFirst();
  },

  async invitations(db: Executor, orgId: string) {
    return db
      .selectFrom('invitations')
      .select(['id', 'email', 'name', 'roles', 'expires_at', 'accepted_at', 'created_at'])
      .where('org_id', '=', orgId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
  },

  async openInvitationByToken(db: Executor, tokenHash: string) {
    return db
      .selectFrom('invitations')
      .select(['id', 'org_id', 'email', 'name', 'roles', 'department_id', 'title'])
      .where('token_hash', '=', tokenHash)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
  },
};
