import type { AlertBrief } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** Open urgent alerts that tell the patient what to do now, in a banner at the top of the page. */
export function UrgentAdvice({ alerts }: { alerts: readonly AlertBrief[] }) {
  const { t } = useTranslation();
  const urgent = alerts.filter((a) => a.severity === 'urgent' && a.patientAdvice?.trim());
  if (urgent.length === 0) return null;
  return (
    <section
      className="urgent-banner"
      role="alert"
      aria-labelledby="urgent-title"
      data-testid="urgent-advice"
    >
      <h2 id="urgent-title">
        <span aria-hidden="true">⚠ </span>
        {t('monitoring.urgent.title')}
      </h2>
      <ul>
        {urgent.map((a) => (
          <li key={a.id} data-testid="urgent-advice-item">
            <p className="advice-text">{a.patientAdvice}</p>
            {a.message && <p className="urgent-why">{t('monitoring.urgent.why', { message: a.message })}</p>}
          </li>
        ))}
      </ul>
      <p className="urgent-why">{t('monitoring.urgent.careTeam')}</p>
    </section>
  );
}
