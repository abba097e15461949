import { useQuery } from '@tanstack/react-query';
import { fetchMyPatients } from '../api/profiles.api.ts';

export const myPatientsQueryKey = ['my-patients'] as const;

export function useMyPatients() {
  return useQuery({ queryKey: myPatientsQueryKey, queryFn: fetchMyPatients });
}
