import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useActingProfile } from '../../profiles/hooks/acting-profile-context.ts';
import { recordKeys } from '../../records/hooks/record-keys.ts';
import { adviceOf } from '../lib/advice-queue.ts';
import { queueStorageKey } from '../lib/outbox.ts';
import { adviceQueue, readingOutbox } from '../hooks/monitoring-stores.ts';
import { monitoringKeys } from '../hooks/monitoring-keys.ts';
import { useMonitoringPush } from '../hooks/useMonitoringPush.ts';
import { AdviceDialog } from './AdviceDialog.tsx';

/** While readings wait, the queue is tried again this often (a server that was down may be back). */
const RETRY_MS = 30_000;

/**
 * Work that goes on whatever page is open: readings typed offline are sent when the app starts and when the
 * phone comes back online; every answer refreshes the screens and brings up the advice of any alert it raised;
 * pushed alerts do the same.
 */
export function MonitoringBackground() {
  const queryClient = useQueryClient();
  const { profiles } = useActingProfile();
  const patientIds = useMemo(() => profiles.map((p) => p.patient.id), [profiles]);
  useMonitoringPush(patientIds);

  useEffect(
    () =>
      readingOutbox.onSent(({ entry, result }) => {
        void queryClient.invalidateQueries({ queryKey: monitoringKeys.all(entry.patientId) });
        void queryClient.invalidateQueries({ queryKey: recordKeys.all(entry.patientId) });
        adviceQueue.show(adviceOf(result.alerts, entry.patientId));
      }),
    [queryClient],
  );

  useEffect(() => {
    if (patientIds.length === 0) return;
    const flushAll = () => {
      for (const id of patientIds) if (readingOutbox.pending(id).length > 0) void readingOutbox.flush(id);
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key && patientIds.some((id) => event.key === queueStorageKey(id))) readingOutbox.refresh();
    };
    flushAll();
    window.addEventListener('online', flushAll);
    window.addEventListener('storage', onStorage);
    const timer = window.setInterval(flushAll, RETRY_MS);
    return () => {
      window.removeEventListener('online', flushAll);
      window.removeEventListener('storage', onStorage);
      window.clearInterval(timer);
    };
  }, [patientIds]);

  return <AdviceDialog />;
}
