import type { Locale } from '@careloop/contracts';
import { useMutation } from '@tanstack/react-query';
import { useAcceptMe, useMe } from '../../auth/hooks/useMe.ts';
import { savePreferences } from '../api/preferences.api.ts';

/** Saves to the account when someone is signed in; signed out, the device keeps the choice alone. */
export function useSavePreferences() {
  const { data: me } = useMe();
  const acceptMe = useAcceptMe();
  const mutation = useMutation({
    mutationFn: savePreferences,
    onSuccess: acceptMe,
  });
  return {
    save: (preferences: { locale?: Locale; elderMode?: boolean }) => {
      if (me && me.mfa === 'ok') mutation.mutate(preferences);
    },
    error: mutation.error,
    isPending: mutation.isPending,
  };
}
