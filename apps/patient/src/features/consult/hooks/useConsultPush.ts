import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useRealtimeEvent, type RealtimeEventOf } from '../../../api/realtime.ts';
import { consultKeys } from './consult-keys.ts';

/**
 * Live updates of the consultation lists and of each consultation's state: a doctor accepting, closing, a new
 * message moving a conversation to the top with its unread count. The events only say what changed; the state is
 * fetched again.
 */
export function useConsultPush(): void {
  const queryClient = useQueryClient();
  const changed = useCallback(
    (event: RealtimeEventOf<'consultations.consultation.updated' | 'consultations.consultation.created'>) => {
      void queryClient.invalidateQueries({ queryKey: consultKeys.lists });
      void queryClient.invalidateQueries({ queryKey: consultKeys.one(event.id) });
    },
    [queryClient],
  );
  useRealtimeEvent('consultations.consultation.created', changed);
  useRealtimeEvent('consultations.consultation.updated', changed);
  useRealtimeEvent(
    'consultations.message.created',
    useCallback(
      (event: RealtimeEventOf<'consultations.message.created'>) => {
        void queryClient.invalidateQueries({ queryKey: consultKeys.lists });
        // A status change (accepted, closed, a call) is told as an event message too.
        if (event.message.kind === 'event')
          void queryClient.invalidateQueries({ queryKey: consultKeys.one(event.consultationId) });
      },
      [queryClient],
    ),
  );
}
