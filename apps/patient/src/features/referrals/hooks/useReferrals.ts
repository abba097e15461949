import type { Referral } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answerReferral, fetchMyReferrals, fetchReferral, type ConsentAction } from '../api/referrals.api.ts';

export const referralKeys = {
  all: ['referrals'] as const,
  list: ['referrals', 'list'] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
};

export function useMyReferrals() {
  return useQuery({ queryKey: referralKeys.list, queryFn: fetchMyReferrals });
}

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.one(id), queryFn: () => fetchReferral(id) });
}

export function useAnswerReferral(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: ConsentAction; version?: number; reason?: string }) =>
      answerReferral(id, input.action, {
        ...(input.version !== undefined ? { version: input.version } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    onSuccess: (referral: Referral) => {
      queryClient.setQueryData(referralKeys.one(id), referral);
      void queryClient.invalidateQueries({ queryKey: referralKeys.list });
    },
  });
}
