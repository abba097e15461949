import type { ConsultationEvent, ConsultationMessage } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

const PATIENT_STEPS = new Set<ConsultationEvent['type']>([
  'requested',
  'cancelled',
  'rated',
  'reopened_for_follow_up',
]);

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** What happened in the consultation (accepted, call ended after 3:12, ...), in the conversation's own order. */
export function EventLine({
  message,
  event,
  patientName,
}: {
  message: ConsultationMessage;
  event: ConsultationEvent;
  /** Who asked, cancelled or rated when the event names nobody (those are the patient's own steps). */
  patientName: string;
}) {
  const { t, i18n } = useTranslation();
  const name = event.by?.name ?? (PATIENT_STEPS.has(event.type) ? patientName : t('consult.events.someone'));
  let text = t(`consult.events.${event.type}`, { name });
  if (event.type === 'call_ended' && event.durationSeconds !== undefined)
    text = t('consult.events.callEndedAfter', { name, duration: duration(event.durationSeconds) });
  if (event.reason) text = `${text} (${event.reason})`;
  return (
    <li className="consult-event" data-testid="consult-event" data-seq={message.seq} data-event={event.type}>
      <span>{text}</span>{' '}
      <time dateTime={message.createdAt} className="muted">
        {formatDateTime(message.createdAt, i18n.language)}
      </time>
    </li>
  );
}
