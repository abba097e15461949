import type { Me } from '@careloop/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { setCsrfToken } from '../../../api/client.ts';
import { fetchMe } from '../api/auth.api.ts';

export const meQueryKey = ['me'] as const;

async function loadMe(): Promise<Me | null> {
  const me = await fetchMe();
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: loadMe, staleTime: 60_000 });
}

/** The signed-in account; only for components rendered behind the sign-in gate. */
export function useAccount(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useAccount used outside the signed-in area');
  return data;
}

/** Stores a fresh `Me` answer (sign-in, preferences) as the current account. */
export function useAcceptMe() {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
    [queryClient],
  );
}
