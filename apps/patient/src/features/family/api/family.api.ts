import type { PatientInput, Relationship } from '@careloop/contracts';
import { api } from '../../../api/client.ts';

export type FamilyRelationship = Exclude<Relationship, 'self'>;

export const familyApi = {
  add: (relationship: FamilyRelationship, profile: PatientInput) =>
    api.post<unknown>('/me/family-members', { relationship, profile }),
  remove: (patientId: string) => api.delete<unknown>(`/me/family-members/${encodeURIComponent(patientId)}`),
};
