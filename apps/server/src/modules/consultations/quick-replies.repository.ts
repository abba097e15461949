import type { Executor } from '../../platform/db/database.ts';

export const quickRepliesRepository = {
  /** The account's own replies and the organization's shared ones, in their order. */
  async list(db: Executor, orgId: string, accountId: string) {
    return db
      .selectFrom('consultation_quick_replies')
      .select(['id', 'title', 'body', 'account_id', 'sort'])
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('account_id', '=', accountId), eb('account_id', 'is', null)]))
      .orderBy('sort')
      .orderBy('created_at')
      .execute();
  },

  async insert(
    db: Executor,
    r: {
      id: string;
      orgId: string;
      accountId: string | null;
      title: string;
      body: string;
      sort: number;
      createdBy: string;
    },
  ): Promise<void> {
    await db
      .insertInto('consultation_quick_replies')
      .values({
        id: r.id,
        org_id: r.orgId,
        account_id: r.accountId,
        title: r.title,
        body: r.body,
        sort: r.sort,
        created_by: r.createdBy,
      })
      .execute();
  },

  async owner(db: Executor, orgId: string, id: string) {
    return db
      .selectFrom('consultation_quick_replies')
      .select(['account_id'])
      .where('id', '=', id)
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  async update(db: Executor, id: string, r: { title: string; body: string; sort: number }): Promise<void> {
    await db.updateTable('consultation_quick_replies').set(r).where('id', '=', id).execute();
  },

  async remove(db: Executor, id: string): Promise<void> {
    await db
      .updateTable('consultation_quick_replies')
      .set({ deleted_at: new Date() })
      .where('id', '=', id)
      .execute();
  },
};
