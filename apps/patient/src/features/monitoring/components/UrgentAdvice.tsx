import type { AlertBrief } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** The same advice from several alerts (two low readings) is said once, with each alert's reason under it. */
function byAdvice(alerts: readonly AlertBrief[]): { advice: string; ids: string[]; reasons: string[] }[] {
  const groups = new Map<string, { advice: string; ids: string[]; reasons: string[] }>();
  for (const a of alerts) {
    const advice = a.patientAdvice?.trim();
    if (!advice) continue;
    const group = groups.get(advice) ?? { advice, ids: [], reasons: [] };
    group.ids.push(a.id);
    if (a.message && !group.reasons.includes(a.message)) group.reasons.push(a.message);
    groups.set(advice, group);
  }
  return [...groups.values()];
}

/** Open urgent alerts that tell the patient what to do now, in a banner at the top of the page. */
export function UrgentAdvice({ alerts }: { alerts: readonly AlertBrief[] }) {
  const { t } = useTranslation();
  const groups = byAdvice(alerts.filter((a) => a.severity === 'urgent'));
  if (groups.length === 0) return null;
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
        {groups.map((g) => (
          <li key={g.ids.join()} data-testid="urgent-advice-item">
            <p className="advice-text">{g.advice}</p>
            {g.reasons.map((reason) => (
              <p key={reason} className="urgent-why">
                {t('monitoring.urgent.why', { message: reason })}
              </p>
            ))}
          </li>
        ))}
      </ul>
      <p className="urgent-why">{t('monitoring.urgent.careTeam')}</p>
    </section>
  );
}
