import type { Locale } from '@careloop/contracts';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale } from '../../../i18n/index.ts';
import { useSavePreferences } from './useSavePreferences.ts';

export function useLocale() {
  useTranslation(); // re-render on language change
  const preferences = useSavePreferences();
  return {
    locale: currentLocale(),
    setLocale: (locale: Locale) => {
      void applyLocale(locale);
      preferences.save({ locale });
    },
    saveError: preferences.error,
  };
}
