import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallController, CallSnapshot } from '../call-controller.ts';
import type { CallBindings } from './bindings.ts';

/**
 * Microphone, camera, camera switch, the app's own controls (`children`) and hang-up: large labelled buttons a
 * thumb can reach.
 */
export function CallControls({
  controller,
  snapshot,
  icons,
  children,
}: {
  controller: CallController;
  snapshot: CallSnapshot;
  icons: CallBindings['icons'];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [switching, setSwitching] = useState(false);
  const video = snapshot.call?.media !== 'audio';
  const hasCamera = Boolean(snapshot.localStream?.getVideoTracks().length);
  const hasMicrophone = Boolean(snapshot.localStream?.getAudioTracks().length);
  const Microphone = snapshot.microphoneOn ? icons.microphone : icons.microphoneMuted;
  return (
    <div className="call-controls" role="toolbar" aria-label={t('call.controls')}>
      <button
        type="button"
        className="call-control"
        aria-pressed={!snapshot.microphoneOn}
        disabled={!hasMicrophone}
        onClick={() => controller.setMicrophone(!snapshot.microphoneOn)}
        data-testid="call-mic"
      >
        <Microphone aria-hidden />
        <span>{snapshot.microphoneOn ? t('call.mute') : t('call.unmute')}</span>
      </button>
      {video && (
        <button
          type="button"
          className="call-control"
          aria-pressed={!snapshot.cameraOn}
          disabled={!hasCamera}
          onClick={() => controller.setCamera(!snapshot.cameraOn)}
          data-testid="call-camera"
        >
          <icons.camera aria-hidden />
          <span>{snapshot.cameraOn ? t('call.cameraOff') : t('call.cameraOn')}</span>
        </button>
      )}
      {video && (
        <button
          type="button"
          className="call-control"
          disabled={!hasCamera || switching}
          onClick={() => {
            setSwitching(true);
            void controller.switchCamera().finally(() => setSwitching(false));
          }}
          data-testid="call-switch-camera"
        >
          <icons.switchCamera aria-hidden />
          <span>{t('call.switchCamera')}</span>
        </button>
      )}
      {children}
      <button
        type="button"
        className="call-control call-control-hangup"
        onClick={() => void controller.hangUp()}
        data-testid="call-hangup"
      >
        <icons.hangUp aria-hidden />
        <span>{snapshot.phase === 'outgoing' ? t('call.cancel') : t('call.hangUp')}</span>
      </button>
    </div>
  );
}
