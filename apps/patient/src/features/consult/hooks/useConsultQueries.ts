import type { Consultation, OpenConsultationBody } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelConsultation,
  fetchConsultTargets,
  fetchDoctor,
  fetchConsultation,
  fetchConsultations,
  openConsultation,
  rateConsultation,
} from '../api/consult.api.ts';
import { consultKeys } from './consult-keys.ts';

export function useConsultTargets(patientId: string | undefined) {
  return useQuery({
    queryKey: consultKeys.targets(patientId ?? ''),
    queryFn: () => fetchConsultTargets(patientId ?? ''),
    enabled: patientId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useDoctor(id: string) {
  return useQuery({ queryKey: consultKeys.doctor(id), queryFn: () => fetchDoctor(id), staleTime: 60_000 });
}

export function useConsultations(view: 'open' | 'past') {
  return useQuery({ queryKey: consultKeys.list(view), queryFn: () => fetchConsultations(view) });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: consultKeys.one(id), queryFn: () => fetchConsultation(id) });
}

/** Stores an answer that is a whole consultation, and refreshes the lists it appears in. */
function useStoreConsultation() {
  const queryClient = useQueryClient();
  return (consultation: Consultation) => {
    queryClient.setQueryData(consultKeys.one(consultation.id), consultation);
    void queryClient.invalidateQueries({ queryKey: consultKeys.lists });
  };
}

export function useOpenConsultation() {
  const store = useStoreConsultation();
  return useMutation({
    mutationFn: ({ body, key }: { body: OpenConsultationBody; key: string }) => openConsultation(body, key),
    onSuccess: store,
  });
}

export function useCancelConsultation() {
  const store = useStoreConsultation();
  return useMutation({ mutationFn: (id: string) => cancelConsultation(id), onSuccess: store });
}

export function useRateConsultation(id: string) {
  const store = useStoreConsultation();
  return useMutation({
    mutationFn: (rating: { stars: number; comment?: string }) => rateConsultation(id, rating),
    onSuccess: store,
  });
}
