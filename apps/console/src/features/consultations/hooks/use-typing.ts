import { useCallback, useEffect, useRef, useState } from 'react';
import { emitVolatile, useRealtimeEvent } from '../../../api/realtime';

/** "Typing" goes out at most this often while keys are pressed, and stops after this long without one. */
const REPEAT_MS = 3_000;
const IDLE_MS = 4_000;
/** The other side's indicator goes away by itself if their "stopped" never comes. */
const PEER_TIMEOUT_MS = 8_000;

/**
 * Typing both ways: `typed()` on each change of the draft tells the others (throttled, stopped when idle or
 * sent); `peerTyping` is whether someone else in this consultation is typing now, `typers` their account ids.
 */
export function useTyping(consultationId: string, myAccountId: string) {
  const [typers, setTypers] = useState<ReadonlySet<string>>(() => new Set());
  const lastSent = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const peerTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const stopped = useCallback(() => {
    clearTimeout(idle.current);
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    emitVolatile('consultations.typing', { consultationId, typing: false });
  }, [consultationId]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current > REPEAT_MS) {
      lastSent.current = now;
      emitVolatile('consultations.typing', { consultationId, typing: true });
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopped, IDLE_MS);
  }, [consultationId, stopped]);

  useRealtimeEvent('consultations.typing.changed', (event) => {
    if (event.consultationId !== consultationId || event.accountId === myAccountId) return;
    const timers = peerTimers.current;
    clearTimeout(timers.get(event.accountId));
    const remove = () =>
      setTypers((prev) => {
        const next = new Set(prev);
        next.delete(event.accountId);
        return next;
      });
    if (event.typing) {
      setTypers((prev) => new Set(prev).add(event.accountId));
      timers.set(event.accountId, setTimeout(remove, PEER_TIMEOUT_MS));
    } else {
      timers.delete(event.accountId);
      remove();
    }
  });

  useEffect(() => {
    const timers = peerTimers.current;
    return () => {
      stopped();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [stopped]);

  return { typed, stopped, peerTyping: typers.size > 0, typers };
}
