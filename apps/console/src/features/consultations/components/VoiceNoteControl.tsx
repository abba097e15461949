import { AudioOutlined, CloseOutlined, SendOutlined } from '@ant-design/icons';
import { VOICE_MAX_MS, formatDuration } from '@careloop/web-calls';
import { Alert, Button } from 'antd';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceRecorderControls } from '../hooks/use-voice-recorder';

/**
 * The composer's voice note: a "Voice" button; while recording, the running time with Send and Cancel (focus
 * moves to Send, so Enter sends and Esc cancels, and comes back to the button afterwards). Why the microphone
 * could not be used shows under it.
 */
export function VoiceNoteControl({ voice, disabled }: { voice: VoiceRecorderControls; disabled: boolean }) {
  const { t } = useTranslation();
  const { state } = voice;
  const sendButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLDivElement>(null);
  const focusInBar = useRef(false);
  const recording = state.phase === 'recording';

  useEffect(() => {
    if (recording) {
      sendButton.current?.focus();
      return;
    }
    // Back to the voice button when the keyboard was on the recording bar (it has gone now).
    if (focusInBar.current) startButton.current?.focus();
    focusInBar.current = false;
  }, [recording]);

  if (recording) {
    const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        voice.cancel();
      }
    };
    return (
      <div
        ref={group}
        role="group"
        aria-label={t('consult.chat.voiceRecording')}
        className="consult-voice consult-voice--recording"
        onKeyDown={onKeyDown}
        onFocus={() => {
          focusInBar.current = true;
        }}
        onBlur={(event) => {
          focusInBar.current = group.current?.contains(event.relatedTarget as Node | null) ?? false;
        }}
        data-testid="consult-voice-recording"
      >
        <span className="consult-voice__dot" aria-hidden />
        <span className="consult-voice__label">{t('consult.chat.voiceRecording')}</span>
        <span role="timer" className="consult-voice__time" data-testid="consult-voice-elapsed">
          {t('consult.chat.voiceElapsed', {
            time: formatDuration(state.elapsedMs / 1000),
            limit: formatDuration(VOICE_MAX_MS / 1000),
          })}
        </span>
        <Button
          icon={<CloseOutlined aria-hidden />}
          onClick={voice.cancel}
          aria-label={t('consult.chat.voiceCancelLabel')}
          data-testid="consult-voice-cancel"
        >
          {t('consult.chat.voiceCancel')}
        </Button>
        <Button
          ref={sendButton}
          type="primary"
          icon={<SendOutlined aria-hidden />}
          onClick={voice.stop}
          data-testid="consult-voice-send"
        >
          {t('consult.chat.voiceSend')}
        </Button>
        <span className="consult-voice__keys muted">{t('consult.chat.voiceKeys')}</span>
      </div>
    );
  }

  const problem =
    state.phase === 'denied'
      ? t('consult.chat.voiceDenied')
      : state.phase === 'unavailable'
        ? t('consult.chat.voiceUnavailable')
        : null;
  return (
    <>
      <Button
        ref={startButton}
        icon={<AudioOutlined aria-hidden />}
        onClick={voice.start}
        loading={state.phase === 'starting'}
        disabled={disabled || state.phase === 'unsupported'}
        aria-label={
          state.phase === 'starting' ? t('consult.chat.voiceStarting') : t('consult.chat.voiceRecordLabel')
        }
        aria-describedby={state.phase === 'unsupported' ? 'consult-voice-unsupported' : undefined}
        data-testid="consult-voice-start"
        data-state={state.phase}
      >
        {t('consult.chat.voiceRecord')}
      </Button>
      {state.phase === 'unsupported' ? (
        <span id="consult-voice-unsupported" className="consult-voice__note muted">
          {t('consult.chat.voiceUnsupported')}
        </span>
      ) : null}
      {problem ? (
        <Alert
          type="warning"
          showIcon
          className="consult-voice__problem"
          title={problem}
          data-testid="consult-voice-problem"
          data-problem={state.phase}
        />
      ) : null}
    </>
  );
}
