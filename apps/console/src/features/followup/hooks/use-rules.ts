import type { FollowUpRuleInput, FollowUpRuleUpdate } from '@careloop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { followUpApi } from '../api/followup-api';

const RULES_KEY = ['followup-rules'] as const;

export function useRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: async () => (await followUpApi.rules()).items });
}

export function useSaveRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      args: { ruleId: null; input: FollowUpRuleInput } | { ruleId: string; input: FollowUpRuleUpdate },
    ) =>
      args.ruleId === null
        ? followUpApi.createRule(args.input)
        : followUpApi.updateRule(args.ruleId, args.input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: RULES_KEY }),
  });
}
