import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { auditApi, type AuditFilters } from '../api/audit-api';

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam }) => auditApi.events(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: auditApi.verify });
}
