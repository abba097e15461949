import type { ConsultationChangedEvent } from '@careloop/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useRealtimeEvent } from '../../../api/realtime';
import { consultationKeys } from './consultation-keys';

/**
 * Keeps the queue current: a consultation created or changed (accepted by someone, cancelled, closed) and a new
 * message (unread counts, last activity) refresh the lists. Mounted once, in the shell (the menu's badge).
 */
export function useConsultationsLive() {
  const queryClient = useQueryClient();
  const changed = useCallback(
    (event: ConsultationChangedEvent) => {
      void queryClient.invalidateQueries({ queryKey: consultationKeys.lists });
      void queryClient.invalidateQueries({ queryKey: consultationKeys.one(event.id) });
    },
    [queryClient],
  );
  useRealtimeEvent('consultations.consultation.created', changed);
  useRealtimeEvent('consultations.consultation.updated', changed);
  useRealtimeEvent('consultations.message.created', (event) => {
    void queryClient.invalidateQueries({ queryKey: consultationKeys.list('mine') });
    // A first reply activates it (status, version); an open workspace shows the fresh state.
    void queryClient.invalidateQueries({ queryKey: consultationKeys.one(event.consultationId) });
  });
}
