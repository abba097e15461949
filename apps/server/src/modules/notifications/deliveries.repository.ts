import { sql } from 'kysely';
import type { DeliveryLogQuery } from '@careloop/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { DeliveryStatusColumn } from '../../platform/db/schema-notifications.ts';

export const deliveriesRepository = {
  /** The delivery with what sending it needs, locked while it is claimed (skipped when another worker has it). */
  async lockForDelivery(tx: Executor, id: string) {
    return tx
      .selectFrom('notification_deliveries as d')
      .innerJoin('notifications as n', 'n.id', 'd.notification_id')
      .innerJoin('accounts as a', 'a.id', 'd.account_id')
      .leftJoin('notification_preferences as p', 'p.account_id', 'd.account_id')
      .select([
        'd.id',
        'd.channel',
        'd.account_id',
        'd.status',
        'd.attempts',
        'd.urgency',
        'd.kind',
        'd.due_at',
        'd.created_at',
        'n.id as notification_id',
        'n.title_zh',
        'n.title_en',
        'n.body_zh',
        'n.body_en',
        'n.link',
        'n.read_at',
        'a.kind as account_kind',
        'a.active',
        'a.locale',
        'a.email',
        'a.phone_enc',
        'p.wechat_open_id_enc',
      ])
      .where('d.id', '=', id)
      .forUpdate('d')
      .skipLocked()
      .executeTakeFirst();
  },

  async pushTargets(tx: Executor, accountId: string) {
    return tx
      .selectFrom('push_subscriptions')
      .select(['id', 'endpoint', 'p256dh', 'auth'])
      .where('account_id', '=', accountId)
      .execute();
  },

  async forgetPushSubscription(tx: Executor, id: string) {
    await tx.deleteFrom('push_subscriptions').where('id', '=', id).execute();
  },

  async touchPushSubscription(tx: Executor, id: string) {
    await tx
      .updateTable('push_subscriptions')
      .set({ last_success_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** Counts a started attempt and keeps the row from being started again until `until`. */
  async lease(tx: Executor, id: string, attempts: number, until: Date) {
    await tx
      .updateTable('notification_deliveries')
      .set({ attempts, next_attempt_at: until, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  async finish(
    tx: Executor,
    id: string,
    values: {
      status: DeliveryStatusColumn;
      attempts: number;
      lastError: string | null;
      nextAttemptAt?: Date;
    },
  ) {
    await tx
      .updateTable('notification_deliveries')
      .set({
        status: values.status,
        attempts: values.attempts,
        last_error: values.lastError,
        updated_at: new Date(),
        ...(values.status === 'sent' ? { sent_at: new Date() } : {}),
        ...(values.nextAttemptAt ? { next_attempt_at: values.nextAttemptAt } : {}),
      })
      .where('id', '=', id)
      .execute();
  },

  /** Deliveries not yet handed to pg-boss, claimed by this relay (SKIP LOCKED: each goes to one process). */
  async claimForQueue(tx: Executor, limit: number) {
    const { rows } = await sql<{ id: string; due_at: Date }>`
      UPDATE notification_deliveries d SET enqueued_at = now()
        FROM (SELECT id FROM notification_deliveries
               WHERE status = 'queued' AND enqueued_at IS NULL
               ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) c
       WHERE d.id = c.id
      RETURNING d.id, d.due_at`.execute(tx);
    return rows;
  },

  /**
   * Deliveries whose job is gone (a worker killed mid-run past the job's retries): queued, handed over long ago
   * and past their next attempt by half an hour. They are handed over again rather than lost.
   */
  async requeueStale(db: Executor) {
    await sql`
      UPDATE notification_deliveries SET enqueued_at = NULL
       WHERE status = 'queued' AND enqueued_at < now() - interval '30 minutes'
         AND next_attempt_at < now() - interval '30 minutes'`.execute(db);
  },

  /** Deliveries due by `now` (in-process delivery, when the app runs without pg-boss). */
  async due(db: Executor, now: Date, limit: number) {
    return db
      .selectFrom('notification_deliveries')
      .select('id')
      .where('status', '=', 'queued')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
  },

  /** New notifications whose realtime hint has not gone out, claimed by this process. */
  async claimUnannounced(tx: Executor, limit: number) {
    const { rows } = await sql<{ id: string; account_id: string; kind: 'patient' | 'staff' }>`
      UPDATE notifications n SET announced_at = now()
        FROM (SELECT id FROM notifications WHERE announced_at IS NULL
               ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED) c, accounts a
       WHERE n.id = c.id AND a.id = n.account_id
      RETURNING n.id, n.account_id, a.kind`.execute(tx);
    return rows;
  },

  /** An organization's delivery log, newest first (ids are time-ordered UUIDv7). */
  async log(db: Executor, orgId: string, q: DeliveryLogQuery, after: string | null) {
    let query = db
      .selectFrom('notification_deliveries')
      .select([
        'id',
        'notification_id',
        'account_id',
        'kind',
        'category',
        'urgency',
        'channel',
        'status',
        'attempts',
        'last_error',
        'created_at',
        'due_at',
        'sent_at',
        'updated_at',
      ])
      .where('org_id', '=', orgId)
      .orderBy('id', 'desc')
      .limit(q.limit + 1);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.channel) query = query.where('channel', '=', q.channel);
    if (q.kind) query = query.where('kind', '=', q.kind);
    if (q.accountId) query = query.where('account_id', '=', q.accountId);
    if (q.from) query = query.where('created_at', '>=', new Date(q.from));
    if (q.to) query = query.where('created_at', '<', new Date(q.to));
    if (after) query = query.where('id', '<', after);
    return query.execute();
  },
};
