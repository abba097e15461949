import { AdviceQueue } from '../lib/advice-queue.ts';
import { memoryStore, ReadingOutbox, type KeyValueStore } from '../lib/outbox.ts';
import { sendReadings } from '../api/monitoring.api.ts';

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

/** The phone's queue of readings not yet on the server; one per app so two screens never send a reading twice. */
export const readingOutbox = new ReadingOutbox(
  browserStore(),
  sendReadings,
  () => navigator.onLine !== false,
);

/** Advice from alerts, shown one at a time wherever the person is in the app. */
export const adviceQueue = new AdviceQueue();
