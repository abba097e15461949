import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../api/notifications.api.ts';
import { useRealtimeEvent } from '../../../api/realtime.ts';

export const notificationsKey = ['notifications'] as const;

/** The inbox, newest first; re-read when the server announces a new notification, and every minute. */
export function useNotifications() {
  const queryClient = useQueryClient();
  useRealtimeEvent('notifications.notification.created', () => {
    void queryClient.invalidateQueries({ queryKey: notificationsKey });
  });
  return useInfiniteQuery({
    queryKey: notificationsKey,
    queryFn: ({ pageParam }) => fetchNotifications(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? markAllNotificationsRead() : markNotificationRead(id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
