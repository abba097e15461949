import type { MonitoringSettings, MonitoringSettingsInput } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';

type StaffContext = RequestContext & { actor: StaffActor };

async function read(db: Executor, orgId: string): Promise<MonitoringSettings> {
  const row = await db
    .selectFrom('monitoring_settings as s')
    .leftJoin('accounts as a', 'a.id', 's.on_call_account_id')
    .select(['s.escalate_after_minutes', 's.on_call_account_id', 'a.display_name'])
    .where('s.org_id', '=', orgId)
    .executeTakeFirst();
  return {
    escalateAfterMinutes: row?.escalate_after_minutes ?? 15,
    onCall: row?.on_call_account_id ? { id: row.on_call_account_id, name: row.display_name ?? '' } : null,
  };
}

/** An organization's escalation settings: how long an urgent alert may wait, and who is on call. */
export class MonitoringSettingsService {
  constructor(private readonly deps: AppDeps) {}

  get(ctx: StaffContext): Promise<MonitoringSettings> {
    return read(this.deps.db, ctx.actor.orgId);
  }

  async put(ctx: StaffContext, input: MonitoringSettingsInput): Promise<MonitoringSettings> {
    return this.deps.db.transaction().execute(async (tx) => {
      if (input.onCallAccountId) {
        const member = await tx
          .selectFrom('memberships')
          .select('account_id')
          .where('org_id', '=', ctx.actor.orgId)
          .where('account_id', '=', input.onCallAccountId)
          .where('active', '=', true)
          .executeTakeFirst();
        if (!member) throw new AppError('MONITORING_ASSIGNEE_INVALID');
      }
      const values = {
        escalate_after_minutes: input.escalateAfterMinutes,
        on_call_account_id: input.onCallAccountId,
        updated_by: ctx.actor.accountId,
      };
      await tx
        .insertInto('monitoring_settings')
        .values({ org_id: ctx.actor.orgId, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
        .execute();
      await recordAudit(tx, ctx, {
        action: 'monitoring.settings.update',
        resourceType: 'monitoring_settings',
        detail: { escalateAfterMinutes: input.escalateAfterMinutes, onCall: input.onCallAccountId !== null },
      });
      return read(tx, ctx.actor.orgId);
    });
  }
}
