import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useRealtimeEvent, type RealtimeEventOf } from '../../../api/realtime.ts';
import { recordKeys } from '../../records/hooks/record-keys.ts';
import { fetchMonitoringSummary } from '../api/monitoring.api.ts';
import { adviceOf } from '../lib/advice-queue.ts';
import { adviceQueue } from './monitoring-stores.ts';
import { monitoringKeys } from './monitoring-keys.ts';

/** The summary the monitoring page opens with; a push reads the same one, so the page is current as well. */
export const SUMMARY_DAYS = 14;

/**
 * Live updates for the profiles this account may see: a new reading (from a device, another phone) refreshes
 * the monitoring screens; a new alert refreshes them too and, when it tells the patient what to do now, shows it.
 */
export function useMonitoringPush(patientIds: readonly string[]): void {
  const queryClient = useQueryClient();
  const known = useCallback((patientId: string) => patientIds.includes(patientId), [patientIds]);

  useRealtimeEvent(
    'monitoring.readings.stored',
    useCallback(
      (event: RealtimeEventOf<'monitoring.readings.stored'>) => {
        if (!known(event.patientId)) return;
        void queryClient.invalidateQueries({ queryKey: monitoringKeys.all(event.patientId) });
        void queryClient.invalidateQueries({ queryKey: recordKeys.all(event.patientId) });
      },
      [known, queryClient],
    ),
  );

  useRealtimeEvent(
    'alerts.alert.created',
    useCallback(
      (event: RealtimeEventOf<'alerts.alert.created'>) => {
        if (!known(event.patientId)) return;
        void queryClient.invalidateQueries({ queryKey: monitoringKeys.all(event.patientId) });
        if (event.severity !== 'urgent') return;
        void queryClient
          .fetchQuery({
            queryKey: monitoringKeys.summary(event.patientId, SUMMARY_DAYS),
            queryFn: () => fetchMonitoringSummary(event.patientId, SUMMARY_DAYS),
          })
          .then((summary) =>
            adviceQueue.show(
              adviceOf(
                summary.openAlerts.filter((a) => a.id === event.id),
                event.patientId,
              ),
            ),
          )
          .catch(() => {
            // The alert is on the monitoring page and in the inbox; a failed fetch here loses nothing.
          });
      },
      [known, queryClient],
    ),
  );
}
