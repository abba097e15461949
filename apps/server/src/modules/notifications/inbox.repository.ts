import type { Executor } from '../../platform/db/database.ts';

/** An account's own in-app notifications. */
export const inboxRepository = {
  async list(
    db: Executor,
    accountId: string,
    options: { unreadOnly: boolean; limit: number; before: { at: Date; id: string } | null },
  ) {
    let query = db
      .selectFrom('notifications')
      .select([
        'id',
        'kind',
        'category',
        'urgency',
        'title_zh',
        'title_en',
        'body_zh',
        'body_en',
        'link',
        'patient_id',
        'created_at',
        'read_at',
      ])
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1);
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    const before = options.before;
    if (before) {
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', before.at),
          eb.and([eb('created_at', '=', before.at), eb('id', '<', before.id)]),
        ]),
      );
    }
    return query.execute();
  },

  async unreadCount(db: Executor, accountId: string): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async markRead(db: Executor, accountId: string, id: string | null): Promise<number> {
    let query = db
      .updateTable('notifications')
      .set({ read_at: new Date() })
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null);
    if (id) query = query.where('id', '=', id);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async exists(db: Executor, accountId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('notifications')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  },
};
