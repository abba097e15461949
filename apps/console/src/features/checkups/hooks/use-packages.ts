import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { checkupsApi, type PackageInput, type PackageUpdate } from '../api/checkups-api';

const PACKAGES_KEY = ['checkup-packages'] as const;

export function usePackages() {
  return useQuery({ queryKey: PACKAGES_KEY, queryFn: async () => (await checkupsApi.packages()).items });
}

export function useSavePackage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      args: { packageId: null; input: PackageInput } | { packageId: string; input: PackageUpdate },
    ) =>
      args.packageId === null
        ? checkupsApi.createPackage(args.input)
        : checkupsApi.updatePackage(args.packageId, args.input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PACKAGES_KEY }),
  });
}
