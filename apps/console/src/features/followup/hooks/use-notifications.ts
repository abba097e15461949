import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRealtimeEvent } from '../../../api/realtime';
import { followUpApi } from '../api/followup-api';

const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The signed-in person's notifications: re-read when the server announces a new one, and every 30 s. */
export function useNotifications() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  useRealtimeEvent('notifications.notification.created', () => {
    void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  });
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, i18n.language],
    queryFn: followUpApi.notifications,
    refetchInterval: 30_000,
    staleTime: 10_000,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string | 'all') =>
      notificationId === 'all' ? followUpApi.markAllRead() : followUpApi.markRead(notificationId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
