import { useCallback, useSyncExternalStore } from 'react';
import { ChatOutbox, memoryStore, type KeyValueStore, type OutboxMessage } from '../lib/outbox.ts';

function browserStore(): KeyValueStore {
  try {
    const probe = 'careloop.storageProbe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return memoryStore();
  }
}

/** The app's one outbox of consultation messages (localStorage), shared by every screen that shows them. */
export const chatOutbox = new ChatOutbox(browserStore());

export function useOutboxPending(consultationId: string): readonly OutboxMessage[] {
  const subscribe = useCallback((listener: () => void) => chatOutbox.subscribe(listener), []);
  return useSyncExternalStore(
    subscribe,
    () => chatOutbox.pending(consultationId),
    () => chatOutbox.pending(consultationId),
  );
}
