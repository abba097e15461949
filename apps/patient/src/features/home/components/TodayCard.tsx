import { CheckCircleOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { MonitoringToday } from '../../monitoring/components/MonitoringToday.tsx';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';

/** Today: the readings left to measure (from the care team's plan) and the way into home monitoring. Medicines
 *  and tasks are not open yet. */
export function TodayCard() {
  const { t } = useTranslation();
  const { patientId } = useRecordPatient();
  return (
    <section className="card" aria-labelledby="today-title" data-testid="today-card">
      <h2 id="today-title">{t('home.todayTitle')}</h2>
      <MonitoringToday
        patientId={patientId}
        empty={
          <p className="card-row" style={{ justifyContent: 'flex-start' }}>
            <CheckCircleOutline
              aria-hidden="true"
              style={{ fontSize: 24, color: 'var(--adm-color-success)' }}
            />
            {t('home.todayEmpty')}
          </p>
        }
      />
    </section>
  );
}
