import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { analytesApi } from '../api/analytes-api';
import { checkupsApi, type MappingInput, type MappingUpdate } from '../api/checkups-api';

export const mappingKeys = {
  mappings: (q: string) => ['checkup-mappings', q] as const,
  unmapped: (q: string) => ['checkup-unmapped', q] as const,
  analytes: ['codes', 'analytes'] as const,
};

/** The LOINC code table; it changes with releases, not during a session. */
export function useAnalytes() {
  return useQuery({
    queryKey: mappingKeys.analytes,
    queryFn: async () => (await analytesApi.list()).items,
    staleTime: Infinity,
  });
}

export function useMappings(q: string) {
  return useInfiniteQuery({
    queryKey: mappingKeys.mappings(q),
    queryFn: ({ pageParam }) => checkupsApi.mappings(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUnmapped(q: string) {
  return useInfiniteQuery({
    queryKey: mappingKeys.unmapped(q),
    queryFn: ({ pageParam }) => checkupsApi.unmapped(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Creates (mappingId null) or changes a mapping; both lists change, since saving re-codes stored items. */
export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      args: { mappingId: null; input: MappingInput } | { mappingId: string; input: MappingUpdate },
    ) =>
      args.mappingId === null
        ? checkupsApi.createMapping(args.input)
        : checkupsApi.updateMapping(args.mappingId, args.input),
    onSettled: () => refreshMappingLists(queryClient),
  });
}

export function useDeleteMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mappingId: string) => checkupsApi.deleteMapping(mappingId),
    onSettled: () => refreshMappingLists(queryClient),
  });
}

function refreshMappingLists(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['checkup-mappings'] }),
    queryClient.invalidateQueries({ queryKey: ['checkup-unmapped'] }),
  ]);
}
