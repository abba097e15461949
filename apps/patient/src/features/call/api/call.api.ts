import type { CallConfig, CallUpdatedEvent, Consultation } from '@careloop/contracts';
import { ApiError } from '../../../api/api-error.ts';
import { api } from '../../../api/client.ts';

const path = (consultationId: string) => `/consultations/${encodeURIComponent(consultationId)}`;

export type CurrentCall = Omit<CallUpdatedEvent, 'type'>;

export function fetchCallConfig(consultationId: string): Promise<CallConfig> {
  return api.get<CallConfig>(`${path(consultationId)}/call-config`);
}

/** The call ringing or going on in the consultation, or null when there is none. */
export async function fetchCurrentCall(consultationId: string): Promise<CurrentCall | null> {
  try {
    return await api.get<CurrentCall>(`${path(consultationId)}/call`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function fetchCallConsultation(consultationId: string): Promise<Consultation> {
  return api.get<Consultation>(path(consultationId));
}
