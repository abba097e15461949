import type { LifestyleInput, ObservationInput } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recordsApi } from '../api/records-api';
import type { EntryKindKey } from '../lib/entry-forms';
import { recordKeys } from './record-keys';

/** After any write, everything of the patient's record is stale: summary, timeline, curves, lists. */
function useSettleRecord(patientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: recordKeys.patient(patientId) });
}

export function useEntries<T>(patientId: string, kind: EntryKindKey) {
  return useQuery({
    queryKey: recordKeys.entries(patientId, kind),
    queryFn: async () => (await recordsApi.entries<T>(patientId, kind)).items,
  });
}

/** Create, update (with version) and delete of one kind of entry. A create keeps its idempotency key per form. */
export function useEntryWrites(patientId: string, kind: EntryKindKey) {
  const settle = useSettleRecord(patientId);
  const create = useMutation({
    mutationFn: ({ body, key }: { body: unknown; key: string }) =>
      recordsApi.createEntry(patientId, kind, body, key),
    onSuccess: settle,
  });
  const update = useMutation({
    mutationFn: ({ entryId, body }: { entryId: string; body: unknown }) =>
      recordsApi.updateEntry(patientId, kind, entryId, body),
    onSuccess: settle,
  });
  const remove = useMutation({
    mutationFn: (entryId: string) => recordsApi.deleteEntry(patientId, kind, entryId),
    onSettled: settle,
  });
  return { create, update, remove, settle };
}

export function useLifestyle(patientId: string) {
  return useQuery({
    queryKey: recordKeys.lifestyle(patientId),
    queryFn: () => recordsApi.lifestyle(patientId),
  });
}

export function useAddLifestyle(patientId: string) {
  const settle = useSettleRecord(patientId);
  return useMutation({
    mutationFn: ({ input, key }: { input: LifestyleInput; key: string }) =>
      recordsApi.addLifestyle(patientId, input, key),
    onSuccess: settle,
  });
}

export function useAddObservation(patientId: string) {
  const settle = useSettleRecord(patientId);
  return useMutation({
    mutationFn: ({ input, key }: { input: ObservationInput; key: string }) =>
      recordsApi.addObservation(patientId, input, key),
    onSuccess: settle,
  });
}

export function useEnteredInError(patientId: string) {
  const settle = useSettleRecord(patientId);
  return useMutation({
    mutationFn: (observationId: string) => recordsApi.enteredInError(patientId, observationId),
    onSettled: settle,
  });
}
