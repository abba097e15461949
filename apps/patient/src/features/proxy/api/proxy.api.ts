import type { ProxyGrant, ProxyScope } from '@careloop/contracts';
import { api, itemsOf } from '../../../api/client.ts';

type ListAnswer = ProxyGrant[] | { items: ProxyGrant[] };

export const proxyApi = {
  listGiven: async (patientId: string) =>
    itemsOf(await api.get<ListAnswer>(`/patients/${encodeURIComponent(patientId)}/proxy-grants`)),
  listReceived: async () => itemsOf(await api.get<ListAnswer>('/me/proxy-grants')),
  create: (patientId: string, grant: { grantee: string; scopes: ProxyScope[]; expiresAt: string }) =>
    api.post<ProxyGrant>(`/patients/${encodeURIComponent(patientId)}/proxy-grants`, grant),
  revoke: (patientId: string, grantId: string) =>
    api.post<unknown>(
      `/patients/${encodeURIComponent(patientId)}/proxy-grants/${encodeURIComponent(grantId)}/revoke`,
    ),
};

export type GrantState = 'active' | 'revoked' | 'expired';

export function grantState(grant: ProxyGrant, now = Date.now()): GrantState {
  if (grant.revokedAt) return 'revoked';
  return new Date(grant.expiresAt).getTime() <= now ? 'expired' : 'active';
}
