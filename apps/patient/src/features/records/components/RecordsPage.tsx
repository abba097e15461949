import { useTranslation } from 'react-i18next';
import { ProfileSwitcher } from '../../profiles/components/ProfileSwitcher.tsx';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { RecordFrame } from './RecordFrame.tsx';
import { RecordOverview } from './RecordOverview.tsx';

/** 健康档案: the record of the selected profile at a glance, with its sections as entries. */
export function RecordsPage() {
  const { t } = useTranslation();
  const { profiles } = useActingProfile();
  const switcher =
    profiles.length > 1 ? (
      <section className="card" aria-labelledby="records-switcher-title">
        <h2 id="records-switcher-title" style={{ marginBottom: 8 }}>
          {t('home.switcherTitle')}
        </h2>
        <ProfileSwitcher labelledBy="records-switcher-title" />
      </section>
    ) : null;
  return (
    <RecordFrame title={t('health.title')} top={switcher}>
      {(record) => <RecordOverview key={record.patientId} {...record} />}
    </RecordFrame>
  );
}
