import { useQuery } from '@tanstack/react-query';
import {
  fetchAnalytes,
  fetchDocuments,
  fetchEntries,
  fetchLifestyle,
  fetchObservationCodes,
  fetchRecordSummary,
  fetchSeries,
  type EntrySection,
} from '../api/records.api.ts';
import { recordKeys } from './record-keys.ts';

export function useRecordSummary(patientId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.summary(patientId ?? ''),
    queryFn: () => fetchRecordSummary(patientId ?? ''),
    enabled: patientId !== undefined,
  });
}

export function useObservationCodes(patientId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.codes(patientId ?? ''),
    queryFn: () => fetchObservationCodes(patientId ?? ''),
    enabled: patientId !== undefined,
  });
}

/** One or two series (blood pressure draws systolic and diastolic together) from `from` on. */
export function useSeries(patientId: string | undefined, codes: readonly string[], from: string | undefined) {
  return useQuery({
    queryKey: [...recordKeys.series(patientId ?? '', codes.join('+'), from)],
    queryFn: () => Promise.all(codes.map((code) => fetchSeries(patientId ?? '', code, from))),
    enabled: patientId !== undefined && codes.length > 0,
    placeholderData: (previous) => previous,
  });
}

export function useEntries<S extends EntrySection>(patientId: string | undefined, section: S) {
  return useQuery({
    queryKey: recordKeys.entries(patientId ?? '', section),
    queryFn: () => fetchEntries(patientId ?? '', section),
    enabled: patientId !== undefined,
  });
}

export function useLifestyle(patientId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.lifestyle(patientId ?? ''),
    queryFn: () => fetchLifestyle(patientId ?? ''),
    enabled: patientId !== undefined,
  });
}

export function useDocuments(patientId: string | undefined) {
  return useQuery({
    queryKey: recordKeys.documents(patientId ?? ''),
    queryFn: () => fetchDocuments(patientId ?? ''),
    enabled: patientId !== undefined,
  });
}

/** The analytes a reading can be recorded for; the table changes only with a release. */
export function useAnalytes() {
  return useQuery({ queryKey: ['codes', 'analytes'], queryFn: fetchAnalytes, staleTime: Infinity });
}
