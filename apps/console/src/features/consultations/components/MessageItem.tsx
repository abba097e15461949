import {
  CheckOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  PaperClipOutlined,
} from '@ant-design/icons';
import type { ConsultationMessage } from '@careloop/contracts';
import { Button, Image } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { attachmentUrl } from '../api/consultations-api';
import { tickOf, type Tick } from '../lib/messages';
import type { OutboxItem } from '../lib/outbox';
import { EventLine } from './EventLine';

interface Props {
  message: ConsultationMessage;
  consultationId: string;
  patientName: string;
  mine: boolean;
  peer: { deliveredSeq: number; readSeq: number };
}

/** One stored message. Text is rendered as React text (escaped): markup a person typed shows as characters. */
export function MessageItem({ message: m, consultationId, patientName, mine, peer }: Props) {
  const { t, i18n } = useTranslation();
  if (m.kind === 'event' && m.event)
    return <EventLine message={m} event={m.event} patientName={patientName} />;
  const tick = mine ? tickOf(m.seq, peer) : null;
  return (
    <li
      className={`consult-msg ${mine ? 'consult-msg--mine' : 'consult-msg--theirs'}`}
      data-testid="consult-message"
      data-seq={m.seq}
      data-kind={m.kind}
      data-mine={mine}
    >
      <div className="consult-msg__meta">
        <span className="consult-msg__sender">
          {mine ? t('consult.chat.you') : (m.sender?.name ?? t(`consult.roles.${m.senderRole}`))}
        </span>
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, i18n.language)}</time>
      </div>
      <div className="consult-msg__bubble">
        <MessageContent message={m} consultationId={consultationId} />
      </div>
      {tick ? <TickMark tick={tick} /> : null}
    </li>
  );
}

function MessageContent({
  message: m,
  consultationId,
}: {
  message: ConsultationMessage;
  consultationId: string;
}) {
  const { t } = useTranslation();
  const a = m.attachment;
  if (m.kind === 'text' || !a)
    return (
      <p className="consult-msg__text" data-testid="consult-message-text">
        {m.body ?? ''}
      </p>
    );
  const url = attachmentUrl(consultationId, a.id);
  switch (m.kind) {
    case 'image':
      return (
        <Image
          src={url}
          alt={a.fileName ?? t('consult.chat.imageAlt')}
          width={220}
          height={165}
          className="consult-msg__image"
          data-testid="consult-message-image"
        />
      );
    case 'voice':
      return (
        <div className="consult-msg__voice">
          <span className="visually-hidden">{t('consult.chat.voice')}</span>
          {/* A voice note from the access-checked address; the browser plays it with its own controls. */}
          <audio controls preload="metadata" src={url} data-testid="consult-message-voice">
            <a href={url}>{t('consult.chat.download')}</a>
          </audio>
          {a.durationMs ? (
            <span className="muted">
              {t('consult.chat.seconds', { count: Math.round(a.durationMs / 1000) })}
            </span>
          ) : null}
        </div>
      );
    case 'file':
    case 'event':
      return (
        <a
          href={url}
          download={a.fileName ?? undefined}
          className="consult-msg__file"
          data-testid="consult-message-file"
        >
          <PaperClipOutlined aria-hidden /> {a.fileName ?? t('consult.chat.file')}{' '}
          <span className="muted">({formatSize(a.sizeBytes)})</span>
        </a>
      );
  }
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Sending (clock), sent (one tick), delivered (two), read (two, coloured) or failed; always with words too. */
function TickMark({ tick }: { tick: Tick }) {
  const { t } = useTranslation();
  const icon =
    tick === 'sending' ? (
      <ClockCircleOutlined aria-hidden />
    ) : tick === 'failed' ? (
      <ExclamationCircleOutlined aria-hidden />
    ) : tick === 'sent' ? (
      <CheckOutlined aria-hidden />
    ) : (
      <span className="consult-ticks" aria-hidden>
        <CheckOutlined />
        <CheckOutlined />
      </span>
    );
  return (
    <span className={`consult-tick consult-tick--${tick}`} data-testid="consult-tick" data-tick={tick}>
      {icon} {t(`consult.chat.ticks.${tick}`)}
    </span>
  );
}

/** A message not yet stored by the server: shown where it will land, with its state and a retry when refused. */
export function OutboxMessage({
  item,
  onRetry,
  onDiscard,
}: {
  item: OutboxItem;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <li
      className="consult-msg consult-msg--mine consult-msg--pending"
      data-testid="consult-outbox"
      data-state={item.state}
    >
      <div className="consult-msg__bubble">
        <p className="consult-msg__text">
          {item.kind === 'text' ? item.body : (item.fileName ?? t(`consult.chat.kinds.${item.kind}`))}
        </p>
      </div>
      <TickMark tick={item.state} />
      {item.state === 'failed' ? (
        <div className="consult-msg__failed" role="alert">
          <span>{item.error}</span>
          <Button size="small" onClick={onRetry} data-testid="consult-retry">
            {t('consult.chat.retry')}
          </Button>
          <Button size="small" type="text" onClick={onDiscard}>
            {t('consult.chat.discard')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
