import type { AccessiblePatient } from '@careloop/contracts';
import { useQuery } from '@tanstack/react-query';
import { fetchMyPatients } from '../api/profiles.api.ts';

export const myPatientsQueryKey = ['my-patients'] as const;

function rank(p: AccessiblePatient): number {
  if (p.relationship === 'self') return 0;
  return p.via === 'own' ? 1 : 2;
}

/** The account holder first, then family members they manage, then people who granted them access. */
function ordered(profiles: AccessiblePatient[]): AccessiblePatient[] {
  return [...profiles].sort((a, b) => rank(a) - rank(b));
}

export function useMyPatients() {
  return useQuery({ queryKey: myPatientsQueryKey, queryFn: fetchMyPatients, select: ordered });
}
