import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchCheckupReport, fetchCheckups } from '../api/checkups.api.ts';

export const checkupKeys = {
  list: (patientId: string) => ['record', patientId, 'checkups'] as const,
  report: (patientId: string, reportId: string) => ['record', patientId, 'checkups', reportId] as const,
};

/** The patient's checkup reports, newest first, a page at a time. */
export function useCheckups(patientId: string | undefined) {
  return useInfiniteQuery({
    queryKey: checkupKeys.list(patientId ?? ''),
    queryFn: ({ pageParam }) => fetchCheckups(patientId ?? '', pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: patientId !== undefined,
  });
}

export function useCheckupReport(patientId: string | undefined, reportId: string | undefined) {
  return useQuery({
    queryKey: checkupKeys.report(patientId ?? '', reportId ?? ''),
    queryFn: () => fetchCheckupReport(patientId ?? '', reportId ?? ''),
    enabled: patientId !== undefined && reportId !== undefined,
  });
}
