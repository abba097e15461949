import type { Alert, AlertEvent } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';
import type { AlertRow } from './alerts.repository.ts';

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toAlert(r: AlertRow, language: Language): Alert {
  const zh = language === 'zh-CN';
  return {
    id: r.id,
    version: r.version,
    patientId: r.patient_id,
    patientName: r.patient_name,
    status: r.status,
    severity: r.severity,
    ruleKey: r.rule_key,
    kind: r.kind,
    metric: r.metric as Alert['metric'],
    message: zh ? r.message_zh : r.message_en,
    patientAdvice: (zh ? r.advice_zh : r.advice_en) ?? null,
    readingCount: r.reading_count,
    firstReadingAt: iso(r.first_reading_at),
    lastReadingAt: iso(r.last_reading_at),
    assignedTo: ref(r.assigned_to, r.assigned_name),
    escalationLevel: r.escalation_level,
    escalateAt: iso(r.escalate_at),
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: ref(r.acknowledged_by, r.acknowledged_name),
    resolvedAt: iso(r.resolved_at),
    resolvedBy: ref(r.resolved_by, r.resolved_name),
    resolutionNote: r.resolution_note,
    resolutionAction:
      r.resolution_action === 'readings-resumed' ? 'no-action' : (r.resolution_action ?? null),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface AlertEventRow {
  id: string;
  kind: AlertEvent['kind'];
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  detail: string | null;
}

export const toAlertEvent = (e: AlertEventRow): AlertEvent => ({
  id: e.id,
  kind: e.kind,
  at: e.at.toISOString(),
  actor: ref(e.actor_id, e.actor_name),
  detail: e.detail,
});
