// Urgent alerts nobody acknowledged in time move on: to the next person of the care team (health manager, nurse,
// doctor), then to the organization's on-call person. Runs every 15 seconds in one process (pg-boss, stately);
// rows are locked with SKIP LOCKED so two sweeps never move the same alert twice.
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/deps.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { notify, type NewNotification } from '../../notifications/index.ts';
import { addAlertEvents, careChain, loadSettings } from './alerts.repository.ts';
import type { Push } from './raise-alerts.ts';
import type { AlertSeverityColumn } from '../../../platform/db/schema-monitoring.ts';

interface DueRow {
  id: string;
  org_id: string;
  patient_id: string;
  severity: AlertSeverityColumn;
  escalation_level: number;
  assigned_to: string | null;
  message_zh: string;
  message_en: string;
}

/** Moves every overdue open alert one step along its chain; answers how many moved. */
export async function escalateDueAlerts(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const { moved, pushes } = await deps.db.transaction().execute(async (tx) => {
    const due = await sql<DueRow>`
      SELECT id, org_id, patient_id, severity, escalation_level, assigned_to, message_zh, message_en
        FROM alerts
       WHERE status = 'open' AND escalate_at IS NOT NULL AND escalate_at <= ${now}
       ORDER BY escalate_at
       LIMIT 200
         FOR UPDATE SKIP LOCKED`.execute(tx);
    const pushes: Push[] = [];
    const notes: NewNotification[] = [];
    let moved = 0;
    for (const alert of due.rows) {
      const settings = await loadSettings(tx, alert.org_id);
      const team = await careChain(tx, alert.patient_id);
      const chain = [...new Set([...team, ...(settings.onCall ? [settings.onCall] : [])])];
      const level = alert.escalation_level + 1;
      const next = chain[level] ?? null;
      const further = level + 1 < chain.length;
      const escalateAt =
        next && further ? new Date(now.getTime() + settings.escalateAfterMinutes * 60_000) : null;
      const updated = await sql<{ version: number }>`
        UPDATE alerts
           SET escalation_level = ${next ? level : alert.escalation_level},
               assigned_to = ${next ?? alert.assigned_to}, escalate_at = ${escalateAt},
               updated_at = now(), version = version + 1
         WHERE id = ${alert.id}
        RETURNING version`.execute(tx);
      if (!next) continue;
      moved++;
      await addAlertEvents(tx, [
        {
          alertId: alert.id,
          orgId: alert.org_id,
          kind: 'escalated',
          actorId: null,
          detail: `level ${level}${settings.onCall === next && !team.includes(next) ? ' (on call)' : ''}`,
        },
      ]);
      notes.push({
        orgId: alert.org_id,
        accountId: next,
        patientId: alert.patient_id,
        kind: 'monitoring_alert',
        // An urgent alert nobody took reaches the next person during quiet hours too.
        urgency: alert.severity === 'urgent' ? 'urgent' : 'normal',
        titleZh: '紧急预警未被确认，已升级给您',
        titleEn: 'Unacknowledged urgent alert escalated to you',
        bodyZh: alert.message_zh,
        bodyEn: alert.message_en,
        link: `/alerts?alert=${alert.id}`,
        dedupeKey: `alert:${alert.id}:assigned:${level}`,
      });
      pushes.push({
        namespace: 'console',
        target: { accountIds: [...new Set([...team, next])] },
        event: {
          type: 'alerts.alert.updated',
          id: alert.id,
          version: updated.rows[0]?.version ?? 0,
          patientId: alert.patient_id,
          severity: alert.severity,
          status: 'open',
          at: new Date().toISOString(),
        },
      });
    }
    await notify(tx, notes);
    return { moved, pushes };
  });
  for (const p of pushes) deps.realtime.publish(p.namespace, p.target, p.event);
  return moved;
}

export function alertEscalationJob(deps: AppDeps) {
  return defineJob({
    name: 'monitoring.escalate',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: 15,
    handler: async () => {
      await escalateDueAlerts(deps);
    },
  });
}
