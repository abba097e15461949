import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Language } from '../../platform/http/language.ts';
import type { NotifyChannels } from '../../platform/notify/notify-channels.ts';
import { failed, type SendResult } from '../../platform/notify/channel.ts';
import { deliveriesRepository as repo } from './deliveries.repository.ts';
import { renderEmail, renderPush, renderShort, type RenderInput } from './templates.ts';

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockForDelivery>>>;

/** 'retry': this attempt failed and another is due (pg-boss retries the job with backoff). */
export type DeliveryOutcome = 'done' | 'retry';

/** Pushes outlive a night offline: a held message is worth showing for a day, an urgent one for an hour. */
const PUSH_TTL_SECONDS = { urgent: 3600, normal: 86_400 };

/** How long a started attempt keeps the delivery from being started again (a crash mid-send frees it after). */
const LEASE_MS = 120_000;

/**
 * One attempt at one delivery. A short transaction claims it (counts the attempt and leases the row, so no other
 * process starts it meanwhile); the send holds no lock or connection; the outcome is stored after. A crash between
 * send and store can at worst repeat a send, never lose one. A permanent failure, or the last allowed attempt, ends
 * as 'failed' with an error code.
 */
export async function deliverOne(
  deps: AppDeps,
  channels: NotifyChannels,
  deliveryId: string,
  now: Date = new Date(),
): Promise<DeliveryOutcome> {
  const { db } = deps;
  const row = await db.transaction().execute(async (tx) => {
    const locked = await repo.lockForDelivery(tx, deliveryId);
    if (!locked || locked.status !== 'queued') return null;
    await repo.lease(tx, locked.id, locked.attempts + 1, new Date(now.getTime() + LEASE_MS));
    return locked;
  });
  if (!row) return 'done';
  const attempts = row.attempts + 1;
  const delayed = row.due_at.getTime() > row.created_at.getTime() + 1000;
  let result: SendResult;
  if (!row.active) result = { status: 'skipped', reason: 'account_inactive' };
  // Read in the app while held for quiet hours: the person has seen it, a late push would only disturb.
  else if (delayed && row.read_at && row.urgency !== 'urgent')
    result = { status: 'skipped', reason: 'read_in_app' };
  else result = await send(deps, channels, db, row);

  if (result.status === 'sent') {
    await repo.finish(db, row.id, { status: 'sent', attempts, lastError: null });
    return 'done';
  }
  if (result.status === 'skipped') {
    await repo.finish(db, row.id, { status: 'skipped', attempts: row.attempts, lastError: result.reason });
    return 'done';
  }
  const { maxAttempts, retryDelaySeconds } = deps.config.notify;
  if (result.permanent || attempts >= maxAttempts) {
    await repo.finish(db, row.id, { status: 'failed', attempts, lastError: result.error });
    return 'done';
  }
  const wait = retryDelaySeconds * 2 ** (attempts - 1) * 1000;
  await repo.finish(db, row.id, {
    status: 'queued',
    attempts,
    lastError: result.error,
    nextAttemptAt: new Date(now.getTime() + wait),
  });
  return 'retry';
}

function appUrl(deps: AppDeps, row: Locked): string | null {
  if (!row.link) return null;
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  return row.account_kind === 'staff' ? `${base}/console${row.link}` : `${base}${row.link}`;
}

async function send(deps: AppDeps, channels: NotifyChannels, db: Executor, row: Locked): Promise<SendResult> {
  const language: Language = row.locale ?? 'zh-CN';
  const zh = language === 'zh-CN';
  const input: RenderInput = {
    kind: row.kind,
    language,
    title: zh ? row.title_zh : row.title_en,
    body: zh ? row.body_zh : row.body_en,
    url: appUrl(deps, row),
  };
  switch (row.channel) {
    case 'email': {
      if (!row.email) return { status: 'skipped', reason: 'no_address' };
      return channels.email.send({ to: row.email, template: row.kind, ...renderEmail(input) });
    }
    case 'sms': {
      if (!row.phone_enc) return { status: 'skipped', reason: 'no_address' };
      const { text } = renderShort(input);
      return channels.sms.send({ to: deps.crypto.decrypt(row.phone_enc), text, template: row.kind });
    }
    case 'wechat': {
      if (!row.wechat_open_id_enc) return { status: 'skipped', reason: 'no_address' };
      const short = renderShort(input);
      return channels.wechat.send({
        openId: deps.crypto.decrypt(row.wechat_open_id_enc),
        title: short.title,
        text: short.text,
        url: input.url,
        template: row.kind,
      });
    }
    case 'push':
      return sendPush(channels, db, row, input);
  }
}

/** To every device of the account; a device the push service no longer knows is forgotten. */
async function sendPush(
  channels: NotifyChannels,
  db: Executor,
  row: Locked,
  input: RenderInput,
): Promise<SendResult> {
  const targets = await repo.pushTargets(db, row.account_id);
  if (targets.length === 0) return { status: 'skipped', reason: 'no_subscription' };
  const urgent = row.urgency === 'urgent';
  const payload = renderPush({ ...input, id: row.notification_id, urgent });
  const options = { ttlSeconds: PUSH_TTL_SECONDS[row.urgency], urgency: urgent ? 'high' : 'normal' } as const;
  const results = await Promise.all(targets.map((t) => channels.push.send(t, payload, options)));
  let firstFailure: SendResult | null = null;
  let delivered = false;
  for (const [i, r] of results.entries()) {
    const target = targets[i]!;
    if (r.status === 'sent') {
      delivered = true;
      await repo.touchPushSubscription(db, target.id);
    } else {
      if (r.gone) await repo.forgetPushSubscription(db, target.id);
      // A transient failure decides over a gone device: retrying may still reach the live one.
      if (!firstFailure || (firstFailure.status === 'failed' && firstFailure.permanent)) firstFailure = r;
    }
  }
  if (delivered) return { status: 'sent' };
  return firstFailure ?? failed('push_failed');
}
