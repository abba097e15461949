import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '../../../api/realtime';
import { schedulingKeys } from './scheduling-keys';

/**
 * Keeps queues and day views current: after every queue change (a check-in, a call, done, no-show) the server says
 * which session changed; its queue and the day lists are fetched again.
 */
export function useSchedulingLive() {
  const queryClient = useQueryClient();
  useRealtimeEvent('scheduling.queue.updated', (event) => {
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.queue(event.sessionId) });
    void queryClient.invalidateQueries({ queryKey: schedulingKeys.days });
  });
}
