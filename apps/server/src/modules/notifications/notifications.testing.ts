import type { TestApp } from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { notify, type NewNotification } from './notify.ts';
import { notificationsRuntime } from './notifications.runtime.ts';
import { relayOnce } from './relay.ts';

/** A notification as a module would send one, in its own transaction. */
export async function sendNote(t: TestApp, over: Partial<NewNotification> & { accountId: string }) {
  const dedupeKey = over.dedupeKey ?? `test:${uuidv7()}`;
  await t.deps.db.transaction().execute((tx) =>
    notify(tx, [
      {
        orgId: null,
        patientId: null,
        kind: 'follow_up_task',
        titleZh: '请复查血糖',
        titleEn: 'Please recheck your glucose',
        bodyZh: '空腹血糖偏高，请一周内复查。',
        bodyEn: 'Your fasting glucose was high; recheck within a week.',
        link: '/records',
        ...over,
        dedupeKey,
      },
    ]),
  );
  const row = await t.deps.db
    .selectFrom('notifications')
    .select('id')
    .where('account_id', '=', over.accountId)
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deliveriesOf(t: TestApp, notificationId: string) {
  return t.deps.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('notification_id', '=', notificationId)
    .orderBy('channel')
    .execute();
}

/** Polls until `probe` answers something (the dispatcher works after commit, in the background). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  ms = 10_000,
) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the relay as if the clock showed `now` (deliveries held for quiet hours or a retry become due). */
export async function relayAt(t: TestApp, now: Date) {
  const runtime = notificationsRuntime(t.deps);
  await runtime.dispatcher.idle();
  await relayOnce(t.deps, runtime.channels, now);
}
