import type { AttachmentKind } from '@careloop/contracts';
import { Button } from 'antd-mobile';
import { CameraOutline, FileOutline, PictureOutline } from 'antd-mobile-icons';
import { useId, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_MAX_CHARS } from '@careloop/contracts';
import { useVoiceRecorder, type VoiceNote } from '../hooks/useVoiceRecorder.ts';
import { checkAttachment } from '../lib/attachment-checks.ts';
import { VoiceRecorderBar } from './VoiceRecorder.tsx';

export interface ComposerProps {
  onText: (text: string) => void;
  onFile: (file: { blob: Blob; name: string; kind: AttachmentKind; durationMs?: number }) => void;
  onTyping: () => void;
  onStoppedTyping: () => void;
}

/** Type and send; add a photo (gallery or camera), a PDF, or a voice note. */
export function Composer({ onText, onFile, onTyping, onStoppedTyping }: ComposerProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const voice = useVoiceRecorder((note: VoiceNote) =>
    onFile({ blob: note.blob, name: note.name, kind: 'voice', durationMs: note.durationMs }),
  );

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const body = text.trim();
    if (!body) return;
    onText(body);
    setText('');
    onStoppedTyping();
  }

  function keyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends on a keyboard; Shift+Enter (and a phone's return key while composing) makes a new line.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  function choose(kind: 'image' | 'file') {
    return (event: ChangeEvent<HTMLInputElement>) => {
      const files = [...(event.target.files ?? [])];
      event.target.value = '';
      setProblem(null);
      for (const file of files) {
        const bad = checkAttachment(file, kind);
        if (bad?.code === 'bad_type') setProblem(t('consult.chat.badFileType'));
        else if (bad?.code === 'too_large')
          setProblem(t('consult.chat.fileTooLarge', { size: `${bad.maxBytes / 1024 / 1024} MB` }));
        else onFile({ blob: file, name: file.name, kind });
      }
    };
  }

  const recording = voice.state.phase === 'recording';
  return (
    <form className="chat-composer" onSubmit={submit} data-testid="chat-composer">
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {voice.state.phase === 'denied' && (
        <p className="field-error" role="alert">
          {t('consult.chat.voiceDenied')}
        </p>
      )}
      {recording ? (
        <VoiceRecorderBar
          state={voice.state}
          onStart={() => void voice.start()}
          onStop={voice.stop}
          onCancel={voice.cancel}
        />
      ) : (
        <>
          <div className="chat-input-row">
            <label htmlFor={inputId} className="sr-only">
              {t('consult.chat.input')}
            </label>
            <textarea
              id={inputId}
              className="field-input chat-input"
              rows={1}
              maxLength={MESSAGE_MAX_CHARS}
              value={text}
              placeholder={t('consult.chat.input')}
              onChange={(e) => {
                setText(e.target.value);
                if (e.target.value) onTyping();
                else onStoppedTyping();
              }}
              onKeyDown={keyDown}
              onBlur={onStoppedTyping}
              data-testid="chat-input"
            />
            <Button type="submit" color="primary" disabled={!text.trim()} data-testid="chat-send">
              {t('consult.chat.send')}
            </Button>
          </div>
          <div className="chat-tools">
            <label className="chat-tool">
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp,image/heic,.heic,.heif"
                multiple
                className="sr-only"
                onChange={choose('image')}
                data-testid="chat-photo"
              />
              <PictureOutline aria-hidden="true" />
              <span>{t('consult.chat.photo')}</span>
            </label>
            <label className="chat-tool">
              <input
                type="file"
                accept="image/*"
                capture="environment"
                className="sr-only"
                onChange={choose('image')}
                data-testid="chat-camera"
              />
              <CameraOutline aria-hidden="true" />
              <span>{t('consult.chat.camera')}</span>
            </label>
            <label className="chat-tool">
              <input
                type="file"
                accept="application/pdf,image/jpeg,image/png,image/webp"
                className="sr-only"
                onChange={choose('file')}
                data-testid="chat-file"
              />
              <FileOutline aria-hidden="true" />
              <span>{t('consult.chat.file')}</span>
            </label>
            <VoiceRecorderBar
              state={voice.state}
              onStart={() => void voice.start()}
              onStop={voice.stop}
              onCancel={voice.cancel}
            />
          </div>
        </>
      )}
    </form>
  );
}
