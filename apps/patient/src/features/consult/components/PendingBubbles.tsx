import { Button, ProgressBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../ui/Notice.tsx';
import type { Upload } from '../hooks/useChatSend.ts';
import type { OutboxMessage } from '../lib/outbox.ts';
import { clockText } from '../lib/format.ts';
import { MessageBody } from './MessageBody.tsx';
import { TickMark } from './TickMark.tsx';

interface PendingProps {
  consultationId: string;
  pending: readonly OutboxMessage[];
  uploads: readonly Upload[];
  online: boolean;
  onRetryMessage: (clientId: string) => void;
  onDiscardMessage: (clientId: string) => void;
  onRetryUpload: (localId: string) => void;
  onDiscardUpload: (localId: string) => void;
}

/** Messages not on the server yet: waiting in the outbox (or refused, with why), and files still uploading. */
export function PendingBubbles(props: PendingProps) {
  const { t } = useTranslation();
  const { consultationId, pending, uploads, online } = props;
  return (
    <>
      {pending.map((m) => (
        <li
          key={m.clientId}
          className="chat-row chat-row-mine chat-row-pending"
          data-testid="chat-pending"
          data-client-id={m.clientId}
        >
          <div className="chat-bubble">
            <span className="sr-only">{t('consult.chat.me')}</span>
            <MessageBody
              consultationId={consultationId}
              kind={m.kind}
              body={m.body}
              attachment={m.attachment}
              senderName={t('consult.chat.me')}
            />
            <span className="chat-meta">
              {m.refused ? (
                <span className="field-error" role="alert">
                  {t('consult.chat.notSent', { reason: m.refused.title })}
                </span>
              ) : online ? (
                <TickMark tick="sending" />
              ) : (
                <span>{t('consult.chat.waitingToSend')}</span>
              )}
            </span>
            {m.refused && (
              <span className="chat-pending-actions">
                <Button size="small" onClick={() => props.onRetryMessage(m.clientId)}>
                  {t('consult.chat.retry')}
                </Button>
                <Button
                  size="small"
                  color="danger"
                  fill="outline"
                  onClick={() => props.onDiscardMessage(m.clientId)}
                >
                  {t('consult.chat.discard')}
                </Button>
              </span>
            )}
          </div>
        </li>
      ))}
      {uploads.map((u) => (
        <li
          key={u.localId}
          className="chat-row chat-row-mine chat-row-pending"
          data-testid="chat-upload"
          data-kind={u.kind}
        >
          <div className="chat-bubble">
            {u.previewUrl ? (
              <img src={u.previewUrl} alt={u.name} className="chat-image" />
            ) : (
              <p className="chat-text">
                {u.kind === 'voice'
                  ? t('consult.chat.voiceNote', { duration: clockText(t, u.durationMs ?? 0) })
                  : u.name}
              </p>
            )}
            {u.error ? (
              <>
                <span className="field-error" role="alert">
                  {t('consult.chat.uploadFailed', { reason: errorText(u.error, t('errors.network')) })}
                </span>
                <span className="chat-pending-actions">
                  <Button size="small" onClick={() => props.onRetryUpload(u.localId)}>
                    {t('consult.chat.retry')}
                  </Button>
                  <Button
                    size="small"
                    color="danger"
                    fill="outline"
                    onClick={() => props.onDiscardUpload(u.localId)}
                  >
                    {t('consult.chat.discard')}
                  </Button>
                </span>
              </>
            ) : (
              <span className="chat-progress" data-testid="chat-upload-progress">
                <ProgressBar percent={u.percent} aria-hidden="true" />
                <span className="chat-meta" role="status">
                  {t('consult.chat.uploading', { percent: u.percent })}
                </span>
              </span>
            )}
          </div>
        </li>
      ))}
    </>
  );
}
