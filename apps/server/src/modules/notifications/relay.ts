import { CompiledQuery } from 'kysely';
import type { AppDeps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { NotifyChannels } from '../../platform/notify/notify-channels.ts';
import { deliveriesRepository as repo } from './deliveries.repository.ts';
import { deliverOne } from './deliver.ts';
import { notificationDeliveryJob } from './notifications.jobs.ts';

const BATCH = 200;

/** pg-boss writes its job rows through this transaction, so a delivery is marked handed over exactly with its job. */
const bossDb = (tx: Tx) => ({
  executeSql: async (text: string, values: unknown[]) => ({
    rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows as unknown[],
  }),
});

/**
 * Moves committed notifications on: publishes `notifications.notification.created` to each recipient's app once
 * (whichever process claims the row), then hands new deliveries to pg-boss, due at the end of quiet hours, with
 * retries and backoff. Without a job runner (tests, benchmarks) due deliveries are sent in this process instead.
 */
export async function relayOnce(
  deps: AppDeps,
  channels: NotifyChannels,
  now: Date = new Date(),
): Promise<void> {
  await announce(deps);
  const jobs = deps.jobs;
  if (jobs) {
    const { maxAttempts, retryDelaySeconds } = deps.config.notify;
    for (;;) {
      const handed = await deps.db.transaction().execute(async (tx) => {
        const claimed = await repo.claimForQueue(tx, BATCH);
        for (const d of claimed) {
          await jobs.send(
            notificationDeliveryJob(deps, channels),
            { deliveryId: d.id },
            {
              db: bossDb(tx),
              startAfter: d.due_at,
              retryLimit: maxAttempts - 1,
              retryDelay: retryDelaySeconds,
              retryBackoff: true,
              expireInSeconds: 120,
            },
          );
        }
        return claimed.length;
      });
      if (handed < BATCH) break;
    }
    await repo.requeueStale(deps.db);
    return;
  }
  for (;;) {
    const due = await repo.due(deps.db, now, BATCH);
    for (const d of due) await deliverOne(deps, channels, d.id, now);
    if (due.length < BATCH) break;
  }
}

async function announce(deps: AppDeps): Promise<void> {
  for (;;) {
    const claimed = await deps.db.transaction().execute((tx) => repo.claimUnannounced(tx, BATCH));
    const at = new Date().toISOString();
    for (const n of claimed) {
      deps.realtime.publish(
        n.kind === 'patient' ? 'patient' : 'console',
        { accountIds: [n.account_id] },
        { type: 'notifications.notification.created', id: n.id, at },
      );
    }
    if (claimed.length < BATCH) break;
  }
}
