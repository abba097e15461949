import type { Me, SessionInfo } from '@careloop/contracts';
import { ApiError, api, setCsrfToken } from '../../../api/client';
import type { MfaEnrolment, RecoveryCodes } from '../../../api/types';

/** Every answer that carries `Me` also carries the CSRF token the next write must send. */
function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

export const authApi = {
  /** The signed-in account, or null when there is no session. */
  async me(): Promise<Me | null> {
    try {
      return remember(await api.get<Me>('/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  login: async (identifier: string, password: string) =>
    remember(await api.post<Me>('/auth/login', { identifier, password })),
  logout: async () => {
    await api.post<unknown>('/auth/logout');
    setCsrfToken(null);
  },
  startEnrolment: () => api.post<MfaEnrolment>('/auth/mfa/enrolment'),
  confirmEnrolment: (code: string) => api.post<RecoveryCodes>('/auth/mfa/enrolment/confirm', { code }),
  verifyMfa: async (code: string) => remember(await api.post<Me>('/auth/mfa/verify', { code })),
  setLocale: async (locale: 'zh-CN' | 'en-US') =>
    remember(await api.patch<Me>('/me/preferences', { locale })),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<unknown>('/auth/password', { currentPassword, newPassword }),
  sessions: () => api.get<SessionInfo[] | { items: SessionInfo[] }>('/auth/sessions'),
  revokeSession: (id: string) => api.post<unknown>(`/auth/sessions/${encodeURIComponent(id)}/revoke`),
};
