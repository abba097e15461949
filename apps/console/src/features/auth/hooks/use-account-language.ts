import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './use-me';

// Starting an MFA enrolment is a POST that makes a new secret; it must never re-run behind the person's back.
const NEVER_REFETCH = new Set(['mfa-enrolment']);

/**
 * A language saved on the account wins over the browser's. When the language changes, answers the server
 * localized (organization and department names, messages) are fetched again in the new language.
 */
export function useAccountLanguage(): void {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useMe().data?.locale;
  const language = i18n.language;
  const previous = useRef(language);

  useEffect(() => {
    if (saved && saved !== i18n.language) void i18n.changeLanguage(saved);
  }, [saved, i18n]);

  useEffect(() => {
    if (previous.current === language) return;
    previous.current = language;
    void queryClient.invalidateQueries({
      predicate: (query) => !NEVER_REFETCH.has(String(query.queryKey[0])),
    });
  }, [language, queryClient]);
}
