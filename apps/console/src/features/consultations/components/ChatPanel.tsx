import type { Consultation } from '@careloop/contracts';
import { Alert, Button } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversation } from '../hooks/use-conversation';
import { useTyping } from '../hooks/use-typing';
import { participantName, type MessageList } from '../lib/messages';
import { Composer } from './Composer';
import { MessageItem, OutboxMessage } from './MessageItem';

/** The conversation: messages by seq (load older above), what is still being sent, who is typing, the composer. */
export function ChatPanel({
  consultation,
  myAccountId,
}: {
  consultation: Consultation;
  myAccountId: string;
}) {
  const { t, i18n } = useTranslation();
  const conversation = useConversation(consultation, myAccountId);
  const typing = useTyping(consultation.id, myAccountId);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const { messages, outbox } = conversation;
  const newest = messages[messages.length - 1]?.seq ?? 0;

  // Follow the newest message while the reader is at the bottom; leave them be while they read older ones.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [newest, outbox.length, typing.peerTyping]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // Images and players grow after they load: stay at the bottom if the reader was there.
    const list = el.querySelector('ol');
    const resized = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    if (list) resized.observe(list);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
  }, []);

  return (
    <section className="consult-chat" aria-labelledby="consult-chat-heading" data-testid="consult-chat">
      <h2 id="consult-chat-heading" className="visually-hidden">
        {t('consult.chat.heading')}
      </h2>
      <div
        ref={scroller}
        className="consult-chat__messages"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t('consult.chat.messages')}
        tabIndex={0}
        data-testid="consult-messages"
      >
        {conversation.hasOlder ? (
          <div className="consult-chat__older">
            <Button
              size="small"
              onClick={() => {
                atBottom.current = false;
                conversation.loadOlder();
              }}
              loading={conversation.loadingOlder}
              data-testid="consult-load-older"
            >
              {t('consult.chat.loadOlder')}
            </Button>
          </div>
        ) : null}
        {conversation.status === 'error' ? (
          <Alert
            type="error"
            showIcon
            title={t('consult.chat.loadError')}
            action={
              <Button size="small" onClick={conversation.reload}>
                {t('common.reload')}
              </Button>
            }
          />
        ) : null}
        {conversation.status === 'ready' && messages.length === 0 && outbox.length === 0 ? (
          <p className="muted consult-chat__empty">{t('consult.chat.empty')}</p>
        ) : null}
        <ol className="consult-chat__list">
          {messages.map((m) => (
            <MessageItem
              key={m.seq}
              message={m}
              consultationId={consultation.id}
              patientName={consultation.patient.name}
              mine={m.sender?.id === myAccountId}
              peer={conversation.peer}
            />
          ))}
          {outbox.map((item) => (
            <OutboxMessage
              key={item.clientId}
              item={item}
              onRetry={() => conversation.retry(item.clientId)}
              onDiscard={() => conversation.discard(item.clientId)}
            />
          ))}
        </ol>
      </div>
      <div className="consult-chat__typing" aria-live="polite" data-testid="consult-typing">
        {typing.peerTyping ? typingText(typing.typers, consultation, messages, i18n.language, t) : ''}
      </div>
      {consultation.canMessage ? (
        <Composer
          consultationId={consultation.id}
          onSend={(draft) => {
            atBottom.current = true;
            typing.stopped();
            conversation.send(draft);
          }}
          onTyped={typing.typed}
        />
      ) : (
        <p className="consult-chat__closed muted" data-testid="consult-read-only">
          {consultation.status === 'requested' ? t('consult.chat.acceptFirst') : t('consult.chat.readOnly')}
        </p>
      )}
    </section>
  );
}

/** "张伟 is typing…" when the chat knows the names of everyone typing; otherwise "The other side is typing…". */
function typingText(
  typers: ReadonlySet<string>,
  consultation: Consultation,
  messages: MessageList,
  language: string,
  t: TFunction,
): string {
  const names = [...typers].map((id) => participantName(id, consultation, messages));
  if (names.length === 0 || names.some((name) => name === null)) return t('consult.chat.typing');
  const known = names as string[];
  if (known.length === 1) return t('consult.chat.typingNamed', { name: known[0] });
  return t('consult.chat.typingMany', {
    names: new Intl.ListFormat(language, { type: 'conjunction' }).format(known),
  });
}
