import { useSyncExternalStore } from 'react';
import { getElderMode, setElderModeOnDevice, subscribeElderMode } from '../elder-store.ts';
import { useSavePreferences } from './useSavePreferences.ts';

export function useElderMode() {
  const elderMode = useSyncExternalStore(subscribeElderMode, getElderMode);
  const preferences = useSavePreferences();
  return {
    elderMode,
    setElderMode: (on: boolean) => {
      setElderModeOnDevice(on);
      preferences.save({ elderMode: on });
    },
    saveError: preferences.error,
  };
}
