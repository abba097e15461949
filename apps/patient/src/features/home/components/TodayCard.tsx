import { CheckCircleOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';

/** Today's medicines, readings and tasks. None of those modules is open yet, so the day is honestly empty. */
export function TodayCard() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="today-title" data-testid="today-card">
      <h2 id="today-title">{t('home.todayTitle')}</h2>
      <p className="card-row" style={{ justifyContent: 'flex-start' }}>
        <CheckCircleOutline aria-hidden="true" style={{ fontSize: 24, color: 'var(--adm-color-success)' }} />
        {t('home.todayEmpty')}
      </p>
    </section>
  );
}
