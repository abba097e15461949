import type { ConsultationMessage } from '@careloop/contracts';
import { useCallback, useEffect, useRef } from 'react';
import { emitCommand, useRealtimeStatus } from '../../../api/realtime.ts';
import { highestSeq } from '../lib/timeline.ts';

const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

function visible(): boolean {
  return typeof document === 'undefined' || document.visibilityState === 'visible';
}

/**
 * Tells the other side what this device has: every message up to the highest held has been delivered here, and
 * read while the chat is on screen (not in a background tab). Only receipts that move forward are sent.
 */
export function useReceiptsSender(consultationId: string, messages: readonly ConsultationMessage[]): void {
  const status = useRealtimeStatus();
  const sent = useRef({ deliveredSeq: 0, readSeq: 0 });
  const highest = highestSeq(messages);

  const report = useCallback(() => {
    if (status !== 'connected' || highest === 0) return;
    const readSeq = visible() ? highest : sent.current.readSeq;
    if (highest <= sent.current.deliveredSeq && readSeq <= sent.current.readSeq) return;
    const next = { deliveredSeq: Math.max(highest, sent.current.deliveredSeq), readSeq };
    emitCommand('consultations.receipt', { consultationId, ...next }, 5_000)
      .then((ack) => {
        if (ack.ok) sent.current = next;
      })
      .catch(() => undefined); // sent again with the next message or on reconnect
  }, [consultationId, highest, status]);

  useEffect(() => {
    report();
    document.addEventListener('visibilitychange', report);
    return () => document.removeEventListener('visibilitychange', report);
  }, [report]);
}

/** "Typing…" for the other side: said when typing starts (repeated while it goes on), unsaid after a pause or a send. */
export function useTypingSender(consultationId: string): { typing: () => void; stopped: () => void } {
  const lastSaid = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const say = useCallback(
    (typing: boolean) => {
      emitCommand('consultations.typing', { consultationId, typing }, 3_000).catch(() => undefined);
    },
    [consultationId],
  );

  const stopped = useCallback(() => {
    clearTimeout(idleTimer.current);
    if (lastSaid.current === 0) return;
    lastSaid.current = 0;
    say(false);
  }, [say]);

  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastSaid.current > TYPING_REPEAT_MS) {
      lastSaid.current = now;
      say(true);
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopped, TYPING_IDLE_MS);
  }, [say, stopped]);

  useEffect(() => () => clearTimeout(idleTimer.current), []);
  return { typing, stopped };
}
