import type { Executor } from '../../platform/db/database.ts';
import type { NotificationsTable } from '../../platform/db/schema-followup.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

export interface NewNotification {
  orgId: string | null;
  accountId: string;
  patientId: string | null;
  kind: NotificationsTable['kind'];
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  link: string | null;
  /** The same event notifies an account once, however often it is evaluated. */
  dedupeKey: string;
}

/** Stores in-app notifications in the caller's transaction (one multi-row insert). */
export async function notify(tx: Executor, notes: readonly NewNotification[]): Promise<void> {
  if (notes.length === 0) return;
  await tx
    .insertInto('notifications')
    .values(
      notes.map((n) => ({
        id: uuidv7(),
        org_id: n.orgId,
        account_id: n.accountId,
        patient_id: n.patientId,
        kind: n.kind,
        title_zh: n.titleZh,
        title_en: n.titleEn,
        body_zh: n.bodyZh,
        body_en: n.bodyEn,
        link: n.link,
        dedupe_key: n.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'dedupe_key']).doNothing())
    .execute();
}

export const notificationsRepository = {
  async list(
    db: Executor,
    accountId: string,
    options: { unreadOnly: boolean; limit: number; before: { at: Date; id: string } | null },
  ) {
    let query = db
      .selectFrom('notifications')
      .selectAll()
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
