import type { Me } from '@careloop/contracts';
import { ApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';

/** The signed-in account, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const authApi = {
  login: (identifier: string, password: string) => api.post<Me>('/auth/login', { identifier, password }),
  sendSmsCode: (phone: string) => api.post<unknown>('/auth/sms-code', { phone }),
  smsLogin: (phone: string, code: string) => api.post<Me>('/auth/sms-login', { phone, code }),
  register: (input: { phone: string; code: string; password: string; name: string }) =>
    api.post<Me>('/auth/register', input),
  requestPasswordReset: (identifier: string) => api.post<unknown>('/auth/password-reset', { identifier }),
  confirmPasswordReset: (input: { identifier: string; code: string; newPassword: string }) =>
    api.post<unknown>('/auth/password-reset/confirm', input),
  logout: () => api.post<unknown>('/auth/logout'),
};
