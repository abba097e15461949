import { api, newIdempotencyKey } from '../../../api/client';
import type { ApiToken, ApiTokenScope, CreatedApiToken, Page } from '../../../api/types';

export const tokensApi = {
  list: () => api.get<Page<ApiToken> | ApiToken[]>('/api-tokens'),
  create: (input: { name: string; scopes: ApiTokenScope[]; expiresAt?: string }) =>
    api.post<CreatedApiToken>('/api-tokens', input, { idempotencyKey: newIdempotencyKey() }),
  revoke: (id: string) => api.post<unknown>(`/api-tokens/${encodeURIComponent(id)}/revoke`),
};
