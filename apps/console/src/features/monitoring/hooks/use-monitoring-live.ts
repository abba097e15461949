import type { AlertChangedEvent } from '@careloop/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtimeEvent } from '../../../api/realtime';
import { monitoringKeys } from './monitoring-keys';

/** How long a newly arrived urgent alert stays highlighted in the inbox. */
export const HIGHLIGHT_MS = 12_000;

/**
 * Keeps every alert view current: a created or changed alert refreshes the alert lists and counts, the board and
 * that patient's monitoring tab. Mounted once, in the shell (the menu's alert badge), so each event refreshes once.
 */
export function useAlertsLive() {
  const queryClient = useQueryClient();
  const refresh = useCallback(
    (event: AlertChangedEvent) => {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.alerts });
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.board });
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.patient(event.patientId) });
    },
    [queryClient],
  );
  useRealtimeEvent('alerts.alert.created', refresh);
  useRealtimeEvent('alerts.alert.updated', refresh);
}

/** New readings of this patient refresh their monitoring tab (summary, curves, devices' last seen). */
export function usePatientReadingsLive(patientId: string) {
  const queryClient = useQueryClient();
  useRealtimeEvent('monitoring.readings.stored', (event) => {
    if (event.patientId === patientId) {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.patient(patientId) });
    }
  });
}

/**
 * Urgent alerts created while the inbox is open: their ids (for a short highlight, without sound) and how many
 * have come, for a polite screen-reader announcement.
 */
export function useNewUrgentAlerts(): { ids: ReadonlySet<string>; arrived: number } {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const [arrived, setArrived] = useState(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useRealtimeEvent('alerts.alert.created', (event) => {
    if (event.severity !== 'urgent') return;
    setIds((prev) => new Set(prev).add(event.id));
    setArrived((n) => n + 1);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setIds((prev) => {
        const next = new Set(prev);
        next.delete(event.id);
        return next;
      });
    }, HIGHLIGHT_MS);
    timers.current.add(timer);
  });

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  return { ids, arrived };
}
