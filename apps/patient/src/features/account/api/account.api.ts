import type { SessionInfo } from '@careloop/contracts';
import { api, itemsOf } from '../../../api/client.ts';

export const accountApi = {
  sessions: async () => itemsOf(await api.get<SessionInfo[] | { items: SessionInfo[] }>('/auth/sessions')),
  revokeSession: (id: string) => api.post<unknown>(`/auth/sessions/${encodeURIComponent(id)}/revoke`),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<unknown>('/auth/password', { currentPassword, newPassword }),
};
