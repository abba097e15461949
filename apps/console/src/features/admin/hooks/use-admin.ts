import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { itemsOf } from '../../../lib/page';
import { adminApi, type DepartmentInput, type InvitationInput, type StaffUpdate } from '../api/admin-api';

export const adminKeys = {
  staff: ['staff'] as const,
  departments: ['departments'] as const,
  invitations: ['invitations'] as const,
  breakGlass: (limit: number) => ['break-glass', 'log', limit] as const,
};

export function useStaffList() {
  return useQuery({ queryKey: adminKeys.staff, queryFn: async () => itemsOf(await adminApi.staff()) });
}

export function useDepartments() {
  return useQuery({
    queryKey: adminKeys.departments,
    queryFn: async () => itemsOf(await adminApi.departments()),
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: adminKeys.invitations,
    queryFn: async () => itemsOf(await adminApi.invitations()),
  });
}

export function useBreakGlassLog(limit = 50, enabled = true) {
  return useQuery({
    queryKey: adminKeys.breakGlass(limit),
    queryFn: async () => itemsOf(await adminApi.breakGlass(limit)),
    enabled,
  });
}

export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: { id: string; update: StaffUpdate }) => adminApi.updateStaff(id, update),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.staff }),
  });
}

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: DepartmentInput }) =>
      id ? adminApi.updateDepartment(id, input) : adminApi.createDepartment(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.departments }),
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) => adminApi.invite(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}
