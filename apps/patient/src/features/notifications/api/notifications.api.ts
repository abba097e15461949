import type { NotificationList } from '@careloop/contracts';
import { api } from '../../../api/client.ts';

export function fetchNotifications(cursor?: string): Promise<NotificationList> {
  const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return api.get(`/me/notifications?limit=30${query}`);
}

export function markNotificationRead(id: string): Promise<unknown> {
  return api.post(`/me/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllNotificationsRead(): Promise<unknown> {
  return api.post('/me/notifications/read-all');
}
