import type { Me } from '@careloop/contracts';
import { useEffect, useRef } from 'react';
import { applyLocale, currentLocale } from '../../../i18n/index.ts';
import { setElderModeOnDevice } from '../elder-store.ts';
import { savePreferences } from '../api/preferences.api.ts';

/** When an account signs in, its saved elder mode and language take over from the device's. */
export function useAccountPreferences(me: Me | null | undefined): void {
  const savedLocaleFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me || me.mfa !== 'ok') return;
    setElderModeOnDevice(me.elderMode);
    if (me.locale) {
      if (me.locale !== currentLocale()) void applyLocale(me.locale);
    } else if (savedLocaleFor.current !== me.accountId) {
      // A new account has no language yet: keep the one the person is reading now (notifications use it).
      savedLocaleFor.current = me.accountId;
      savePreferences({ locale: currentLocale() }).catch(() => undefined);
    }
  }, [me]);
}
