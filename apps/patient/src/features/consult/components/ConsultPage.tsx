import { MessageOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';

/** Online consultation is not built yet; the page says so rather than showing anything invented. */
export function ConsultPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeader title={t('consult.title')} />
      <section className="card" data-testid="consult-empty">
        <EmptyState icon={<MessageOutline />} title={t('consult.emptyTitle')} body={t('consult.emptyBody')} />
      </section>
    </div>
  );
}
