import type { TriageRedFlag } from '@careloop/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface EmergencyCardProps {
  redFlags: readonly TriageRedFlag[];
  number: string;
  onCall: () => void;
}

/**
 * Red flags come before anything else: what was recognised, what to do now, and a call button. It takes the
 * focus and is announced at once (role="alert"), so nobody has to scroll or read the rest to find it.
 */
export function EmergencyCard({ redFlags, number, onCall }: EmergencyCardProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  return (
    <section
      ref={ref}
      className="triage-emergency"
      role="alert"
      aria-labelledby="triage-emergency-title"
      tabIndex={-1}
      data-testid="triage-emergency"
    >
      <h2 id="triage-emergency-title">
        <span aria-hidden="true">⚠ </span>
        {t('triage.emergency.title')}
      </h2>
      <ul className="triage-flags">
        {redFlags.map((f) => (
          <li key={f.id} data-testid="triage-red-flag" data-flag={f.id}>
            <strong>{f.label}</strong>
            <p>{f.advice}</p>
          </li>
        ))}
      </ul>
      <a className="triage-call" href={`tel:${number}`} onClick={onCall} data-testid="triage-call">
        {t('triage.emergency.call', { number })}
      </a>
      <h3>{t('triage.emergency.nowTitle')}</h3>
      <ol className="triage-now">
        <li>{t('triage.emergency.now1')}</li>
        <li>{t('triage.emergency.now2')}</li>
        <li>{t('triage.emergency.now3')}</li>
        <li>{t('triage.emergency.now4')}</li>
      </ol>
    </section>
  );
}
