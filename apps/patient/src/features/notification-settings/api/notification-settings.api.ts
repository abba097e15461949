import type {
  NotificationPreferences,
  NotificationPreferencesUpdate,
  PushSubscriptionInput,
} from '@careloop/contracts';
import { api, request } from '../../../api/client.ts';

export function fetchPreferences(): Promise<NotificationPreferences> {
  return api.get('/me/notification-preferences');
}

export function savePreferences(body: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
  return request('PUT', '/me/notification-preferences', body);
}

export function fetchVapidKey(): Promise<{ publicKey: string }> {
  return api.get('/notifications/vapid-public-key');
}

export function saveSubscription(subscription: PushSubscriptionInput): Promise<unknown> {
  return api.post('/me/push-subscriptions', subscription);
}

export function removeSubscription(endpoint: string): Promise<unknown> {
  return api.delete(`/me/push-subscriptions?endpoint=${encodeURIComponent(endpoint)}`);
}
