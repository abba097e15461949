import type { MonitoringSummary } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { FactList } from './FactList.tsx';

/** Steps, sleep, resting heart rate and oxygen: averages over the period, from devices and imports. */
export function ActivityCard({ summary }: { summary: MonitoringSummary }) {
  const { t, i18n } = useTranslation();
  const n = (v: number, digits = 0) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  const { stepsPerDay, sleepHoursPerNight, restingHeartRate, spo2Mean } = summary;
  if (stepsPerDay === null && sleepHoursPerNight === null && restingHeartRate === null && spo2Mean === null) {
    return null;
  }
  return (
    <section
      className="card stack metric-card"
      aria-labelledby="metric-activity-title"
      data-testid="metric-activity"
    >
      <h2 id="metric-activity-title">{t('monitoring.activity.title')}</h2>
      {stepsPerDay !== null && <p>{t('monitoring.activity.stepsSentence', { value: n(stepsPerDay) })}</p>}
      {sleepHoursPerNight !== null && (
        <p>{t('monitoring.activity.sleepSentence', { value: n(sleepHoursPerNight, 1) })}</p>
      )}
      <FactList
        facts={[
          stepsPerDay !== null
            ? { label: t('monitoring.activity.steps'), value: n(stepsPerDay), testId: 'metric-steps' }
            : null,
          sleepHoursPerNight !== null
            ? {
                label: t('monitoring.activity.sleep'),
                value: t('monitoring.activity.hours', { value: n(sleepHoursPerNight, 1) }),
                testId: 'metric-sleep',
              }
            : null,
          restingHeartRate !== null
            ? {
                label: t('monitoring.activity.restingHeartRate'),
                value: `${n(restingHeartRate)} ${t('unit.perMinute')}`,
              }
            : null,
          spo2Mean !== null
            ? {
                label: t('monitoring.activity.spo2'),
                value: t('monitoring.percent', { value: n(spo2Mean, 1) }),
              }
            : null,
        ]}
      />
    </section>
  );
}
