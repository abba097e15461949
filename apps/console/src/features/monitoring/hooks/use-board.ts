import type { BoardStatus, MonitoringSettingsInput } from '@careloop/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { monitoringApi } from '../api/monitoring-api';
import { monitoringKeys } from './monitoring-keys';

/** The population board, most at risk first (the server's order), 50 patients at a time; counts come with each page. */
export function useBoard(status: BoardStatus | undefined) {
  return useInfiniteQuery({
    queryKey: monitoringKeys.boardList(status),
    queryFn: ({ pageParam }) => monitoringApi.board({ status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 120_000,
  });
}

export function useMonitoringSettings() {
  return useQuery({ queryKey: monitoringKeys.settings, queryFn: monitoringApi.settings });
}

export function useSaveMonitoringSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MonitoringSettingsInput) => monitoringApi.saveSettings(input),
    onSuccess: (saved) => queryClient.setQueryData(monitoringKeys.settings, saved),
  });
}
