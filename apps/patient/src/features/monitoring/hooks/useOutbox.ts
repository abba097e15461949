import { useCallback, useSyncExternalStore } from 'react';
import { readingOutbox } from './monitoring-stores.ts';

const subscribe = (listener: () => void) => readingOutbox.subscribe(listener);

/** The readings of a patient waiting on this phone to be sent. */
export function usePendingReadings(patientId: string) {
  return useSyncExternalStore(
    subscribe,
    useCallback(() => readingOutbox.pending(patientId), [patientId]),
  );
}

/** What the server answered for readings sent from the queue in the background. */
export function useRecentSends(patientId: string) {
  return useSyncExternalStore(
    subscribe,
    useCallback(() => readingOutbox.recent(patientId), [patientId]),
  );
}

/** Whether the browser believes it is online, kept current by its events. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine !== false,
  );
}
