import { useEffect } from 'react';
import { useRealtimeStatus } from '../../../api/realtime.ts';
import { chatOutbox } from './chat-outbox.ts';
import { sendOnce } from './useChatSend.ts';

/**
 * Sends what waits in the outboxes of these consultations even when their chat is not open (a message typed
 * offline, then the app reopened on the consult home): now, on every reconnection and when the network returns.
 */
export function useOutboxFlusher(consultationIds: readonly string[]): void {
  const socketUp = useRealtimeStatus() === 'connected';
  const key = consultationIds.join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const flushAll = () => {
      for (const id of ids)
        if (chatOutbox.pending(id).some((e) => !e.refused))
          void chatOutbox.flush(id, (entry) => sendOnce(entry, socketUp, () => undefined));
    };
    flushAll();
    window.addEventListener('online', flushAll);
    return () => window.removeEventListener('online', flushAll);
  }, [key, socketUp]);
}
