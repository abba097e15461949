import { Button } from 'antd-mobile';
import { AudioOutline, CloseOutline, SendOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import type { RecorderState } from '../hooks/useVoiceRecorder.ts';
import { clockText } from '../lib/format.ts';

interface VoiceRecorderProps {
  state: RecorderState;
  onStart: () => void;
  onStop: () => void;
  onCancel: () => void;
}

/** Tap to record, tap to send, or cancel; the running time shows while it records (no holding needed). */
export function VoiceRecorderBar({ state, onStart, onStop, onCancel }: VoiceRecorderProps) {
  const { t } = useTranslation();
  if (state.phase === 'recording') {
    return (
      <div className="chat-recording" data-testid="voice-recording">
        <span className="chat-recording-dot" aria-hidden="true" />
        <span role="timer" aria-live="off" data-testid="voice-elapsed">
          {t('consult.chat.recording', { time: clockText(t, state.elapsedMs) })}
        </span>
        <span className="muted chat-recording-limit">{t('consult.chat.voiceLimit')}</span>
        <div className="chat-recording-actions">
          <Button size="small" onClick={onCancel} data-testid="voice-cancel">
            <CloseOutline aria-hidden="true" /> {t('consult.chat.cancelVoice')}
          </Button>
          <Button size="small" color="primary" onClick={onStop} data-testid="voice-stop">
            <SendOutline aria-hidden="true" /> {t('consult.chat.stopVoice')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="chat-tool"
      onClick={onStart}
      disabled={state.phase === 'unsupported'}
      title={
        state.phase === 'unsupported' ? t('consult.chat.voiceUnsupported') : t('consult.chat.startVoice')
      }
      data-testid="voice-start"
    >
      <AudioOutline aria-hidden="true" />
      <span>{t('consult.chat.voice')}</span>
    </button>
  );
}
