import { sql } from 'kysely';
import type { NotificationCategory, NotificationKind } from '@careloop/contracts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { CATEGORY_OF_KIND } from './categories.ts';
import { planDeliveries, type NotificationToPlan } from './delivery-plan.ts';

/** The PostgreSQL NOTIFY channel that wakes the dispatcher once a notifying transaction commits. */
export const NOTIFY_CHANNEL = 'careloop_notifications';

export interface NewNotification {
  orgId: string | null;
  accountId: string;
  patientId: string | null;
  kind: NotificationKind;
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
  link: string | null;
  /** The same event notifies an account once, however often it is evaluated. */
  dedupeKey: string;
  /** Urgent clinical alerts (an urgent monitoring alert, a critical value) are delivered during quiet hours. */
  urgency?: 'urgent' | 'normal';
  /** The preference category; by default the kind's (consultation kinds: 'consultation'). */
  category?: NotificationCategory;
}

/**
 * Stores in-app notifications in the caller's transaction, and with each new one (not a repeat of its dedupe key)
 * a delivery row per channel the recipient wants (the outbox). Nothing leaves before commit: the NOTIFY sent here
 * reaches the dispatcher only when the transaction commits, and a rollback takes rows and signal with it. The
 * dispatcher then publishes `notifications.notification.created` once and hands the deliveries to pg-boss.
 */
export async function notify(tx: Executor, notes: readonly NewNotification[]): Promise<void> {
  if (notes.length === 0) return;
  // Called outside a transaction (a job notifying on its own): one of our own, so inbox and outbox go together.
  if (!tx.isTransaction) return tx.transaction().execute((own) => notify(own, notes));
  const rows = notes.map((n) => ({
    id: uuidv7(),
    org_id: n.orgId,
    account_id: n.accountId,
    patient_id: n.patientId,
    kind: n.kind,
    category: n.category ?? CATEGORY_OF_KIND[n.kind],
    urgency: n.urgency ?? 'normal',
    title_zh: n.titleZh,
    title_en: n.titleEn,
    body_zh: n.bodyZh,
    body_en: n.bodyEn,
    link: n.link,
    dedupe_key: n.dedupeKey,
  }));
  const inserted = await tx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['account_id', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  if (inserted.length === 0) return;
  const fresh = new Set(inserted.map((r) => r.id));
  const created: NotificationToPlan[] = rows
    .filter((r) => fresh.has(r.id))
    .map((r) => ({
      id: r.id,
      orgId: r.org_id,
      accountId: r.account_id,
      kind: r.kind,
      category: r.category,
      urgency: r.urgency,
    }));
  const deliveries = await planDeliveries(tx, created, new Date());
  if (deliveries.length > 0) await tx.insertInto('notification_deliveries').values(deliveries).execute();
  await sql`SELECT pg_notify(${NOTIFY_CHANNEL}, '')`.execute(tx);
}
