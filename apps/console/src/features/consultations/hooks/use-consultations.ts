import type { ConsultationSettings, ConsultationSummaryForm } from '@careloop/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { isApiError } from '../../../api/client';
import { consultationsApi, type QuickReplyInput, type QueueView } from '../api/consultations-api';
import { consultationKeys } from './consultation-keys';

/** How many waiting requests the menu badge counts at most; beyond it the badge says "99+". */
const WAITING_COUNT_LIMIT = 100;
/** A safety net under the live updates (events sent while disconnected are lost). */
const POLL_MS = 60_000;

/** One tab of the queue, 50 at a time; realtime events refresh it. */
export function useConsultationList(view: QueueView) {
  return useInfiniteQuery({
    queryKey: consultationKeys.list(view),
    queryFn: ({ pageParam }) => consultationsApi.list(view, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
}

/** Requests waiting for me or my departments' pools: the menu badge. */
export function useWaitingCount(enabled: boolean) {
  return useQuery({
    queryKey: consultationKeys.waitingCount,
    queryFn: async () => {
      const page = await consultationsApi.list('waiting', undefined, WAITING_COUNT_LIMIT);
      return { count: page.items.length, more: page.nextCursor !== null };
    },
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function useConsultation(consultationId: string) {
  return useQuery({
    queryKey: consultationKeys.one(consultationId),
    queryFn: () => consultationsApi.get(consultationId),
  });
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return (consultationId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: consultationKeys.lists }),
      queryClient.invalidateQueries({ queryKey: consultationKeys.one(consultationId) }),
    ]);
}

export function useAcceptConsultation() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version?: number }) => consultationsApi.accept(id, version),
    onSettled: (_data, _error, { id }) => refresh(id),
  });
}

export function useDeclineConsultation() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => consultationsApi.decline(id, reason),
    onSettled: (_data, _error, { id }) => refresh(id),
  });
}

export function useCloseConsultation(consultationId: string) {
  const refresh = useRefreshAfter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (form: ConsultationSummaryForm) => {
      try {
        return await consultationsApi.close(consultationId, form);
      } catch (error) {
        // The first reply moves it from accepted to active (a new version) while the form was open. Only a
        // change of state matters to a summary, and the server checks the state itself: close the current one.
        if (!isApiError(error, 'VERSION_CONFLICT')) throw error;
        const fresh = await consultationsApi.get(consultationId);
        if (fresh.status !== 'accepted' && fresh.status !== 'active') throw error;
        return consultationsApi.close(consultationId, { ...form, version: fresh.version });
      }
    },
    onSuccess: (consultation) => queryClient.setQueryData(consultationKeys.one(consultationId), consultation),
    onSettled: () => refresh(consultationId),
  });
}

export function useInvitable(consultationId: string, enabled: boolean) {
  return useQuery({
    queryKey: consultationKeys.invitable(consultationId),
    queryFn: () => consultationsApi.invitable(consultationId),
    enabled,
  });
}

export function useAddGuest(consultationId: string) {
  const refresh = useRefreshAfter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => consultationsApi.addGuest(consultationId, accountId),
    onSettled: () =>
      Promise.all([
        refresh(consultationId),
        queryClient.invalidateQueries({ queryKey: consultationKeys.invitable(consultationId) }),
      ]),
  });
}

export function useQuickReplies() {
  return useQuery({ queryKey: consultationKeys.quickReplies, queryFn: consultationsApi.quickReplies });
}

export type QuickReplyChange =
  | { kind: 'create'; body: QuickReplyInput }
  | { kind: 'update'; id: string; body: QuickReplyInput }
  | { kind: 'delete'; id: string };

export function useQuickReplyChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: QuickReplyChange) => {
      switch (change.kind) {
        case 'create':
          await consultationsApi.createQuickReply(change.body);
          return;
        case 'update':
          await consultationsApi.updateQuickReply(change.id, change.body);
          return;
        case 'delete':
          await consultationsApi.deleteQuickReply(change.id);
          return;
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: consultationKeys.quickReplies }),
  });
}

export function useConsultationSettings() {
  return useQuery({ queryKey: consultationKeys.settings, queryFn: consultationsApi.settings });
}

export function useSaveConsultationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ConsultationSettings) => consultationsApi.saveSettings(settings),
    onSuccess: (saved) => queryClient.setQueryData(consultationKeys.settings, saved),
  });
}
