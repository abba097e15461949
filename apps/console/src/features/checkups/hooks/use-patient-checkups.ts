import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkupsApi } from '../api/checkups-api';

export const reportKeys = {
  list: (patientId: string) => ['patients', patientId, 'checkups'] as const,
  // Explanations and item names come in the request's language: one cache entry per language.
  one: (patientId: string, reportId: string, language: string) =>
    ['patients', patientId, 'checkups', reportId, language] as const,
};

/** A patient's checkup reports, newest first. */
export function usePatientReports(patientId: string) {
  return useInfiniteQuery({
    queryKey: reportKeys.list(patientId),
    queryFn: ({ pageParam }) => checkupsApi.reports(patientId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCheckupReport(patientId: string, reportId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: reportKeys.one(patientId, reportId, i18n.language),
    queryFn: () => checkupsApi.report(patientId, reportId),
  });
}
