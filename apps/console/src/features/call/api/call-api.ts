import type { CallConfig, CallUpdatedEvent, Consultation } from '@careloop/contracts';
import { ApiError, api } from '../../../api/client';

const path = (consultationId: string) => `/consultations/${encodeURIComponent(consultationId)}`;

export type CurrentCall = Omit<CallUpdatedEvent, 'type'>;

export const callApi = {
  config: (consultationId: string) => api.get<CallConfig>(`${path(consultationId)}/call-config`),
  /** The call ringing or going on in the consultation, or null when there is none. */
  current: async (consultationId: string): Promise<CurrentCall | null> => {
    try {
      return await api.get<CurrentCall>(`${path(consultationId)}/call`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  consultation: (consultationId: string) => api.get<Consultation>(path(consultationId)),
};
