import type { QuickReply } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { hasRole, type StaffActor } from '../../platform/auth/actor.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { quickRepliesRepository as repo } from './quick-replies.repository.ts';

interface QuickReplyInput {
  title: string;
  body: string;
  shared: boolean;
  sort: number;
}

const staffOf = (ctx: RequestContext): StaffActor => {
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  return ctx.actor;
};

/** A doctor's own quick replies and the organization's shared templates (which org admins and doctors edit). */
export class QuickRepliesService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext): Promise<QuickReply[]> {
    const staff = staffOf(ctx);
    const rows = await repo.list(this.deps.db, staff.orgId, staff.accountId);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      shared: r.account_id === null,
      sort: r.sort,
    }));
  }

  async create(ctx: RequestContext, input: QuickReplyInput): Promise<QuickReply> {
    const staff = staffOf(ctx);
    if (input.shared && !hasRole(staff, 'org_admin', 'doctor')) throw new AppError('FORBIDDEN');
    const id = uuidv7();
    await repo.insert(this.deps.db, {
      id,
      orgId: staff.orgId,
      accountId: input.shared ? null : staff.accountId,
      title: input.title,
      body: input.body,
      sort: input.sort,
      createdBy: staff.accountId,
    });
    return { id, title: input.title, body: input.body, shared: input.shared, sort: input.sort };
  }

  async update(ctx: RequestContext, id: string, input: QuickReplyInput): Promise<QuickReply> {
    const staff = staffOf(ctx);
    const row = await this.editable(staff, id);
    await repo.update(this.deps.db, id, { title: input.title, body: input.body, sort: input.sort });
    return { id, title: input.title, body: input.body, shared: row.account_id === null, sort: input.sort };
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const staff = staffOf(ctx);
    await this.editable(staff, id);
    await repo.remove(this.deps.db, id);
  }

  /** Own replies are the doctor's; shared templates are the org admins' and doctors'. */
  private async editable(staff: StaffActor, id: string) {
    const row = await repo.owner(this.deps.db, staff.orgId, id);
    if (!row || (row.account_id !== null && row.account_id !== staff.accountId))
      throw new AppError('NOT_FOUND');
    if (row.account_id === null && !hasRole(staff, 'org_admin', 'doctor')) throw new AppError('FORBIDDEN');
    return row;
  }
}
