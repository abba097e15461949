import type { Attachment } from '@careloop/contracts';
import { FileOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { attachmentUrl } from '../api/consult.api.ts';
import { clockText } from '../lib/format.ts';

interface MessageBodyProps {
  consultationId: string;
  kind: 'text' | 'image' | 'voice' | 'file';
  body: string | null | undefined;
  attachment: Attachment | null | undefined;
  senderName: string;
}

function sizeText(bytes: number, locale: string): string {
  const kb = bytes / 1024;
  const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return kb < 1024 ? `${fmt.format(kb)} KB` : `${fmt.format(kb / 1024)} MB`;
}

/**
 * What a message says. Text is rendered as text (React escapes it), never as HTML; attachments load from their
 * access-checked address with the session cookie.
 */
export function MessageBody({ consultationId, kind, body, attachment, senderName }: MessageBodyProps) {
  const { t, i18n } = useTranslation();
  if (kind === 'text' || !attachment) return <p className="chat-text">{body ?? ''}</p>;
  const url = attachmentUrl(consultationId, attachment.id);
  switch (kind) {
    case 'image':
      return (
        <a href={url} target="_blank" rel="noopener" className="chat-image-link">
          <img
            src={url}
            alt={t('consult.chat.imageFrom', { name: senderName })}
            className="chat-image"
            loading="lazy"
            data-testid="chat-image"
          />
        </a>
      );
    case 'voice': {
      const duration = clockText(t, attachment.durationMs ?? 0);
      const label = t('consult.chat.voiceNote', { duration });
      return (
        <div className="chat-voice">
          <audio controls preload="metadata" src={url} aria-label={label} data-testid="chat-voice" />
          <span className="muted" aria-hidden="true">
            {duration}
          </span>
        </div>
      );
    }
    case 'file':
      return (
        <a href={url} target="_blank" rel="noopener" className="chat-file" data-testid="chat-file">
          <FileOutline aria-hidden="true" />
          <span>
            {attachment.fileName ?? t('consult.chat.file')}
            <span className="muted"> · {sizeText(attachment.sizeBytes, i18n.language)}</span>
          </span>
        </a>
      );
  }
}
