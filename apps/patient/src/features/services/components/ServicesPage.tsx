import { useTranslation } from 'react-i18next';
import { LinkList } from '../../../ui/LinkList.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';

/** The services open now: symptom check, booking, one's appointments, prescriptions and medications. */
export function ServicesPage() {
  const { t } = useTranslation();
  return (
    <div className="page stack">
      <PageHeader title={t('services.title')} />
      <LinkList
        label={t('services.title')}
        entries={[
          {
            to: '/triage',
            label: t('triage.entry.title'),
            extra: t('triage.entry.hint'),
            testId: 'services-triage',
          },
          {
            to: '/book',
            label: t('appointments.entry.book'),
            extra: t('appointments.entry.bookHint'),
            testId: 'services-book',
          },
          {
            to: '/appointments',
            label: t('appointments.entry.mine'),
            extra: t('appointments.entry.mineHint'),
            testId: 'services-appointments',
          },
          {
            to: '/pharmacy/prescriptions',
            label: t('pharmacy.entry'),
            extra: t('pharmacy.entryHint'),
            testId: 'services-prescriptions',
          },
          {
            to: '/medications/today',
            label: t('meds.entry'),
            extra: t('meds.entryHint'),
            testId: 'services-medications',
          },
        ]}
      />
    </div>
  );
}
