import type { NotificationPreferencesUpdate } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import {
  fetchPreferences,
  fetchVapidKey,
  removeSubscription,
  savePreferences,
  saveSubscription,
} from '../api/notification-settings.api.ts';
import { currentSubscription, pushSupport, subscribe, type PushSupport } from '../lib/web-push.ts';

export const preferencesKey = ['notification-preferences'] as const;

export function usePreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: fetchPreferences });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) => savePreferences(body),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
    // A stale version (someone saved from another device) shows the current settings again.
    onError: () => void queryClient.invalidateQueries({ queryKey: preferencesKey }),
  });
}

export type DeviceState = PushSupport | 'on' | 'off' | 'declined';

/** Whether this device receives web push, and switching it on or off. */
export function usePushDevice() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<DeviceState>(() => pushSupport());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (pushSupport() !== 'supported') return;
    void currentSubscription().then((s) => setState(s ? 'on' : 'off'));
  }, []);

  const run = useCallback(
    async (work: () => Promise<DeviceState>) => {
      setBusy(true);
      setError(null);
      try {
        setState(await work());
        await queryClient.invalidateQueries({ queryKey: preferencesKey });
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [queryClient],
  );

  const enable = () =>
    run(async () => {
      const { publicKey } = await fetchVapidKey();
      const subscription = await subscribe(publicKey);
      if (!subscription) return pushSupport() === 'denied' ? 'denied' : 'declined';
      await saveSubscription(subscription);
      return 'on';
    });

  const disable = () =>
    run(async () => {
      const subscription = await currentSubscription();
      if (subscription) {
        await removeSubscription(subscription.endpoint).catch(() => undefined);
        await subscription.unsubscribe();
      }
      return 'off';
    });

  return { state, busy, error, enable, disable };
}
