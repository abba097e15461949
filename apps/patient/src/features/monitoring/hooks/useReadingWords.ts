import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitWords } from '../lib/reading-format.ts';

/** The unit words of the reader's language, for formatReadingValue. */
export function useReadingWords(): UnitWords {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      perMinute: t('unit.perMinute'),
      steps: t('monitoring.units.steps'),
      duration: (hours: number, minutes: number) => t('monitoring.units.duration', { hours, minutes }),
    }),
    [t],
  );
}
