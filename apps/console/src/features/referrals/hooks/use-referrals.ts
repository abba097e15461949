import type { Referral } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { referralsApi, type ReferralBox } from '../api/referrals-api';

export const referralKeys = {
  all: ['referrals'] as const,
  list: (view: ReferralBox) => ['referrals', 'list', view] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  record: (id: string) => ['referrals', 'record', id] as const,
  targets: ['referrals', 'targets'] as const,
};

export function useReferralTargets(enabled: boolean) {
  return useQuery({
    queryKey: referralKeys.targets,
    queryFn: referralsApi.targets,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useReferralList(view: ReferralBox) {
  return useQuery({ queryKey: referralKeys.list(view), queryFn: () => referralsApi.list(view) });
}

export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.one(id), queryFn: () => referralsApi.get(id) });
}

/** The shared record: asked for only when the referral says the caller may read it now. */
export function useReferralRecord(id: string, enabled: boolean) {
  return useQuery({
    queryKey: referralKeys.record(id),
    queryFn: () => referralsApi.record(id),
    enabled,
    retry: false,
  });
}

/** A step on one referral; the answer is the whole referral, stored, and the lists refreshed. */
export function useReferralStep<T>(id: string, step: (input: T) => Promise<Referral>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: (referral) => {
      queryClient.setQueryData(referralKeys.one(id), referral);
      void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
      void queryClient.invalidateQueries({ queryKey: referralKeys.record(id) });
    },
  });
}
