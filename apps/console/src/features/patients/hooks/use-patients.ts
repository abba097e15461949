import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { PatientInput } from '@careloop/contracts';
import { itemsOf } from '../../../lib/page';
import { patientsApi, type CareTeamScope, type PatientUpdate } from '../api/patients-api';
import type { CareTeamRole } from '../../../api/types';

export const patientKeys = {
  all: ['patients'] as const,
  search: (q: string, careTeam: CareTeamScope) => ['patients', 'search', careTeam, q] as const,
  one: (id: string) => ['patients', 'one', id] as const,
  careTeam: (id: string) => ['patients', 'care-team', id] as const,
};

/** Search results page by page ("load more"), keeping the last results visible while the next search runs. */
export function usePatientSearch(q: string, careTeam: CareTeamScope) {
  return useInfiniteQuery({
    queryKey: patientKeys.search(q, careTeam),
    queryFn: ({ pageParam }) => patientsApi.search({ q: q || undefined, careTeam, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePatient(id: string) {
  return useQuery({ queryKey: patientKeys.one(id), queryFn: () => patientsApi.get(id) });
}

export function useRegisterPatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: PatientInput; key: string }) => patientsApi.register(input, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKeys.all }),
  });
}

export function useUpdatePatient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: PatientUpdate) => patientsApi.update(id, update),
    onSuccess: (profile) => {
      queryClient.setQueryData(patientKeys.one(id), profile);
      void queryClient.invalidateQueries({ queryKey: ['patients', 'search'] });
    },
  });
}

export function useCareTeam(id: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.careTeam(id),
    queryFn: async () => itemsOf(await patientsApi.careTeam(id)),
    enabled,
  });
}

export function useCareTeamChange(id: string) {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: ['patients'] });
  const add = useMutation({
    mutationFn: ({ staffId, role }: { staffId: string; role: CareTeamRole }) =>
      patientsApi.addCareTeamMember(id, staffId, role),
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (staffId: string) => patientsApi.removeCareTeamMember(id, staffId),
    onSettled: settle,
  });
  return { add, remove };
}

export function useBreakGlass(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => patientsApi.breakGlass(id, reason),
    onSuccess: (grant) => {
      queryClient.setQueryData(['break-glass', 'active', id], grant);
      return queryClient.invalidateQueries({ queryKey: patientKeys.one(id) });
    },
  });
}
