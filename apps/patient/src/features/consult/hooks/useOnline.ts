import { useEffect, useState } from 'react';
import type { RealtimeStatus } from '../../../api/realtime.ts';

const GRACE_MS = 4_000;

/**
 * Whether to tell the person that messages will wait: the browser is offline, or the live connection has been
 * down for a few seconds (not the moment of opening the page, before it first connects).
 */
export function useChatPresenceOnline(status: RealtimeStatus): boolean {
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);
  const [downLong, setDownLong] = useState(false);
  useEffect(() => {
    const up = () => setBrowserOnline(true);
    const down = () => setBrowserOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  useEffect(() => {
    if (status === 'connected') {
      setDownLong(false);
      return;
    }
    const timer = setTimeout(() => setDownLong(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return browserOnline && !downLong;
}
