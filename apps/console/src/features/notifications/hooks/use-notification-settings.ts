import type { DeliveryLogQuery, NotificationPreferencesUpdate } from '@careloop/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api/notifications-api';

const PREFERENCES_KEY = ['notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({ queryKey: PREFERENCES_KEY, queryFn: notificationsApi.preferences });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesUpdate) => notificationsApi.savePreferences(body),
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES_KEY, saved),
    onError: () => void queryClient.invalidateQueries({ queryKey: PREFERENCES_KEY }),
  });
}

export type DeliveryFilters = Pick<Partial<DeliveryLogQuery>, 'status' | 'channel' | 'kind'>;

/** The organization's delivery log, newest first, a page of 50 at a time. */
export function useDeliveryLog(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: ['notification-deliveries', filters],
    queryFn: ({ pageParam }) => notificationsApi.deliveries({ ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
