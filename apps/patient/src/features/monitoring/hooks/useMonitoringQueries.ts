import type { ReadingType } from '@careloop/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchDevices, fetchMonitoringSummary, fetchReadings } from '../api/monitoring.api.ts';
import { startOfLocalDay } from '../lib/today.ts';
import { monitoringKeys } from './monitoring-keys.ts';

/** Most readings a chart asks for; a sensor's 90 days can hold more, and the newest are kept. */
export const READING_LIMIT = 5000;

export function useMonitoringSummary(patientId: string | undefined, days: number) {
  return useQuery({
    queryKey: monitoringKeys.summary(patientId ?? '', days),
    queryFn: () => fetchMonitoringSummary(patientId ?? '', days),
    enabled: patientId !== undefined,
    placeholderData: (previous) => previous,
  });
}

/** Today's readings of every type, newest first (today in the phone's time zone). */
export function useTodayReadings(patientId: string | undefined) {
  const from = startOfLocalDay(new Date()).toISOString();
  return useQuery({
    queryKey: monitoringKeys.readings(patientId ?? '', 'all', from),
    queryFn: () => fetchReadings(patientId ?? '', { from, limit: 500 }),
    enabled: patientId !== undefined,
  });
}

/** One type's readings over the last `days` days. */
export function useReadingsOver(patientId: string, type: ReadingType, days: number) {
  // The period is fixed when it is chosen, so the query key stays put between renders.
  const period = useMemo(() => {
    const to = Date.now();
    return { from: to - days * 86_400_000, to };
  }, [days]);
  const from = new Date(period.from).toISOString();
  const query = useQuery({
    queryKey: monitoringKeys.readings(patientId, type, from),
    queryFn: () => fetchReadings(patientId, { type, from, limit: READING_LIMIT }),
    placeholderData: (previous) => previous,
  });
  return { query, period };
}

export function useDevices(patientId: string) {
  return useQuery({ queryKey: monitoringKeys.devices(patientId), queryFn: () => fetchDevices(patientId) });
}
