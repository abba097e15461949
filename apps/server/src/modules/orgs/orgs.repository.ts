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

  async accountIdByEmail(db: Executor, email: string) {
    return db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
  },

  async accountIdByPhoneBidx(db: Executor, phoneBidx: string) {
    return db.selectFrom('accounts').select('id').where('phone_bidx', '=', phoneBidx).executeTakeFirst();
  },

  async insertInvitation(
    db: Executor,
    row: {
      id: string;
      org_id: string;
      email: string;
      name: string;
      roles: string[];
      department_id: string | null;
      title: string | null;
      token_hash: string;
      invited_by: string;
      expires_at: Date;
    },
  ) {
    await db.insertInto('invitations').values(row).execute();
  },

  /** Creates the staff account and its membership from an accepted invitation. */
  async insertStaffAccount(
    db: Executor,
    account: {
      id: string;
      display_name: string;
      email: string;
      phone_enc: string | null;
      phone_bidx: string | null;
      password_hash: string;
    },
    membership: {
      id: string;
      org_id: string;
      roles: string[];
      department_id: string | null;
      title: string | null;
    },
  ) {
    await db
      .insertInto('accounts')
      .values({
        ...account,
        kind: 'staff',
        locale: null,
        mfa_secret_enc: null,
        mfa_pending_secret_enc: null,
        locked_until: null,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ ...membership, account_id: account.id })
      .execute();
  },

  /** Marks an invitation accepted; false when it was accepted already (two tabs, a replayed link). */
  async acceptInvitation(db: Executor, id: string): Promise<boolean> {
    const r = await db
      .updateTable('invitations')
      .set({ accepted_at: new Date() })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertOrg(
    db: Executor,
    row: { id: string; code: string; name_zh: string; name_en: string; time_zone: string },
  ) {
    return db
      .insertInto('orgs')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .returning(['id', 'code', 'name_zh', 'name_en', 'time_zone', 'created_at'])
      .executeTakeFirst();
  },
};
