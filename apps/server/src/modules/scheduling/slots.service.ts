import type { SlotList, VisitMode } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Language } from '../../platform/http/language.ts';
import { slotsRepository as repo } from './slots.repository.ts';
import { toSlot } from './scheduling-view.ts';

const DAY = 86_400_000;

/**
 * Reading slots. Slots carry no personal data (times, fee, counts): any signed-in person may see them; staff
 * see their own organization's. Exported for triage through the module's index ("next free slots").
 */
export class SlotsService {
  constructor(private readonly deps: AppDeps) {}

  async forDoctor(
    ctx: RequestContext,
    doctorId: string,
    q: { from?: string | undefined; to?: string | undefined; freeOnly: boolean },
    language: Language,
  ): Promise<SlotList> {
    const from = q.from ? new Date(q.from) : new Date();
    const to = q.to ? new Date(q.to) : new Date(from.getTime() + 14 * DAY);
    const rows = await repo.forDoctor(this.deps.db, {
      doctorId,
      orgId: orgOf(ctx),
      from,
      to: to.getTime() - from.getTime() > 62 * DAY ? new Date(from.getTime() + 62 * DAY) : to,
      freeOnly: q.freeOnly,
    });
    return { items: rows.map((r) => toSlot(r, language)) };
  }

  async nextFree(
    ctx: RequestContext | null,
    f: { doctorId?: string; departmentId?: string; mode?: VisitMode | undefined; limit: number },
    language: Language,
  ): Promise<SlotList> {
    const rows = await repo.nextFree(this.deps.db, {
      orgId: ctx ? orgOf(ctx) : null,
      limit: f.limit,
      ...(f.doctorId ? { doctorId: f.doctorId } : {}),
      ...(f.departmentId ? { departmentId: f.departmentId } : {}),
      ...(f.mode ? { mode: f.mode } : {}),
    });
    return { items: rows.map((r) => toSlot(r, language)) };
  }
}

const orgOf = (ctx: RequestContext) => (ctx.actor.kind === 'staff' ? ctx.actor.orgId : null);
