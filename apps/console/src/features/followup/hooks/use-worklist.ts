import type { FollowUpOutcome, FollowUpTask } from '@careloop/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { followUpApi, type WorklistParams } from '../api/followup-api';

export const worklistKeys = {
  all: ['followup-tasks'] as const,
  // Titles and advice come in the request's language: one cache entry per language.
  list: (params: Omit<WorklistParams, 'cursor'>, language: string) =>
    ['followup-tasks', params.view, params.assignee, params.patientId ?? '', language] as const,
};

/** The worklist, 50 tasks at a time; counts per view come with every page. Refreshed every minute. */
export function useWorklist(params: Omit<WorklistParams, 'cursor'>) {
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: worklistKeys.list(params, i18n.language),
    queryFn: ({ pageParam }) => followUpApi.worklist({ ...params, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export type TaskAction =
  | { kind: 'complete'; task: FollowUpTask; outcome: FollowUpOutcome; note: string }
  | { kind: 'assign'; task: FollowUpTask; assigneeId: string | null }
  | { kind: 'cancel'; task: FollowUpTask; note: string };

/** Complete, assign or cancel a task against the version shown; every list of tasks refreshes afterwards. */
export function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TaskAction) => {
      const { task } = action;
      switch (action.kind) {
        case 'complete':
          return followUpApi.complete(task.id, {
            outcome: action.outcome,
            note: action.note,
            version: task.version,
          });
        case 'assign':
          return followUpApi.assign(task.id, { assigneeId: action.assigneeId, version: task.version });
        case 'cancel':
          return followUpApi.cancel(task.id, { note: action.note, version: task.version });
      }
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: worklistKeys.all }),
        // A report's task list shows their status too.
        queryClient.invalidateQueries({ queryKey: ['patients'] }),
      ]),
  });
}
