import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInfo, CallSnapshot } from '../call-controller.ts';
import { formatDuration } from '../call-state.ts';
import type { CallBindings } from './bindings.ts';
import { CallControls } from './call-controls.tsx';
import { CallVideo } from './call-video.tsx';
import { useCallController } from './use-call-controller.ts';
import './call.css';

type Translate = ReturnType<typeof useTranslation>['t'];

/** Ticks once a second while a call runs. */
function useSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

function statusText(t: Translate, s: CallSnapshot, seconds: number, caller: string): string {
  switch (s.phase) {
    case 'idle':
      return s.call?.state === 'ended' ? t(`call.ended.${s.call.endReason ?? 'hangup'}`) : '';
    case 'incoming':
      return t(s.call?.media === 'audio' ? 'call.status.incomingAudio' : 'call.status.incoming', {
        name: caller,
      });
    case 'joinable':
      return t('call.status.joinable');
    case 'starting':
      return t('call.status.starting');
    case 'outgoing':
      return t('call.status.outgoing');
    case 'joining':
      return t('call.status.joining');
    case 'in-call':
      if (s.connection === 'reconnecting') return t('call.status.reconnecting');
      if (s.connection !== 'connected') return t('call.status.connecting');
      return t('call.status.duration', { time: formatDuration(seconds) });
    case 'ended':
      return t(`call.ended.${s.call?.endReason ?? 'hangup'}`);
  }
}

/** The other side of the consultation as the app knows it: the doctor for the patient, the patient for staff. */
export interface CallCounterpart {
  name: string;
  /** Their account, when the app knows it; then a member it cannot name is someone else (a guest). */
  accountId?: string;
}

/** The name under a member's video: the counterpart, whoever started the call, else the counterpart or "other". */
function peerNameOf(
  t: Translate,
  peerId: string,
  call: CallInfo | null,
  counterpart: CallCounterpart | null,
): string {
  if (counterpart?.accountId !== undefined && peerId === counterpart.accountId) return counterpart.name;
  if (peerId === call?.startedBy.id) return call.startedBy.name;
  return (counterpart?.accountId === undefined ? counterpart?.name : undefined) ?? t('call.other');
}

/** The call screen's heading; the app names the browser tab after it too, in its own way. */
export function useCallTitle(counterpart: CallCounterpart | null): string {
  const { t } = useTranslation();
  return counterpart ? t('call.titleWith', { name: counterpart.name }) : t('call.title');
}

export interface CallScreenProps {
  bindings: CallBindings;
  consultationId: string;
  counterpart: CallCounterpart | null;
  /** The app's own buttons in the call's toolbar, before hang-up. */
  controls?: ReactNode;
  /** The app's own overlays (dialogs) inside the screen. */
  children?: ReactNode;
}

/** A consultation's call screen: start or answer, the videos, the controls. Keyed by consultation in the app. */
export function CallScreen({ bindings, consultationId, counterpart, controls, children }: CallScreenProps) {
  const { t } = useTranslation();
  const { Link } = bindings;
  const title = useCallTitle(counterpart);
  const selfId = bindings.useSelfId();
  // The call to answer at once: the banner's "Answer" led here (?answer=<call id>).
  const answerCallId = new URLSearchParams(bindings.useLocation().search).get('answer');
  const { controller, snapshot: s } = useCallController(bindings, consultationId, selfId, answerCallId);
  const peerName = (peerId: string) => peerNameOf(t, peerId, s.call, counterpart);
  const caller = s.call?.startedBy.name || counterpart?.name || t('call.other');
  const seconds = useSeconds(s.phase === 'in-call' ? s.activeSince : null);
  const status = statusText(t, s, seconds, caller);
  const inside = s.phase === 'outgoing' || s.phase === 'joining' || s.phase === 'in-call';
  const video = (s.call?.media ?? 'video') === 'video';

  return (
    <div className="call-page" data-testid="call-page" data-phase={s.phase} data-connection={s.connection}>
      <header className="call-header">
        <Link to={bindings.paths.chat(consultationId)} className="call-back" data-testid="call-back">
          <span aria-hidden="true">‹&nbsp;</span>
          {t('call.backToChat')}
        </Link>
        <h1>{title}</h1>
        <p className="call-status" role="status" aria-live="polite" data-testid="call-status">
          {status}
        </p>
      </header>

      <section className="call-stage" aria-label={t('call.stage')}>
        {s.remotes.length > 0 ? (
          <div className={`call-remotes call-remotes-${Math.min(s.remotes.length, 2)}`}>
            {s.remotes.map((r) => (
              <CallVideo
                key={r.peerId}
                stream={r.stream}
                label={t('call.remoteVideo', { name: peerName(r.peerId) })}
                className={`call-video${video ? '' : ' call-video-hidden'}`}
                testId="call-remote-video"
              />
            ))}
          </div>
        ) : (
          <div className="call-placeholder" aria-hidden="true">
            {(counterpart?.name ?? caller).slice(0, 1)}
          </div>
        )}
        {s.localStream && video && (
          <CallVideo
            stream={s.localStream}
            label={t('call.localVideo')}
            local
            className={`call-video call-preview${s.cameraOn ? '' : ' call-preview-off'}`}
            testId="call-local-video"
          />
        )}
        {s.connection === 'reconnecting' && s.phase === 'in-call' && (
          <p className="call-reconnecting" data-testid="call-reconnecting">
            {t('call.status.reconnecting')}
          </p>
        )}
      </section>

      {s.error && (
        <p className="call-error" role="alert" data-testid="call-error">
          {t(`call.errors.${s.error}`, { defaultValue: t('call.errors.generic') })}
        </p>
      )}

      {inside ? (
        <CallControls controller={controller} snapshot={s} icons={bindings.icons}>
          {controls}
        </CallControls>
      ) : (
        <div className="call-actions">
          {s.phase === 'incoming' && (
            <>
              <button
                type="button"
                className="call-action call-action-decline"
                onClick={() => void controller.decline()}
                data-testid="call-decline"
              >
                {t('call.decline')}
              </button>
              <button
                type="button"
                className="call-action call-action-answer"
                onClick={() => void controller.answer()}
                data-testid="call-answer"
              >
                {t('call.answer')}
              </button>
            </>
          )}
          {s.phase === 'joinable' && (
            <button
              type="button"
              className="call-action call-action-answer"
              onClick={() => void controller.answer()}
              data-testid="call-join"
            >
              {t('call.join')}
            </button>
          )}
          {(s.phase === 'idle' || s.phase === 'ended') && (
            <>
              <button
                type="button"
                className="call-action call-action-answer"
                onClick={() => void controller.start('video')}
                data-testid="call-start-video"
              >
                {s.phase === 'ended' ? t('call.callAgain') : t('call.startVideo')}
              </button>
              <button
                type="button"
                className="call-action"
                onClick={() => void controller.start('audio')}
                data-testid="call-start-audio"
              >
                {t('call.startAudio')}
              </button>
            </>
          )}
          {s.phase === 'starting' && <p className="call-status">{t('call.status.starting')}</p>}
        </div>
      )}
      {children}
    </div>
  );
}
