import type { CallUpdatedEvent } from '@careloop/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallBindings } from './bindings.ts';
import './call.css';

/**
 * An incoming call anywhere in the app: who calls, Answer (opens the call screen and answers there) or Decline.
 * Mounted once in the signed-in shell; gone when the call is answered, ends, or rings out.
 */
export function IncomingCallBanner({ bindings }: { bindings: CallBindings }) {
  const { t } = useTranslation();
  const selfId = bindings.useSelfId();
  const navigate = bindings.useNavigate();
  const { pathname } = bindings.useLocation();
  const [ringing, setRinging] = useState<CallUpdatedEvent | null>(null);

  bindings.useEvent(
    'calls.call.updated',
    useCallback(
      (event: CallUpdatedEvent) => {
        const forMe =
          event.state === 'ringing' && event.startedBy.id !== selfId && !event.inCall.includes(selfId);
        setRinging((current) => (forMe ? event : current?.id === event.id ? null : current));
      },
      [selfId],
    ),
  );

  if (!ringing || pathname === bindings.paths.call(ringing.consultationId)) return null;
  const audio = ringing.media === 'audio';
  const Ringing = bindings.icons.ringing;
  return (
    <div
      className="call-banner"
      role="alertdialog"
      aria-labelledby="call-banner-title"
      data-testid="call-banner"
    >
      <Ringing className="call-banner-icon" aria-hidden />
      <div className="call-banner-text">
        <p id="call-banner-title" className="call-banner-title">
          {t(audio ? 'call.banner.titleAudio' : 'call.banner.title')}
        </p>
        <p>{t('call.banner.body', { name: ringing.startedBy.name })}</p>
      </div>
      <div className="call-banner-actions">
        <button
          type="button"
          className="call-action call-action-decline"
          onClick={() => {
            setRinging(null);
            void bindings
              .send('calls.leave', { callId: ringing.id, reason: 'declined' })
              .catch(() => undefined);
          }}
          data-testid="call-banner-decline"
        >
          {t('call.decline')}
        </button>
        <button
          type="button"
          className="call-action call-action-answer"
          onClick={() => {
            setRinging(null);
            void navigate(`${bindings.paths.call(ringing.consultationId)}?answer=${ringing.id}`);
          }}
          data-testid="call-banner-answer"
        >
          {t('call.answer')}
        </button>
      </div>
    </div>
  );
}
