import type { CallController, CallSnapshot } from './call-controller.ts';
import type { PeerStats } from './call-session.ts';

/** What the browser tests read from the page: the call's state and each connection's inbound byte count. */
export interface CallProbe {
  stats(): Promise<PeerStats[]>;
  snapshot(): CallSnapshot;
}

declare global {
  interface Window {
    __careloopCall?: CallProbe;
  }
}

/**
 * Puts the open call screen's controller on `window.__careloopCall` (only counts and states: no media, no
 * personal data), for the two-browser test to watch media arrive. Returns the function that takes it away.
 */
export function exposeForTests(controller: CallController): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const probe: CallProbe = { stats: () => controller.stats(), snapshot: () => controller.getSnapshot() };
  window.__careloopCall = probe;
  return () => {
    if (window.__careloopCall === probe) delete window.__careloopCall;
  };
}
