import { AppstoreOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';

/** Booking, triage and pharmacy are not open yet, so no entry is shown for them. */
export function ServicesPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('services.title')} />
      <section className="card" data-testid="services-empty">
        <EmptyState
          icon={<AppstoreOutline />}
          title={t('services.emptyTitle')}
          body={t('services.emptyBody')}
        />
      </section>
    </div>
  );
}
