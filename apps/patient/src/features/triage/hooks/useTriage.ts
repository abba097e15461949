import type {
  StartTriageBody,
  TriageAnswerBody,
  TriageOutcomeBody,
  TriageSession,
} from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { answerTriage, fetchTriage, recordTriageOutcome, startTriage } from '../api/triage.api.ts';
import { newIdempotencyKey } from '../../records/api/http.ts';

export const triageKeys = {
  one: (id: string) => ['triage', 'session', id] as const,
};

export function useTriageSession(id: string) {
  return useQuery({ queryKey: triageKeys.one(id), queryFn: () => fetchTriage(id) });
}

function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: TriageSession) => queryClient.setQueryData(triageKeys.one(session.id), session);
}

/**
 * Starts a symptom check. Sending the same words again after a failed or lost answer reuses the Idempotency-Key,
 * so a retry on a weak signal never opens a second session; new words get a new key.
 */
export function useStartTriage() {
  const store = useStoreSession();
  const pending = useRef<{ text: string; key: string } | null>(null);
  return useMutation({
    mutationFn: (body: StartTriageBody) => {
      const text = JSON.stringify(body);
      if (pending.current?.text !== text) pending.current = { text, key: newIdempotencyKey() };
      return startTriage(body, pending.current.key);
    },
    onSuccess: (session) => {
      pending.current = null;
      store(session);
    },
  });
}

export function useAnswerTriage(id: string) {
  const store = useStoreSession();
  return useMutation({ mutationFn: (body: TriageAnswerBody) => answerTriage(id, body), onSuccess: store });
}

/** Records what the patient did; best effort, since the patient's next step must never wait on it. */
export function useRecordOutcome(id: string) {
  const store = useStoreSession();
  return (body: TriageOutcomeBody) => {
    recordTriageOutcome(id, body).then(store, () => undefined);
  };
}
