import type { BreakGlassGrant, Department, Staff, StaffRole } from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';
import type { CreatedInvitation, Invitation, Page } from '../../../api/types';

export interface StaffUpdate {
  roles?: StaffRole[];
  departmentId?: string | null;
  title?: string | null;
  active?: boolean;
}
export interface DepartmentInput {
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}
export interface InvitationInput {
  email: string;
  name: string;
  roles: StaffRole[];
  departmentId?: string | null;
  title?: string;
}

type List<T> = Page<T> | T[];

export const adminApi = {
  staff: () => api.get<List<Staff>>('/staff', { limit: 200 }),
  updateStaff: (id: string, update: StaffUpdate) =>
    api.patch<Staff>(`/staff/${encodeURIComponent(id)}`, update),
  departments: () => api.get<List<Department>>('/departments', { limit: 200 }),
  createDepartment: (input: DepartmentInput) =>
    api.post<Department>('/departments', input, { idempotencyKey: newIdempotencyKey() }),
  updateDepartment: (id: string, input: Partial<DepartmentInput>) =>
    api.patch<Department>(`/departments/${encodeURIComponent(id)}`, input),
  invitations: () => api.get<List<Invitation>>('/invitations', { limit: 200 }),
  invite: (input: InvitationInput) =>
    api.post<CreatedInvitation>('/invitations', input, { idempotencyKey: newIdempotencyKey() }),
  breakGlass: (limit = 50) => api.get<List<BreakGlassGrant>>('/break-glass', { limit }),
};
