import { WarningFilled } from '@ant-design/icons';
import type { Allergy, PatientProfile } from '@careloop/contracts';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ageOn, formatDateTime } from '../../../lib/format';
import { useRecordSummary } from '../hooks/use-record';

/** A severe allergy to a drug: the one thing a prescriber must never miss. */
export function isSevereDrugAllergy(allergy: Pick<Allergy, 'category' | 'severity' | 'status'>): boolean {
  return allergy.status === 'active' && allergy.category === 'drug' && allergy.severity === 'severe';
}

/**
 * The strip under the patient's name on every tab: sex and age, MRN, and the allergies — red and first when a
 * severe drug allergy is on file, so they cannot be missed whichever tab is open.
 */
export function PatientHeaderStrip({ patientId, profile }: { patientId: string; profile: PatientProfile }) {
  const { t, i18n } = useTranslation();
  const summary = useRecordSummary(patientId);
  const age = ageOn(profile.birthDate);
  const allergies = summary.data?.allergies ?? [];
  const severe = allergies.filter(isSevereDrugAllergy);

  return (
    <section className="patient-strip" aria-label={t('record.header.label')} data-testid="patient-strip">
      <div className="patient-strip__facts">
        <span>{t(`sex.${profile.sex}`)}</span>
        {age !== null ? <span>{t('patients.ageYears', { count: age })}</span> : null}
        <span>
          {t('record.header.mrn')} <span className="patient-strip__mrn">{profile.mrn}</span>
        </span>
        {summary.data?.lastUpdatedAt ? (
          <span className="muted">
            {t('record.header.updated', { time: formatDateTime(summary.data.lastUpdatedAt, i18n.language) })}
          </span>
        ) : null}
      </div>
      {summary.isPending ? (
        <Skeleton.Button active size="small" className="patient-strip__loading" />
      ) : summary.isError ? null : (
        <div
          className={
            severe.length > 0
              ? 'patient-allergies patient-allergies--severe'
              : allergies.length > 0
                ? 'patient-allergies patient-allergies--some'
                : 'patient-allergies'
          }
          data-testid="allergy-badge"
          data-severe={severe.length > 0}
        >
          {allergies.length > 0 ? <WarningFilled aria-hidden className="patient-allergies__icon" /> : null}
          <strong>
            {severe.length > 0
              ? t('record.header.severeAllergy')
              : allergies.length > 0
                ? t('record.header.allergies')
                : t('record.header.noAllergies')}
          </strong>
          {allergies.length > 0 ? (
            <ul className="patient-allergies__list">
              {[...severe, ...allergies.filter((a) => !isSevereDrugAllergy(a))].map((allergy) => (
                <li key={allergy.id}>
                  {allergy.substance}
                  {allergy.reaction ? ` (${allergy.reaction})` : ''}
                  {' · '}
                  {t(`record.allergySeverity.${allergy.severity}`)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </section>
  );
}
