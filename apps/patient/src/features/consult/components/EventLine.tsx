import type { ConsultationMessage } from '@careloop/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { messageTime, spokenDuration } from '../lib/format.ts';

function eventText(t: TFunction, m: ConsultationMessage): string {
  const e = m.event;
  if (!e) return m.body ?? '';
  const name = e.by?.name ?? m.sender?.name ?? t('consult.events.someone');
  switch (e.type) {
    case 'requested':
    case 'accepted':
    case 'closed':
    case 'guest_added':
      return t(`consult.events.${e.type}`, { name });
    case 'declined':
      return e.reason
        ? t('consult.events.declinedReason', { reason: e.reason })
        : t('consult.events.declined');
    case 'call_started':
      return e.media === 'audio'
        ? t('consult.events.call_started_audio', { name })
        : t('consult.events.call_started', { name });
    case 'call_ended':
      return t('consult.events.call_ended', { duration: spokenDuration(t, e.durationSeconds ?? 0) });
    case 'cancelled':
    case 'expired':
    case 'reopened_for_follow_up':
    case 'rated':
    case 'call_missed':
      return t(`consult.events.${e.type}`);
  }
}

/** A change in the consultation (accepted, a call, closed) as a centred line in the conversation. */
export function EventLine({ message }: { message: ConsultationMessage }) {
  const { t, i18n } = useTranslation();
  return (
    <li
      className="chat-event"
      data-testid="chat-event"
      data-event={message.event?.type}
      data-seq={message.seq}
    >
      <span>{eventText(t, message)}</span>
      <time className="chat-event-time" dateTime={message.createdAt}>
        {messageTime(message.createdAt, i18n.language)}
      </time>
    </li>
  );
}
