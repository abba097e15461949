import type { Me, StaffRole } from '@careloop/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { authApi } from '../api/auth-api';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: authApi.me,
    staleTime: 60_000,
    // One quick retry only: while it runs the person sees a spinner instead of the sign-in form.
    retry: 1,
    retryDelay: 500,
    // Several components read this query; after a failure (server down) a newly mounted one must not start the
    // look-up again, or the sign-in page would flip between spinner and form forever.
    retryOnMount: false,
  });
}

/** The signed-in staff member; only call below RequireStaff, which guarantees one. */
export function useStaffMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useStaffMe outside RequireStaff');
  return data;
}

export function useSetMe() {
  const queryClient = useQueryClient();
  return useCallback((me: Me | null) => queryClient.setQueryData(ME_KEY, me), [queryClient]);
}

export function hasAnyRole(me: Pick<Me, 'roles'>, roles: readonly StaffRole[]): boolean {
  return me.roles.some((role) => roles.includes(role));
}

export function orgNameOf(me: Me): string | null {
  return me.memberships.find((m) => m.orgId === me.orgId)?.orgName ?? me.memberships[0]?.orgName ?? null;
}
