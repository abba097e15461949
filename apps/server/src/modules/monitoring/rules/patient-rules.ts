import {
  DEFAULT_MONITORING_RULES,
  mergeRules,
  type MonitoringPlan as ClinicalPlan,
  type MonitoringRule,
  type MonitoringRulePatch,
} from '@careloop/clinical';
import type { Executor } from '../../../platform/db/database.ts';

/** The rules that apply to a patient: the guideline defaults with their doctor's overrides merged by key. */
export async function loadPatientRules(db: Executor, patientId: string): Promise<MonitoringRule[]> {
  const overrides = await db
    .selectFrom('monitoring_rule_overrides')
    .select(['rule_key', 'patch'])
    .where('patient_id', '=', patientId)
    .execute();
  if (overrides.length === 0) return [...DEFAULT_MONITORING_RULES];
  const known = new Set(DEFAULT_MONITORING_RULES.map((r) => r.key));
  return mergeRules(
    DEFAULT_MONITORING_RULES,
    overrides
      .filter((o) => known.has(o.rule_key))
      .map((o) => ({ ...(o.patch as Omit<MonitoringRulePatch, 'key'>), key: o.rule_key })),
  );
}

/** The patient's monitoring plan in the rules' terms (missing-data rules watch its metrics). */
export async function loadClinicalPlan(db: Executor, patientId: string): Promise<ClinicalPlan | undefined> {
  const plan = await db
    .selectFrom('monitoring_plans')
    .select(['metrics', 'started_at'])
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  if (!plan) return undefined;
  return { startedAt: plan.started_at, metrics: plan.metrics as ClinicalPlan['metrics'] };
}
