import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './use-me';

/** A language the person saved on their account wins over the browser's. */
export function useAccountLanguage(): void {
  const { i18n } = useTranslation();
  const saved = useMe().data?.locale;
  useEffect(() => {
    if (saved && saved !== i18n.language) void i18n.changeLanguage(saved);
  }, [saved, i18n]);
}
