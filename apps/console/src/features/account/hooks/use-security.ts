import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { itemsOf } from '../../../lib/page';
import { authApi } from '../../auth/api/auth-api';
import { tokensApi } from '../api/tokens-api';
import type { ApiTokenScope } from '../../../api/types';

const SESSIONS = ['auth', 'sessions'] as const;
const TOKENS = ['api-tokens'] as const;

export function useSessions() {
  return useQuery({ queryKey: SESSIONS, queryFn: async () => itemsOf(await authApi.sessions()) });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) =>
      authApi.changePassword(currentPassword, newPassword),
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: TOKENS, queryFn: async () => itemsOf(await tokensApi.list()) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: ApiTokenScope[]; expiresAt?: string }) =>
      tokensApi.create(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: tokensApi.revoke,
    onSettled: () => queryClient.invalidateQueries({ queryKey: TOKENS }),
  });
}
