import type { LifestyleAssessment, LifestyleHistory } from '@careloop/contracts';
import type { z } from 'zod';
import type { LifestyleInput } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { provenanceOf, sourceForWriter } from '../provenance.ts';
import { lifestyleRepository as repo, type LifestyleRow } from './lifestyle.repository.ts';

const HISTORY_LIMIT = 200;

export function toLifestyle(row: LifestyleRow): LifestyleAssessment {
  return {
    id: row.id,
    patientId: row.patient_id,
    assessedAt: row.assessed_at.toISOString(),
    smoking: row.smoking,
    cigarettesPerDay: row.cigarettes_per_day,
    alcohol: row.alcohol,
    activityMinutesPerWeek: row.activity_minutes_per_week,
    diet: row.diet,
    sleepHours: row.sleep_hours === null ? null : Number(row.sleep_hours),
    note: row.note,
    ...provenanceOf(row),
  };
}

/** Lifestyle is assessed over time: each assessment is kept, the newest is the current one. */
export class LifestyleService {
  constructor(private readonly deps: AppDeps) {}

  async history(ctx: RequestContext, patientId: string): Promise<LifestyleHistory> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.history(tx, { orgId: access.orgId, patientId, limit: HISTORY_LIMIT });
      await recordAudit(tx, ctx, {
        action: 'record.lifestyle.list',
        orgId: access.orgId,
        patientId,
        resourceType: 'lifestyle',
        detail: { basis: access.basis, count: rows.length },
      });
      const items = rows.map(toLifestyle);
      return { latest: items[0] ?? null, items };
    });
  }

  async create(
    ctx: RequestContext,
    patientId: string,
    input: z.output<typeof LifestyleInput>,
  ): Promise<LifestyleAssessment> {
    const source = sourceForWriter(ctx.actor, input.source);
    const assessedAt = input.assessedAt ? new Date(input.assessedAt) : new Date();
    if (assessedAt.getTime() > Date.now() + 5 * 60_000) {
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'assessedAt', message: 'in_future' }] });
    }
    const smoking = input.smoking ?? null;
    if (input.cigarettesPerDay && smoking !== 'current') {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'cigarettesPerDay', message: 'only_for_current_smokers' }],
      });
    }
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const id = uuidv7();
      await repo.insert(tx, {
        id,
        org_id: access.orgId,
        patient_id: patientId,
        assessed_at: assessedAt,
        smoking,
        cigarettes_per_day: input.cigarettesPerDay ?? null,
        alcohol: input.alcohol ?? null,
        activity_minutes_per_week: input.activityMinutesPerWeek ?? null,
        diet: input.diet ?? null,
        sleep_hours: input.sleepHours ?? null,
        note: input.note ?? null,
        source,
        source_org: input.sourceOrg ?? null,
        recorded_by: ctx.actor.accountId,
      });
      await recordAudit(tx, ctx, {
        action: 'record.lifestyle.create',
        orgId: access.orgId,
        patientId,
        resourceType: 'lifestyle',
        resourceId: id,
        detail: { basis: access.basis, source },
      });
      return toLifestyle((await repo.find(tx, { orgId: access.orgId, patientId, id }))!);
    });
  }
}
