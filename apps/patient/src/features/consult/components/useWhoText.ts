import type { Consultation } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';

/** Whom a consultation is with: the doctor (with title), or the department's pool while nobody has accepted. */
export function useWhoText(c: Consultation): string {
  const { t } = useTranslation();
  if (c.doctor)
    return c.doctor.title
      ? t('consult.doctorLine', { name: c.doctor.name, title: c.doctor.title })
      : c.doctor.name;
  return t('consult.poolDoctor', { department: c.department?.name ?? '' });
}
