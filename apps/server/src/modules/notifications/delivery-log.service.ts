import type { DeliveryLog, DeliveryLogQuery } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors/app-error.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { deliveriesRepository as repo } from './deliveries.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeAfter(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw fieldError('VALIDATION_FAILED', 'querystring.cursor', 'invalid_cursor');
  return id;
}

/** The organization's delivery log for its admins: what went out on which channel, and what did not. */
export class DeliveryLogService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext & { actor: StaffActor }, query: DeliveryLogQuery): Promise<DeliveryLog> {
    const orgId = ctx.actor.orgId;
    const rows = await repo.log(this.deps.db, orgId, query, decodeAfter(query.cursor));
    const page = rows.slice(0, query.limit);
    await recordAudit(this.deps.db, ctx, {
      action: 'notifications.deliveries.list',
      resourceType: 'notification_delivery',
      orgId,
      detail: {
        count: page.length,
        filters: Object.keys(query).filter((k) => k !== 'limit' && k !== 'cursor'),
      },
    });
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        notificationId: r.notification_id,
        accountId: r.account_id,
        kind: r.kind,
        category: r.category,
        urgent: r.urgency === 'urgent',
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        dueAt: r.due_at.toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
        updatedAt: r.updated_at.toISOString(),
      })),
      nextCursor:
        rows.length > query.limit && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
    };
  }
}
