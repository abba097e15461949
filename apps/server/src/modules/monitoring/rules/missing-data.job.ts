// Every ten minutes: patients on a monitoring plan who have sent no reading of a planned metric for the rule's
// number of days get a missing-data alert (one per gap: the episode is keyed by their last reading). The alert
// resolves itself when readings come in again (ingest).
import { sql } from 'kysely';
import { z } from 'zod';
import { evaluateMonitoringRules } from '@careloop/clinical';
import type { AppDeps } from '../../../platform/deps.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { raiseAlerts, type Push } from '../alerts/raise-alerts.ts';
import { loadClinicalPlan, loadPatientRules } from './patient-rules.ts';
import { toMonitoringReadings, type ReadingRow } from '../readings/readings.repository.ts';

const PLAN_BATCH = 200;

export async function checkMissingData(deps: AppDeps, now: Date = new Date()): Promise<number> {
  let raised = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const plans = await deps.db
      .selectFrom('monitoring_plans')
      .select(['patient_id', 'org_id'])
      .where('patient_id', '>', after)
      .where(sql<boolean>`cardinality(metrics) > 0`)
      .orderBy('patient_id')
      .limit(PLAN_BATCH)
      .execute();
    if (plans.length === 0) break;
    after = plans[plans.length - 1]!.patient_id;
    for (const plan of plans) {
      const pushes: Push[] = [];
      raised += await deps.db.transaction().execute(async (tx) => {
        const clinicalPlan = await loadClinicalPlan(tx, plan.patient_id);
        const rules = (await loadPatientRules(tx, plan.patient_id)).filter((r) => r.kind === 'missing-data');
        if (!clinicalPlan || rules.length === 0) return 0;
        const last = await sql<ReadingRow>`
          SELECT DISTINCT ON (code) id, code, value_num, unit, flag, effective_at, end_at, context, source, device_id,
                 dedupe_key
            FROM observations
           WHERE patient_id = ${plan.patient_id} AND code IN ('8480-6', '8462-4', '15074-8', '29463-7', '8867-4',
                                                             '59408-5')
             AND dedupe_key LIKE 'rd:%' AND effective_at <= ${now} AND value_num IS NOT NULL
           ORDER BY code, effective_at DESC`.execute(tx);
        const candidates = evaluateMonitoringRules({
          rules,
          history: toMonitoringReadings(last.rows),
          newReadings: [],
          now,
          plan: clinicalPlan,
        });
        if (candidates.length === 0) return 0;
        const timeOf = new Map(last.rows.map((r) => [r.id, r.effective_at]));
        const result = await raiseAlerts(tx, {
          orgId: plan.org_id,
          patientId: plan.patient_id,
          receivedAt: now,
          items: candidates.map((candidate) => {
            const at = candidate.readingIds.map((id) => timeOf.get(id)).find((t) => t !== undefined) ?? null;
            return { candidate, firstReadingAt: at, lastReadingAt: at };
          }),
        });
        pushes.push(...result.pushes.filter((p) => p.event.type === 'alerts.alert.created'));
        return result.raised.filter((a) => a.inserted).length;
      });
      for (const p of pushes) deps.realtime.publish(p.namespace, p.target, p.event);
    }
  }
  return raised;
}

export function missingDataJob(deps: AppDeps) {
  return defineJob({
    name: 'monitoring.missing-data',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    cron: '*/10 * * * *',
    handler: async () => {
      await checkMissingData(deps);
    },
  });
}
