import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useRealtimeEvent, useRealtimeStatus, type RealtimeEventOf } from '../../../api/realtime.ts';
import { fetchMyQueue } from '../api/scheduling.api.ts';
import { appointmentKeys } from './appointment-keys.ts';

// Without a live connection the queue is asked for again this often, so the place shown never gets far behind.
const POLL_WHILE_OFFLINE_MS = 30_000;

/**
 * My place in the session's queue, fetched again whenever the server says that session's queue changed
 * (`scheduling.queue.updated`); the event is only a hint, the place itself always comes over HTTP.
 */
export function useLiveQueue(appointmentId: string) {
  const queryClient = useQueryClient();
  const status = useRealtimeStatus();
  const queue = useQuery({
    queryKey: appointmentKeys.queue(appointmentId),
    queryFn: () => fetchMyQueue(appointmentId),
    refetchInterval: status === 'connected' ? false : POLL_WHILE_OFFLINE_MS,
  });
  const sessionId = queue.data?.sessionId;
  useRealtimeEvent(
    'scheduling.queue.updated',
    useCallback(
      (event: RealtimeEventOf<'scheduling.queue.updated'>) => {
        if (sessionId !== undefined && event.sessionId !== sessionId) return;
        void queryClient.invalidateQueries({ queryKey: appointmentKeys.queue(appointmentId) });
        void queryClient.invalidateQueries({ queryKey: appointmentKeys.one(appointmentId) });
      },
      [queryClient, appointmentId, sessionId],
    ),
  );
  return { queue, live: status === 'connected' };
}
