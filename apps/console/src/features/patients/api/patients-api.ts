import type {
  BreakGlassGrant,
  CareTeamMember,
  PatientInput,
  PatientProfile,
  PatientSummary,
} from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';
import type { CareTeamRole, Page } from '../../../api/types';

export type CareTeamScope = 'mine' | 'all';
export type PatientUpdate = Partial<PatientInput> & { version: number };

const patientPath = (id: string) => `/patients/${encodeURIComponent(id)}`;

export const patientsApi = {
  search: (params: { q?: string; careTeam: CareTeamScope; cursor?: string; limit?: number }) =>
    api.get<Page<PatientSummary>>('/patients', params),
  register: (input: PatientInput, idempotencyKey = newIdempotencyKey()) =>
    api.post<PatientProfile>('/patients', input, { idempotencyKey }),
  get: (id: string) => api.get<PatientProfile>(patientPath(id)),
  update: (id: string, update: PatientUpdate) => api.patch<PatientProfile>(patientPath(id), update),
  careTeam: (id: string) => api.get<Page<CareTeamMember> | CareTeamMember[]>(`${patientPath(id)}/care-team`),
  addCareTeamMember: (id: string, staffId: string, role: CareTeamRole) =>
    api.post<CareTeamMember>(`${patientPath(id)}/care-team`, { staffId, role }),
  removeCareTeamMember: (id: string, staffId: string) =>
    api.delete<unknown>(`${patientPath(id)}/care-team/${encodeURIComponent(staffId)}`),
  breakGlass: (id: string, reason: string) =>
    api.post<BreakGlassGrant>(
      `${patientPath(id)}/break-glass`,
      { reason },
      { idempotencyKey: newIdempotencyKey() },
    ),
};
