import type { AppNotification, NotificationList } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Language } from '../../platform/http/language.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { inboxRepository as repo } from './inbox.repository.ts';

const decodeCursor = (cursor: string | undefined) => {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id)
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'cursor', message: 'invalid_cursor' }] });
  return { at: date, id };
};

/** An account's in-app inbox. Notifications belong to one account, so the account is the whole access rule. */
export class InboxService {
  constructor(private readonly deps: AppDeps) {}

  async list(
    ctx: RequestContext,
    query: { unread?: boolean; limit: number; cursor?: string },
    language: Language,
  ): Promise<NotificationList> {
    const { db } = this.deps;
    const accountId = ctx.actor.accountId;
    const rows = await repo.list(db, accountId, {
      unreadOnly: query.unread === true,
      limit: query.limit,
      before: decodeCursor(query.cursor),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const zh = language === 'zh-CN';
    return {
      items: page.map((r): AppNotification => ({
        id: r.id,
        kind: r.kind,
        category: r.category,
        urgent: r.urgency === 'urgent',
        title: zh ? r.title_zh : r.title_en,
        body: zh ? r.body_zh : r.body_en,
        link: r.link,
        patientId: r.patient_id,
        createdAt: r.created_at.toISOString(),
        readAt: r.read_at?.toISOString() ?? null,
      })),
      unreadCount: await repo.unreadCount(db, accountId),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`, 'utf8').toString('base64url')
          : null,
    };
  }

  async markRead(ctx: RequestContext, id: string): Promise<void> {
    const { db } = this.deps;
    if (!(await repo.exists(db, ctx.actor.accountId, id))) throw new AppError('NOT_FOUND');
    await repo.markRead(db, ctx.actor.accountId, id);
  }

  async markAllRead(ctx: RequestContext): Promise<number> {
    return repo.markRead(this.deps.db, ctx.actor.accountId, null);
  }
}
