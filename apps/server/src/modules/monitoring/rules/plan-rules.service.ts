import {
  DEFAULT_MONITORING_RULES,
  mergeRules,
  type MonitoringRule,
  type MonitoringRulePatch,
} from '@careloop/clinical';
import type {
  EffectiveMonitoringRule,
  MeasurementReminder,
  MonitoringPlan,
  MonitoringPlanInput,
  MonitoringRuleOverrideInput,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Language } from '../../../platform/http/language.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { describeRule } from './describe-rule.ts';

export async function loadPlan(db: Executor, patientId: string): Promise<MonitoringPlan | null> {
  const row = await db
    .selectFrom('monitoring_plans')
    .selectAll()
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    patientId: row.patient_id,
    metrics: row.metrics as MonitoringPlan['metrics'],
    reminders: (row.reminders ?? []) as MeasurementReminder[],
    glucoseTargets: row.glucose_targets,
    note: row.note,
    startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

function toEffective(
  rule: MonitoringRule,
  override: { set_at: Date; set_by_name: string | null } | undefined,
  language: Language,
): EffectiveMonitoringRule {
  const limit = rule.kind === 'threshold' || rule.kind === 'consecutive';
  const change = rule.kind === 'trend' || rule.kind === 'rate-of-change';
  return {
    key: rule.key,
    kind: rule.kind,
    metric: rule.metric,
    severity: rule.severity,
    enabled: rule.enabled !== false,
    value: limit ? rule.value : change ? rule.minChange : null,
    comparison: limit ? rule.comparison : null,
    companionMetric: limit ? (rule.companion?.metric ?? null) : null,
    companionValue: limit ? (rule.companion?.value ?? null) : null,
    count: rule.kind === 'consecutive' ? rule.count : null,
    days:
      rule.kind === 'missing-data'
        ? rule.days
        : rule.kind === 'trend'
          ? rule.windowDays
          : rule.kind === 'rate-of-change'
            ? rule.withinDays
            : null,
    direction: change ? rule.direction : null,
    source: rule.source,
    description: describeRule(rule, language),
    overridden: override !== undefined,
    overriddenBy: override?.set_by_name ?? null,
    overriddenAt: override?.set_at.toISOString() ?? null,
  };
}

/** The override input in the rules' terms: `value` is the limit or, for trend and rate rules, the change. */
function toPatch(rule: MonitoringRule, input: MonitoringRuleOverrideInput): Omit<MonitoringRulePatch, 'key'> {
  const patch: Record<string, unknown> = {};
  if (input.enabled !== undefined) patch['enabled'] = input.enabled;
  if (input.severity !== undefined) patch['severity'] = input.severity;
  if (input.value !== undefined) {
    patch[rule.kind === 'trend' || rule.kind === 'rate-of-change' ? 'minChange' : 'value'] = input.value;
  }
  if (input.companionValue !== undefined) patch['companionValue'] = input.companionValue;
  if (input.count !== undefined) patch['count'] = input.count;
  if (input.days !== undefined) {
    patch[rule.kind === 'trend' ? 'windowDays' : rule.kind === 'rate-of-change' ? 'withinDays' : 'days'] =
      input.days;
  }
  return patch as Omit<MonitoringRulePatch, 'key'>;
}

export class PlanRulesService {
  constructor(private readonly deps: AppDeps) {}

  async getPlan(ctx: RequestContext, patientId: string): Promise<{ plan: MonitoringPlan | null }> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const plan = await loadPlan(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'monitoring.plan.read',
        resourceType: 'monitoring_plan',
        patientId,
        orgId: access.orgId,
      });
      return { plan };
    });
  }

  async putPlan(ctx: RequestContext, patientId: string, input: MonitoringPlanInput): Promise<MonitoringPlan> {
    if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      const values = {
        metrics: [...new Set(input.metrics)],
        reminders: JSON.stringify(input.reminders),
        glucose_targets: input.glucoseTargets,
        note: input.note || null,
        updated_by: ctx.actor.accountId,
      };
      await tx
        .insertInto('monitoring_plans')
        .values({ patient_id: patientId, org_id: access.orgId, ...values })
        .onConflict((oc) =>
          oc.column('patient_id').doUpdateSet((eb) => ({
            ...values,
            updated_at: new Date(),
            version: eb('monitoring_plans.version', '+', 1),
          })),
        )
        .execute();
      await recordAudit(tx, ctx, {
        action: 'monitoring.plan.update',
        resourceType: 'monitoring_plan',
        patientId,
        orgId: access.orgId,
        detail: { metrics: values.metrics },
      });
      return (await loadPlan(tx, patientId))!;
    });
  }

  async rules(ctx: RequestContext, patientId: string, language: Language) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const items = await this.effective(tx, patientId, language);
      await recordAudit(tx, ctx, {
        action: 'monitoring.rules.read',
        resourceType: 'monitoring_rule',
        patientId,
        orgId: access.orgId,
      });
      return { items };
    });
  }

  async override(
    ctx: RequestContext,
    patientId: string,
    ruleKey: string,
    input: MonitoringRuleOverrideInput | null,
    language: Language,
  ): Promise<EffectiveMonitoringRule> {
    if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
    const base = DEFAULT_MONITORING_RULES.find((r) => r.key === ruleKey);
    if (!base) throw new AppError('MONITORING_RULE_NOT_FOUND');
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'edit');
      if (input === null) {
        await tx
          .deleteFrom('monitoring_rule_overrides')
          .where('patient_id', '=', patientId)
          .where('rule_key', '=', ruleKey)
          .execute();
      } else {
        const patch = toPatch(base, input);
        try {
          mergeRules([base], [{ ...patch, key: ruleKey }]);
        } catch (error) {
          throw new AppError('MONITORING_RULE_INVALID', { detail: (error as Error).message });
        }
        await tx
          .insertInto('monitoring_rule_overrides')
          .values({
            id: uuidv7(),
            org_id: access.orgId,
            patient_id: patientId,
            rule_key: ruleKey,
            patch: JSON.stringify(patch),
            reason: input.reason,
            set_by: ctx.actor.accountId,
          })
          .onConflict((oc) =>
            oc.columns(['patient_id', 'rule_key']).doUpdateSet({
              patch: JSON.stringify(patch),
              reason: input.reason,
              set_by: ctx.actor.accountId,
              set_at: new Date(),
            }),
          )
          .execute();
      }
      await recordAudit(tx, ctx, {
        action: input === null ? 'monitoring.rules.reset' : 'monitoring.rules.override',
        resourceType: 'monitoring_rule',
        resourceId: ruleKey,
        patientId,
        orgId: access.orgId,
        reason: input?.reason ?? null,
      });
      const items = await this.effective(tx, patientId, language);
      return items.find((r) => r.key === ruleKey)!;
    });
  }

  private async effective(tx: Executor, patientId: string, language: Language) {
    const overrides = await tx
      .selectFrom('monitoring_rule_overrides as o')
      .leftJoin('accounts as a', 'a.id', 'o.set_by')
      .select(['o.rule_key', 'o.patch', 'o.set_at', 'a.display_name as set_by_name'])
      .where('o.patient_id', '=', patientId)
      .execute();
    const byKey = new Map(overrides.map((o) => [o.rule_key, o]));
    const known = new Set(DEFAULT_MONITORING_RULES.map((r) => r.key));
    const rules = mergeRules(
      DEFAULT_MONITORING_RULES,
      overrides
        .filter((o) => known.has(o.rule_key))
        .map((o) => ({ ...(o.patch as Omit<MonitoringRulePatch, 'key'>), key: o.rule_key })),
    );
    return rules.map((r) => toEffective(r, byKey.get(r.key), language));
  }
}
