import { sql } from 'kysely';
import type { AlertCandidate } from '@careloop/clinical';
import type { Executor } from '../../../platform/db/database.ts';
import type {
  AlertEventKindColumn,
  AlertResolutionColumn,
  AlertSeverityColumn,
  AlertStatusColumn,
} from '../../../platform/db/schema-monitoring.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';

export interface AlertRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  rule_key: string;
  kind: 'threshold' | 'consecutive' | 'trend' | 'rate-of-change' | 'missing-data';
  metric: string;
  severity: AlertSeverityColumn;
  status: AlertStatusColumn;
  message_zh: string;
  message_en: string;
  advice_zh: string | null;
  advice_en: string | null;
  reading_ids: string[];
  reading_count: number;
  first_reading_at: Date | null;
  last_reading_at: Date | null;
  received_at: Date;
  assigned_to: string | null;
  assigned_name: string | null;
  escalation_level: number;
  escalate_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_name: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_name: string | null;
  resolution_note: string | null;
  resolution_action: AlertResolutionColumn | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const ALERT_SELECT = sql.raw(`
  a.id, a.org_id, a.patient_id, p.name AS patient_name, a.rule_key, a.kind, a.metric, a.severity, a.status,
  a.message_zh, a.message_en, a.advice_zh, a.advice_en, a.reading_ids, a.reading_count, a.first_reading_at,
  a.last_reading_at, a.received_at, a.assigned_to, asg.display_name AS assigned_name, a.escalation_level,
  a.escalate_at, a.acknowledged_at, a.acknowledged_by, ack.display_name AS acknowledged_name, a.resolved_at,
  a.resolved_by, res.display_name AS resolved_name, a.resolution_note, a.resolution_action, a.created_at,
  a.updated_at, a.version`);

export const ALERT_FROM = sql.raw(`
  alerts a
  JOIN patients p ON p.id = a.patient_id
  LEFT JOIN accounts asg ON asg.id = a.assigned_to
  LEFT JOIN accounts ack ON ack.id = a.acknowledged_by
  LEFT JOIN accounts res ON res.id = a.resolved_by`);

export interface UpsertedAlert {
  id: string;
  version: number;
  inserted: boolean;
  severity: AlertSeverityColumn;
  status: AlertStatusColumn;
  assigned_to: string | null;
  received_at: Date;
}

export interface CandidateToStore {
  candidate: AlertCandidate;
  firstReadingAt: Date | null;
  lastReadingAt: Date | null;
}

/** People an alert goes to, in order: the health manager first, then nurses, then doctors, then the others. */
export async function careChain(tx: Executor, patientId: string): Promise<string[]> {
  const result = await sql<{ staff_account_id: string }>`
    SELECT staff_account_id FROM care_team
     WHERE patient_id = ${patientId} AND removed_at IS NULL
     ORDER BY CASE role WHEN 'health_manager' THEN 0 WHEN 'nurse' THEN 1 WHEN 'doctor' THEN 2
                        WHEN 'attending' THEN 2 ELSE 3 END, created_at`.execute(tx);
  return result.rows.map((r) => r.staff_account_id);
}

export async function loadSettings(
  tx: Executor,
  orgId: string,
): Promise<{ escalateAfterMinutes: number; onCall: string | null }> {
  const row = await tx
    .selectFrom('monitoring_settings')
    .select(['escalate_after_minutes', 'on_call_account_id'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return { escalateAfterMinutes: row?.escalate_after_minutes ?? 15, onCall: row?.on_call_account_id ?? null };
}

/**
 * Stores an alert candidate: a new alert, or, when an alert of the same episode is still open or acknowledged,
 * the same alert with the new readings folded in (one alert per ongoing episode, however many readings).
 */
export async function upsertAlert(
  tx: Executor,
  input: {
    orgId: string;
    patientId: string;
    item: CandidateToStore;
    receivedAt: Date;
    assignTo: string | null;
    escalateAt: Date | null;
  },
): Promise<UpsertedAlert> {
  const c = input.item.candidate;
  const result = await sql<UpsertedAlert>`
    INSERT INTO alerts (id, org_id, patient_id, rule_key, kind, metric, severity, episode_key, message_zh,
                        message_en, advice_zh, advice_en, reading_ids, reading_count, first_reading_at,
                        last_reading_at, received_at, assigned_to, escalate_at)
    VALUES (${uuidv7()}, ${input.orgId}, ${input.patientId}, ${c.ruleKey}, ${c.kind}, ${c.metric}, ${c.severity},
            ${c.episodeKey}, ${c.message['zh-CN']}, ${c.message['en-US']}, ${c.patientAdvice?.['zh-CN'] ?? null},
            ${c.patientAdvice?.['en-US'] ?? null}, ${c.readingIds}::uuid[], ${c.readingIds.length},
            ${input.item.firstReadingAt}, ${input.item.lastReadingAt}, ${input.receivedAt}, ${input.assignTo},
            ${input.escalateAt})
    ON CONFLICT (patient_id, episode_key) WHERE status <> 'resolved' DO UPDATE
       SET reading_ids = ARRAY(SELECT DISTINCT x FROM unnest(alerts.reading_ids || EXCLUDED.reading_ids) AS x),
           reading_count = cardinality(ARRAY(SELECT DISTINCT x
                                               FROM unnest(alerts.reading_ids || EXCLUDED.reading_ids) AS x)),
           last_reading_at = greatest(alerts.last_reading_at, EXCLUDED.last_reading_at),
           message_zh = EXCLUDED.message_zh,
           message_en = EXCLUDED.message_en,
           updated_at = now(),
           version = alerts.version + 1
    RETURNING id, version, (xmax = 0) AS inserted, severity, status, assigned_to, received_at`.execute(tx);
  return result.rows[0]!;
}

export async function addAlertEvents(
  tx: Executor,
  events: readonly {
    alertId: string;
    orgId: string;
    kind: AlertEventKindColumn;
    actorId: string | null;
    detail: string | null;
  }[],
): Promise<void> {
  if (events.length === 0) return;
  await tx
    .insertInto('alert_events')
    .values(
      events.map((e) => ({
        id: uuidv7(),
        alert_id: e.alertId,
        org_id: e.orgId,
        kind: e.kind,
        actor_id: e.actorId,
        detail: e.detail,
      })),
    )
    .execute();
}

/** Missing-data alerts end by themselves when readings of their metric come in again. */
export async function resolveMissingData(
  tx: Executor,
  patientId: string,
  metrics: readonly string[],
): Promise<{ id: string; version: number; org_id: string; severity: AlertSeverityColumn }[]> {
  if (metrics.length === 0) return [];
  const result = await sql<{ id: string; version: number; org_id: string; severity: AlertSeverityColumn }>`
    UPDATE alerts
       SET status = 'resolved', resolved_at = now(), resolution_action = 'readings-resumed',
           resolution_note = 'Readings resumed', escalate_at = NULL, updated_at = now(), version = version + 1
     WHERE patient_id = ${patientId} AND kind = 'missing-data' AND status <> 'resolved'
       AND metric = ANY (${metrics}::text[])
    RETURNING id, version, org_id, severity`.execute(tx);
  return result.rows;
}
