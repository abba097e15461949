import type {
  NotificationPreferences,
  NotificationPreferencesUpdate,
  PushSubscriptionInput,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { WebPushSender } from '../../platform/notify/web-push.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { CATEGORIES, effectiveChannels } from './categories.ts';
import { DEFAULT_TIME_ZONE } from './delivery-plan.ts';
import { isTimeZone } from './quiet-hours.ts';
import { preferencesRepository as repo } from './preferences.repository.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const hhmm = (time: string | null) => (time ? time.slice(0, 5) : null);

/** A person's own notification settings and devices: the account is the whole access rule. */
export class PreferencesService {
  constructor(
    private readonly deps: AppDeps,
    private readonly push: WebPushSender,
  ) {}

  async get(ctx: RequestContext): Promise<NotificationPreferences> {
    const { db } = this.deps;
    const accountId = ctx.actor.accountId;
    const row = await repo.find(db, accountId);
    const reach = await repo.reachability(db, accountId);
    return {
      channels: effectiveChannels(row?.channels),
      quietHours:
        row?.quiet_start && row.quiet_end
          ? { start: hhmm(row.quiet_start)!, end: hhmm(row.quiet_end)! }
          : null,
      timeZone: row?.time_zone ?? (await this.#defaultZone(ctx)),
      reachable: {
        push: Boolean(reach.push),
        email: reach.email,
        sms: reach.sms,
        wechat: reach.wechat,
      },
      version: row?.version ?? 0,
    };
  }

  async update(ctx: RequestContext, input: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
    if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
      throw fieldError('VALIDATION_FAILED', 'body.timeZone', 'unknown time zone');
    }
    const accountId = ctx.actor.accountId;
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await repo.find(tx, accountId);
      const currentVersion = current?.version ?? 0;
      if (input.version !== currentVersion) {
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${currentVersion}` });
      }
      // Only the categories the person touched are stored, so a later change of a default reaches the rest.
      const channels = { ...(current?.channels ?? {}) };
      for (const category of CATEGORIES) {
        const chosen = input.channels?.[category];
        if (chosen) channels[category] = [...new Set(chosen)];
      }
      const quiet =
        input.quietHours === undefined
          ? { start: hhmm(current?.quiet_start ?? null), end: hhmm(current?.quiet_end ?? null) }
          : { start: input.quietHours?.start ?? null, end: input.quietHours?.end ?? null };
      const saved = await repo.save(tx, accountId, currentVersion, {
        channels,
        quietStart: quiet.start,
        quietEnd: quiet.end,
        timeZone: input.timeZone ?? current?.time_zone ?? null,
      });
      if (!saved) throw new AppError('VERSION_CONFLICT', { detail: 'changed meanwhile; reload' });
      await recordAudit(tx, ctx, {
        action: 'notifications.preferences.update',
        resourceType: 'notification_preferences',
        resourceId: accountId,
        detail: {
          categories: Object.keys(input.channels ?? {}),
          quietHours: input.quietHours === undefined ? 'unchanged' : input.quietHours ? 'set' : 'cleared',
          timeZone: input.timeZone !== undefined,
        },
      });
    });
    return this.get(ctx);
  }

  async vapidPublicKey(): Promise<{ publicKey: string }> {
    return { publicKey: await this.push.publicKey() };
  }

  async subscribe(ctx: RequestContext, input: PushSubscriptionInput, userAgent: string | null) {
    const url = new URL(input.endpoint);
    // Push services are HTTPS; plain HTTP only to this machine outside production (tests, a local receiver).
    const local = this.deps.config.env !== 'production' && LOOPBACK.has(url.hostname);
    if (url.protocol !== 'https:' && !local) {
      throw fieldError('VALIDATION_FAILED', 'body.endpoint', 'a push endpoint must be an https URL');
    }
    // Push services are on the internet: an endpoint on this machine or the hospital's network would make the
    // server send requests inside it for whoever registered it.
    if (!local && isInternalHost(url.hostname)) {
      throw fieldError('VALIDATION_FAILED', 'body.endpoint', 'a push endpoint must be a public push service');
    }
    return this.deps.db.transaction().execute(async (tx) => {
      const saved = await repo.savePushSubscription(tx, ctx.actor.accountId, {
        endpoint: input.endpoint,
        p256dh: input.keys.p256dh,
        auth: input.keys.auth,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'notifications.push_subscription.create',
        resourceType: 'push_subscription',
        resourceId: saved.id,
        detail: { pushService: url.hostname },
      });
      return { id: saved.id, createdAt: saved.created_at.toISOString() };
    });
  }

  async unsubscribe(ctx: RequestContext, endpoint: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.removePushSubscription(tx, ctx.actor.accountId, endpoint)))
        throw new AppError('NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'notifications.push_subscription.delete',
        resourceType: 'push_subscription',
        resourceId: null,
      });
    });
  }

  /** Staff: their organization's zone; patients: the zone of the organization that holds their record. */
  async #defaultZone(ctx: RequestContext): Promise<string> {
    const { db } = this.deps;
    const actor = ctx.actor;
    const org =
      actor.kind === 'staff'
        ? await db.selectFrom('orgs').select('time_zone').where('id', '=', actor.orgId).executeTakeFirst()
        : await db
            .selectFrom('patient_links as l')
            .innerJoin('patients as p', 'p.id', 'l.patient_id')
            .innerJoin('orgs as o', 'o.id', 'p.org_id')
            .select('o.time_zone')
            .where('l.account_id', '=', actor.accountId)
            .where('l.removed_at', 'is', null)
            .orderBy('l.created_at')
            .limit(1)
            .executeTakeFirst();
    return org?.time_zone ?? DEFAULT_TIME_ZONE;
  }
}

/** Loopback, private, link-local and unique-local addresses, and names that stand for this machine or a LAN. */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  )
    return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (host.includes(':')) {
    return (
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith('::ffff:')
    );
  }
  return false;
}
