import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorNotice } from '../../../ui/Notice.tsx';
import { usePatientProfile } from '../hooks/usePatientProfile.ts';
import { formatDate } from './format.ts';

/** Whose record this is: name, sex, birth date and record number, with the way to the full profile. */
export function ProfileSummaryCard({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const profile = usePatientProfile(patientId);
  if (profile.error) return <ErrorNotice error={profile.error} />;
  if (!profile.data) return null;
  const p = profile.data;
  const facts: [string, string][] = [
    [t('records.name'), p.name],
    [t('records.sex'), t(`sex.${p.sex}`)],
    [t('records.birthDate'), formatDate(p.birthDate, i18n.language)],
    [t('records.mrn'), p.mrn],
  ];
  return (
    <section className="card" aria-labelledby="record-profile-title">
      <div className="card-row" style={{ marginBottom: 8 }}>
        <h2 id="record-profile-title">{t('records.demographics')}</h2>
        <Link to="/records/profile" className="text-link" data-testid="records-profile-link">
          {t('sections.profile')}
        </Link>
      </div>
      <dl className="profile-facts" data-testid="records-demographics">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
