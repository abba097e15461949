import { FileAddOutlined, PictureOutlined, SendOutlined } from '@ant-design/icons';
import { MESSAGE_MAX_CHARS, type AttachmentKind } from '@careloop/contracts';
import { VOICE_MAX_BYTES, checkVoiceNote, type VoiceNote } from '@careloop/web-calls';
import { Alert, App, Button, Input, Progress } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problems';
import { consultationsApi } from '../api/consultations-api';
import { useVoiceRecorder } from '../hooks/use-voice-recorder';
import { newClientId } from '../lib/messages';
import type { OutboxItem } from '../lib/outbox';
import { QuickReplyPicker } from './QuickReplyPicker';
import { VoiceNoteControl } from './VoiceNoteControl';

type Draft = Omit<OutboxItem, 'state' | 'createdAt'>;

// The server's limits (docs: images 10 MB, files 20 MB), checked here first so a wrong file fails at once.
const LIMITS: Record<'image' | 'file', { bytes: number; accept: string }> = {
  image: { bytes: 10 * 1024 * 1024, accept: 'image/jpeg,image/png,image/webp,image/heic' },
  file: { bytes: 20 * 1024 * 1024, accept: 'application/pdf,image/jpeg,image/png,image/webp,image/heic' },
};

interface Upload {
  name: string;
  fraction: number;
}

/**
 * Enter sends, Shift+Enter starts a new line; quick replies go into the draft; images, files and voice notes go up
 * first and are then sent as messages through the outbox (a clientId each, kept for resends).
 */
export function Composer({
  consultationId,
  onSend,
  onTyped,
}: {
  consultationId: string;
  onSend: (draft: Draft) => void;
  onTyped: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const imageInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** A recorded note whose upload failed: kept so it can go up again instead of being recorded again. */
  const [unsentVoice, setUnsentVoice] = useState<{ note: VoiceNote; reason: string } | null>(null);
  const voice = useVoiceRecorder((note) => void sendVoice(note));

  function sendText() {
    const body = text.trim();
    if (!body) return;
    onSend({ clientId: newClientId(), kind: 'text', body });
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // An IME composing Chinese uses Enter to confirm a word: not a send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sendText();
    }
  }

  /** Uploads one attachment (with its progress shown) and queues the message that carries it. */
  async function uploadAndSend(file: File, kind: AttachmentKind, label: string, durationMs?: number) {
    setUpload({ name: label, fraction: 0 });
    try {
      const { body } = await consultationsApi.upload(
        consultationId,
        file,
        kind,
        (fraction) => setUpload({ name: label, fraction }),
        { durationMs },
      );
      onSend({
        clientId: newClientId(),
        kind: body.kind,
        attachmentId: body.id,
        ...(kind === 'voice' ? {} : { fileName: file.name }),
      });
    } finally {
      setUpload(null);
    }
  }

  async function attach(file: File, kind: 'image' | 'file') {
    if (file.size > LIMITS[kind].bytes) {
      void message.error(t('consult.chat.tooLarge', { mb: LIMITS[kind].bytes / 1024 / 1024 }));
      return;
    }
    try {
      await uploadAndSend(file, kind, file.name);
    } catch (error) {
      void message.error(t('consult.chat.uploadFailed', { name: file.name, reason: problemText(error, t) }));
    }
  }

  async function sendVoice(note: VoiceNote) {
    setUnsentVoice(null);
    const problem = checkVoiceNote({ size: note.blob.size, durationMs: note.durationMs });
    if (problem?.code === 'empty') return void message.warning(t('consult.chat.voiceEmpty'));
    if (problem?.code === 'too_large')
      return void message.error(t('consult.chat.voiceTooLarge', { mb: VOICE_MAX_BYTES / 1024 / 1024 }));
    const file = new File([note.blob], note.name, { type: note.blob.type });
    const label = t('consult.chat.voiceUploading', {
      seconds: Math.max(1, Math.round(note.durationMs / 1000)),
    });
    try {
      await uploadAndSend(file, 'voice', label, note.durationMs);
    } catch (error) {
      setUnsentVoice({ note, reason: problemText(error, t) });
    }
  }

  function picker(kind: 'image' | 'file') {
    return (
      <input
        ref={kind === 'image' ? imageInput : fileInput}
        type="file"
        accept={LIMITS[kind].accept}
        hidden
        data-testid={`consult-attach-${kind}-input`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void attach(file, kind);
        }}
      />
    );
  }

  return (
    <div className="consult-composer">
      {upload ? (
        <div className="consult-composer__upload" data-testid="consult-upload">
          <span>{t('consult.chat.uploading', { name: upload.name })}</span>
          <Progress percent={Math.round(upload.fraction * 100)} size="small" />
        </div>
      ) : null}
      {unsentVoice ? (
        <Alert
          type="error"
          showIcon
          className="consult-composer__unsent"
          title={t('consult.chat.voiceUploadFailed', { reason: unsentVoice.reason })}
          data-testid="consult-voice-unsent"
          action={
            <span className="consult-composer__unsent-actions">
              <Button
                size="small"
                onClick={() => void sendVoice(unsentVoice.note)}
                disabled={upload !== null}
                data-testid="consult-voice-retry"
              >
                {t('consult.chat.voiceRetry')}
              </Button>
              <Button size="small" type="text" onClick={() => setUnsentVoice(null)}>
                {t('consult.chat.voiceDiscard')}
              </Button>
            </span>
          }
        />
      ) : null}
      <div className="consult-composer__tools">
        {voice.state.phase === 'recording' ? null : (
          <>
            <QuickReplyPicker onPick={(body) => setText((prev) => (prev ? `${prev}\n${body}` : body))} />
            {picker('image')}
            {picker('file')}
            <Button
              icon={<PictureOutlined aria-hidden />}
              onClick={() => imageInput.current?.click()}
              disabled={upload !== null}
              data-testid="consult-attach-image"
            >
              {t('consult.chat.image')}
            </Button>
            <Button
              icon={<FileAddOutlined aria-hidden />}
              onClick={() => fileInput.current?.click()}
              disabled={upload !== null}
              data-testid="consult-attach-file"
            >
              {t('consult.chat.file')}
            </Button>
          </>
        )}
        <VoiceNoteControl voice={voice} disabled={upload !== null} />
      </div>
      <div className="consult-composer__row">
        <label htmlFor="consult-input" className="visually-hidden">
          {t('consult.chat.placeholder')}
        </label>
        <Input.TextArea
          id="consult-input"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onTyped();
          }}
          onKeyDown={onKeyDown}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={MESSAGE_MAX_CHARS}
          placeholder={t('consult.chat.placeholder')}
          aria-describedby="consult-input-hint"
          data-testid="consult-input"
        />
        <Button
          type="primary"
          icon={<SendOutlined aria-hidden />}
          onClick={sendText}
          disabled={!text.trim()}
          data-testid="consult-send"
        >
          {t('consult.chat.send')}
        </Button>
      </div>
      <p id="consult-input-hint" className="consult-composer__hint muted">
        {t('consult.chat.hint')}
      </p>
    </div>
  );
}
