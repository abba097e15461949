import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRecordPatient } from '../../records/hooks/useRecordPatient.ts';
import { fetchTodayDoses } from '../api/medications.api.ts';

/** On the home page, when the profile has doses today: how many are left, and the way to the Today list. */
export function TodayMedsCard() {
  const { t } = useTranslation();
  const { patientId } = useRecordPatient();
  const query = useQuery({
    queryKey: ['medications', 'today', patientId],
    queryFn: () => fetchTodayDoses(patientId!),
    enabled: patientId !== undefined,
  });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  const left = items.filter((d) => d.status === 'pending').length;
  return (
    <section className="card" aria-labelledby="meds-card-title" data-testid="today-meds-card">
      <h2 id="meds-card-title">{t('meds.today.cardTitle')}</h2>
      <p className="card-row">
        <span>{left > 0 ? t('meds.today.cardSummary', { count: left }) : t('meds.today.cardDone')}</span>
        <Link to="/medications/today" className="text-link">
          {t('meds.entry')}
        </Link>
      </p>
    </section>
  );
}
