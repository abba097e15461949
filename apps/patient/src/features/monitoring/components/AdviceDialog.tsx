import { Button } from 'antd-mobile';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ReadAloudButton } from '../../home/components/ReadAloudButton.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { adviceQueue } from '../hooks/monitoring-stores.ts';

const subscribe = (listener: () => void) => adviceQueue.subscribe(listener);
const current = () => adviceQueue.current();

/**
 * The advice of an alert a reading raised ("take 15 g of fast sugar, measure again in 15 minutes"), in a modal
 * dialog: the one pop-up the app allows itself, because it says what to do now. It stays until it is closed.
 */
export function AdviceDialog() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { profiles, acting, setActingId } = useActingProfile();
  const item = useSyncExternalStore(subscribe, current);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (item && !dialog.open) dialog.showModal?.();
    if (!item && dialog.open) dialog.close();
  }, [item]);

  const profile = item ? profiles.find((p) => p.patient.id === item.patientId) : undefined;
  const forWhom =
    profile && profile.relationship !== 'self'
      ? t('monitoring.advice.forProfile', {
          name: profile.patient.name,
          relationship: t(`relationship.${profile.relationship}`),
        })
      : null;
  const title =
    item?.severity === 'urgent' ? t('monitoring.advice.urgentTitle') : t('monitoring.advice.title');

  function openMonitoring() {
    if (item && acting?.patient.id !== item.patientId && profile) setActingId(item.patientId);
    adviceQueue.dismiss();
    void navigate('/monitoring');
  }

  return (
    <dialog
      ref={ref}
      className={`advice-dialog${item?.severity === 'urgent' ? ' is-urgent' : ''}`}
      aria-labelledby="advice-title"
      aria-describedby="advice-text"
      onCancel={(event) => {
        event.preventDefault();
        adviceQueue.dismiss();
      }}
      data-testid="advice-dialog"
    >
      {item && (
        <div className="stack">
          <h2 id="advice-title">
            <span aria-hidden="true">⚠ </span>
            {title}
          </h2>
          {forWhom && <p className="advice-for">{forWhom}</p>}
          <p id="advice-text" className="advice-text" data-testid="advice-text">
            {item.advice}
          </p>
          <p className="muted">{t('monitoring.advice.careTeam')}</p>
          <ReadAloudButton text={[title, forWhom, item.advice].filter(Boolean).join('. ')} />
          <div className="actions" style={{ marginTop: 0 }}>
            <Button color="primary" block onClick={() => adviceQueue.dismiss()} data-testid="advice-ok">
              {t('monitoring.advice.ok')}
            </Button>
            <Button fill="outline" color="primary" block onClick={openMonitoring}>
              {t('monitoring.advice.open')}
            </Button>
          </div>
        </div>
      )}
    </dialog>
  );
}
