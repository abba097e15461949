// Turns the rules' alert candidates into alerts, in the transaction that stored the readings: a new alert is
// assigned to the first person of the care team (urgent ones also get an escalation deadline), a candidate of an
// ongoing episode folds into the open alert, the assignee is notified in the app and, for urgent values, the
// patient is told what to do. Realtime pushes are returned to be sent after the commit.
import { sql } from 'kysely';
import type { RealtimeEvent } from '@careloop/contracts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RealtimeNamespace, RealtimeTarget } from '../../../platform/realtime/realtime.ts';
import { notify, type NewNotification } from '../../notifications/index.ts';
import {
  addAlertEvents,
  careChain,
  loadSettings,
  upsertAlert,
  type CandidateToStore,
} from './alerts.repository.ts';
import type { AlertSeverityColumn, AlertStatusColumn } from '../../../platform/db/schema-monitoring.ts';
import { METRIC_LABELS } from './alert-labels.ts';

export interface Push {
  namespace: RealtimeNamespace;
  target: RealtimeTarget;
  event: RealtimeEvent;
}

export interface RaisedAlert {
  id: string;
  version: number;
  inserted: boolean;
  severity: AlertSeverityColumn;
  status: AlertStatusColumn;
  messageZh: string;
  messageEn: string;
  adviceZh: string | null;
  adviceEn: string | null;
}

export async function patientAccounts(tx: Executor, patientId: string): Promise<string[]> {
  const result = await sql<{ account_id: string }>`
    SELECT account_id FROM patient_links WHERE patient_id = ${patientId} AND removed_at IS NULL`.execute(tx);
  return result.rows.map((r) => r.account_id);
}

export async function raiseAlerts(
  tx: Executor,
  input: {
    orgId: string;
    patientId: string;
    items: readonly CandidateToStore[];
    receivedAt: Date;
  },
): Promise<{ raised: RaisedAlert[]; pushes: Push[] }> {
  const raised: RaisedAlert[] = [];
  const pushes: Push[] = [];
  if (input.items.length === 0) return { raised, pushes };
  const [chain, settings] = await Promise.all([
    careChain(tx, input.patientId),
    loadSettings(tx, input.orgId),
  ]);
  const first = chain[0] ?? settings.onCall;
  const notes: NewNotification[] = [];
  const events: Parameters<typeof addAlertEvents>[1][number][] = [];
  let patientIds: string[] | null = null;

  for (const item of input.items) {
    const c = item.candidate;
    const assignTo = c.severity === 'info' ? null : first;
    const escalateAt =
      c.severity === 'urgent' && assignTo
        ? new Date(input.receivedAt.getTime() + settings.escalateAfterMinutes * 60_000)
        : null;
    const row = await upsertAlert(tx, {
      orgId: input.orgId,
      patientId: input.patientId,
      item,
      receivedAt: input.receivedAt,
      assignTo,
      escalateAt,
    });
    raised.push({
      id: row.id,
      version: row.version,
      inserted: row.inserted,
      severity: row.severity,
      status: row.status,
      messageZh: c.message['zh-CN'],
      messageEn: c.message['en-US'],
      adviceZh: c.patientAdvice?.['zh-CN'] ?? null,
      adviceEn: c.patientAdvice?.['en-US'] ?? null,
    });
    events.push({
      alertId: row.id,
      orgId: input.orgId,
      kind: row.inserted ? 'created' : 'folded',
      actorId: null,
      detail: `${c.readingIds.length} readings`,
    });
    const recipients = [...new Set([...chain, ...(row.assigned_to ? [row.assigned_to] : [])])];
    pushes.push({
      namespace: 'console',
      target: { accountIds: recipients },
      event: {
        type: row.inserted ? 'alerts.alert.created' : 'alerts.alert.updated',
        id: row.id,
        version: row.version,
        patientId: input.patientId,
        severity: row.severity,
        status: row.status,
        receivedAt: input.receivedAt.toISOString(),
        at: new Date().toISOString(),
      },
    });
    if (!row.inserted) continue;
    const label = METRIC_LABELS[c.metric];
    if (assignTo) {
      events.push({ alertId: row.id, orgId: input.orgId, kind: 'assigned', actorId: null, detail: null });
      notes.push({
        orgId: input.orgId,
        accountId: assignTo,
        patientId: input.patientId,
        kind: 'monitoring_alert',
        urgency: c.severity === 'urgent' ? 'urgent' : 'normal',
        titleZh: `${c.severity === 'urgent' ? '紧急' : '注意'}：${label.zh}`,
        titleEn: `${c.severity === 'urgent' ? 'Urgent' : 'Attention'}: ${label.en}`,
        bodyZh: c.message['zh-CN'],
        bodyEn: c.message['en-US'],
        link: `/alerts?alert=${row.id}`,
        dedupeKey: `alert:${row.id}:assigned:0`,
      });
    }
    if (c.severity === 'urgent' && c.patientAdvice) {
      patientIds ??= await patientAccounts(tx, input.patientId);
      for (const accountId of patientIds) {
        notes.push({
          orgId: input.orgId,
          accountId,
          patientId: input.patientId,
          kind: 'monitoring_alert',
          urgency: 'urgent',
          titleZh: `请立即处理：${label.zh}`,
          titleEn: `Act now: ${label.en}`,
          bodyZh: c.patientAdvice['zh-CN'],
          bodyEn: c.patientAdvice['en-US'],
          link: '/monitoring',
          dedupeKey: `alert:${row.id}:advice`,
        });
        pushes.push({
          namespace: 'patient',
          target: { accountIds: [accountId] },
          event: {
            type: 'alerts.alert.created',
            id: row.id,
            version: row.version,
            patientId: input.patientId,
            severity: row.severity,
            status: row.status,
            at: new Date().toISOString(),
          },
        });
      }
      if (patientIds.length > 0) {
        events.push({
          alertId: row.id,
          orgId: input.orgId,
          kind: 'patient-notified',
          actorId: null,
          detail: null,
        });
      }
    }
  }
  await addAlertEvents(tx, events);
  await notify(tx, notes);
  return { raised, pushes };
}
