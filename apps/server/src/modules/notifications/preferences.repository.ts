import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

export interface Recipient {
  id: string;
  kind: 'patient' | 'staff';
  active: boolean;
  channels: Record<string, string[]> | null;
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  hasWechat: boolean;
  hasPush: boolean;
}

export interface PreferencesRow {
  channels: Record<string, string[]>;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
  version: number;
}

export const preferencesRepository = {
  /** What delivery planning needs about each recipient, in one query. */
  async recipients(db: Executor, accountIds: readonly string[]): Promise<Recipient[]> {
    if (accountIds.length === 0) return [];
    const { rows } = await sql<Recipient>`
      SELECT a.id, a.kind, a.active, p.channels, p.quiet_start AS "quietStart", p.quiet_end AS "quietEnd",
             p.time_zone AS "timeZone", a.email IS NOT NULL AS "hasEmail", a.phone_enc IS NOT NULL AS "hasPhone",
             p.wechat_open_id_enc IS NOT NULL AS "hasWechat",
             EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.account_id = a.id) AS "hasPush"
        FROM accounts a LEFT JOIN notification_preferences p ON p.account_id = a.id
       WHERE a.id = ANY(${accountIds}::uuid[])`.execute(db);
    return rows;
  },

  async find(db: Executor, accountId: string): Promise<PreferencesRow | undefined> {
    return db
      .selectFrom('notification_preferences')
      .select(['channels', 'quiet_start', 'quiet_end', 'time_zone', 'version'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
  },

  /** Writes the preferences when `version` is still current (0: none stored yet); false when it is stale. */
  async save(
    db: Executor,
    accountId: string,
    version: number,
    values: {
      channels: Record<string, string[]>;
      quietStart: string | null;
      quietEnd: string | null;
      timeZone: string | null;
    },
  ): Promise<boolean> {
    const row = {
      channels: JSON.stringify(values.channels),
      quiet_start: values.quietStart,
      quiet_end: values.quietEnd,
      time_zone: values.timeZone,
      updated_at: new Date(),
    };
    if (version === 0) {
      const inserted = await db
        .insertInto('notification_preferences')
        .values({ account_id: accountId, ...row })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const updated = await db
      .updateTable('notification_preferences')
      .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
      .where('account_id', '=', accountId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  },

  async reachability(db: Executor, accountId: string) {
    return db
      .selectFrom('accounts as a')
      .leftJoin('notification_preferences as p', 'p.account_id', 'a.id')
      .select((eb) => [
        sql<boolean>`a.email IS NOT NULL`.as('email'),
        sql<boolean>`a.phone_enc IS NOT NULL`.as('sms'),
        sql<boolean>`p.wechat_open_id_enc IS NOT NULL`.as('wechat'),
        eb
          .exists(
            eb.selectFrom('push_subscriptions as s').select('s.id').whereRef('s.account_id', '=', 'a.id'),
          )
          .as('push'),
      ])
      .where('a.id', '=', accountId)
      .executeTakeFirstOrThrow();
  },

  /** Stores (or moves to this account) the browser's subscription; the endpoint identifies the device. */
  async savePushSubscription(
    db: Executor,
    accountId: string,
    s: { endpoint: string; p256dh: string; auth: string; userAgent: string | null },
  ) {
    return db
      .insertInto('push_subscriptions')
      .values({
        id: uuidv7(),
        account_id: accountId,
        endpoint: s.endpoint,
        p256dh: s.p256dh,
        auth: s.auth,
        user_agent: s.userAgent,
      })
      .onConflict((oc) =>
        oc.column('endpoint').doUpdateSet({
          account_id: accountId,
          p256dh: s.p256dh,
          auth: s.auth,
          user_agent: s.userAgent,
        }),
      )
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
  },

  async removePushSubscription(db: Executor, accountId: string, endpoint: string): Promise<boolean> {
    const result = await db
      .deleteFrom('push_subscriptions')
      .where('account_id', '=', accountId)
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },
};
