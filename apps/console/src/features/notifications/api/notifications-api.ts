import type {
  DeliveryLog,
  DeliveryLogQuery,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '@careloop/contracts';
import { api } from '../../../api/client';

export const notificationsApi = {
  preferences: () => api.get<NotificationPreferences>('/me/notification-preferences'),
  savePreferences: (body: NotificationPreferencesUpdate) =>
    api.put<NotificationPreferences>('/me/notification-preferences', body),
  deliveries: (query: Partial<DeliveryLogQuery>) =>
    api.get<DeliveryLog>('/notification-deliveries', { ...query }),
};
