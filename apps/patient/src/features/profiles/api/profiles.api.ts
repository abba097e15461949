import type { AccessiblePatient, PatientProfile } from '@careloop/contracts';
import { api, itemsOf } from '../../../api/client.ts';

export async function fetchMyPatients(): Promise<AccessiblePatient[]> {
  return itemsOf(await api.get<AccessiblePatient[] | { items: AccessiblePatient[] }>('/me/patients'));
}

export function fetchPatient(id: string): Promise<PatientProfile> {
  return api.get<PatientProfile>(`/patients/${encodeURIComponent(id)}`);
}

export function updatePatient(id: string, changes: Record<string, unknown> & { version: number }) {
  return api.patch<PatientProfile>(`/patients/${encodeURIComponent(id)}`, changes);
}
