import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { recordsApi } from '../api/records-api';
import type { TimelineKind } from '../lib/record-types';
import { rangeStart, type TimeRange } from '../lib/time-range';
import { recordKeys } from './record-keys';

export function useRecordSummary(patientId: string) {
  return useQuery({ queryKey: recordKeys.summary(patientId), queryFn: () => recordsApi.summary(patientId) });
}

/** The timeline page by page ("load more" with the cursor), keeping what is shown while a new filter loads. */
export function useTimeline(patientId: string, kinds: readonly TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: recordKeys.timeline(patientId, kinds),
    queryFn: ({ pageParam }) => recordsApi.timeline(patientId, { kinds, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useObservationCodes(patientId: string) {
  return useQuery({
    queryKey: recordKeys.codes(patientId),
    queryFn: async () => (await recordsApi.observationCodes(patientId)).items,
  });
}

export function useSeries(patientId: string, code: string | null, range: TimeRange) {
  const from = rangeStart(range);
  return useQuery({
    queryKey: recordKeys.series(patientId, code ?? '', from),
    queryFn: () => recordsApi.series(patientId, { code: code ?? '', from }),
    enabled: !!code,
    placeholderData: keepPreviousData,
  });
}

/** The last values of one code, newest first (the table under the chart; text results included). */
export function useRecentObservations(patientId: string, code: string | null, limit = 10) {
  return useQuery({
    queryKey: recordKeys.recent(patientId, code ?? ''),
    queryFn: async () => (await recordsApi.observations(patientId, { code: code ?? '', limit })).items,
    enabled: !!code,
  });
}

export function useIcd10Search(q: string) {
  return useQuery({
    queryKey: recordKeys.icd10(q),
    queryFn: async () => (await recordsApi.icd10(q)).items,
    enabled: q.trim().length > 0,
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useAnalytes() {
  return useQuery({
    queryKey: recordKeys.analytes,
    queryFn: async () => (await recordsApi.analytes()).items,
    staleTime: 60 * 60_000,
  });
}
