import { useQuery } from '@tanstack/react-query';
import { fetchPatient } from '../../profiles/api/profiles.api.ts';

export const patientQueryKey = (id: string) => ['patient', id] as const;

export function usePatientProfile(id: string | undefined) {
  return useQuery({
    queryKey: patientQueryKey(id ?? ''),
    queryFn: () => fetchPatient(id ?? ''),
    enabled: id !== undefined,
  });
}
