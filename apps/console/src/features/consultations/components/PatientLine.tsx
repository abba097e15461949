import type { Consultation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** 张伟 · 男 · 45 岁 */
export function PatientLine({ patient }: { patient: Consultation['patient'] }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="consult-patient__name">{patient.name}</span>
      <span className="consult-patient__meta">
        {' · '}
        {t(`sex.${patient.sex}`)}
        {' · '}
        {t('patients.ageYears', { count: patient.ageYears })}
      </span>
    </>
  );
}
