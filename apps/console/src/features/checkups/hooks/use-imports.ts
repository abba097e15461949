import type { CheckupImportJob } from '@careloop/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { checkupsApi } from '../api/checkups-api';
import { isActive } from '../lib/import-progress';

export const importKeys = {
  all: ['checkup-imports'] as const,
  history: ['checkup-imports', 'history'] as const,
  // The server words a job's error and its problems in the request's language: one cache entry per language.
  job: (jobId: string, language: string) => ['checkup-imports', 'job', jobId, language] as const,
  problems: (jobId: string, cursor: string | undefined, language: string, known: number) =>
    ['checkup-imports', 'problems', jobId, cursor ?? '', language, known] as const,
};

/** Recent imports, newest first, ten at a time. Refreshes every few seconds while one of them still runs. */
export function useImportHistory() {
  return useInfiniteQuery({
    queryKey: importKeys.history,
    queryFn: ({ pageParam }) => checkupsApi.imports(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((job) => isActive(job.status))) ? 5_000 : false,
  });
}

/** One import job, polled every second while the server works on it; polling stops once it has ended. */
export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: importKeys.job(jobId ?? '', i18n.language),
    queryFn: async () => {
      const job = await checkupsApi.importJob(jobId ?? '');
      if (!isActive(job.status)) {
        // The history table and the unmapped list change when a job ends.
        void queryClient.invalidateQueries({ queryKey: importKeys.history });
        void queryClient.invalidateQueries({ queryKey: ['checkup-unmapped'] });
      }
      return job;
    },
    enabled: jobId !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? 1_000 : false),
    refetchIntervalInBackground: false,
  });
}

/**
 * One page of an import's problems. While the job runs the first page fills up, so its key carries the problem
 * count the job reports: a new count loads it again (the old rows stay on screen meanwhile).
 */
export function useImportProblems(jobId: string, cursor: string | undefined, problemCount: number) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: importKeys.problems(jobId, cursor, i18n.language, cursor === undefined ? problemCount : 0),
    queryFn: () => checkupsApi.problems(jobId, cursor),
    placeholderData: keepPreviousData,
  });
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { files: File[]; onProgress: (fraction: number) => void }) =>
      checkupsApi.upload(args.files, args.onProgress),
    onSuccess: (created) => {
      queryClient.setQueryData(importKeys.job(created.job.id, currentLanguage()), created.job);
      void queryClient.invalidateQueries({ queryKey: importKeys.history });
    },
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => checkupsApi.cancel(jobId),
    onSuccess: (job: CheckupImportJob) => {
      queryClient.setQueryData(importKeys.job(job.id, currentLanguage()), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.history });
    },
  });
}
