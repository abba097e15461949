import type { ConsultationMessage } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { messageTime } from '../lib/format.ts';
import type { Tick } from '../lib/timeline.ts';
import { MessageBody } from './MessageBody.tsx';
import { TickMark } from './TickMark.tsx';

interface MessageBubbleProps {
  message: ConsultationMessage;
  mine: boolean;
  tick?: Tick;
}

/** A stored message: one's own on the right with its ticks, the other side's on the left with the sender's name. */
export function MessageBubble({ message: m, mine, tick }: MessageBubbleProps) {
  const { t, i18n } = useTranslation();
  const sender = mine ? t('consult.chat.me') : (m.sender?.name ?? t('consult.chat.doctor'));
  if (m.kind === 'event') return null;
  return (
    <li
      className={`chat-row ${mine ? 'chat-row-mine' : 'chat-row-theirs'}`}
      data-testid="chat-message"
      data-seq={m.seq}
      data-kind={m.kind}
      data-mine={mine}
      data-client-id={m.clientId ?? undefined}
    >
      <div className="chat-bubble">
        <span className={mine ? 'sr-only' : 'chat-sender'}>{sender}</span>
        <MessageBody
          consultationId={m.consultationId}
          kind={m.kind}
          body={m.body}
          attachment={m.attachment}
          senderName={sender}
        />
        <span className="chat-meta">
          <time dateTime={m.createdAt}>{messageTime(m.createdAt, i18n.language)}</time>
          {mine && tick && <TickMark tick={tick} />}
        </span>
      </div>
    </li>
  );
}
