import type { Alert, AlertResolutionAction } from '@careloop/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { monitoringApi, type AlertListParams } from '../api/monitoring-api';
import { monitoringKeys } from './monitoring-keys';

/** How many open alerts the menu badge counts at most; beyond it the badge says "99+". */
const OPEN_COUNT_LIMIT = 100;

/** The list's poll: slow while live updates arrive (a safety net), faster while they do not. */
const POLL_LIVE_MS = 120_000;
const POLL_OFFLINE_MS = 30_000;

/** Alerts, 50 at a time. Realtime events refresh the list as alerts come and change. */
export function useAlertList(params: Omit<AlertListParams, 'cursor'>, live: boolean) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: monitoringKeys.alertList(params, i18n.language),
    queryFn: ({ pageParam }) => monitoringApi.alerts({ ...params, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? POLL_LIVE_MS : POLL_OFFLINE_MS,
  });
}

/** Open (not yet acknowledged) alerts the person can see: the menu badge. */
export function useOpenAlertCount(enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.openCount,
    queryFn: async () => {
      const page = await monitoringApi.alerts({ status: 'open', limit: OPEN_COUNT_LIMIT });
      return { count: page.items.length, more: page.nextCursor !== null };
    },
    refetchInterval: POLL_LIVE_MS,
    enabled,
  });
}

export function useAlert(alertId: string | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: monitoringKeys.alert(alertId ?? '', i18n.language),
    queryFn: () => monitoringApi.alert(alertId ?? ''),
    enabled: !!alertId,
  });
}

export type AlertAction =
  | { kind: 'acknowledge'; alert: Pick<Alert, 'id' | 'patientId'> }
  | {
      kind: 'resolve';
      alert: Pick<Alert, 'id' | 'patientId' | 'version'>;
      note: string;
      action: AlertResolutionAction;
    }
  | { kind: 'assign'; alert: Pick<Alert, 'id' | 'patientId'>; accountId: string };

/** Acknowledge, resolve or assign an alert; every alert list, the board and the patient's tab refresh after. */
export function useAlertAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: AlertAction) => {
      switch (action.kind) {
        case 'acknowledge':
          return monitoringApi.acknowledge(action.alert.id);
        case 'resolve':
          return monitoringApi.resolve(action.alert.id, {
            note: action.note,
            action: action.action,
            version: action.alert.version,
          });
        case 'assign':
          return monitoringApi.assign(action.alert.id, action.accountId);
      }
    },
    onSettled: (_data, _error, action) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: monitoringKeys.alerts }),
        queryClient.invalidateQueries({ queryKey: monitoringKeys.board }),
        queryClient.invalidateQueries({ queryKey: monitoringKeys.patient(action.alert.patientId) }),
      ]),
  });
}
