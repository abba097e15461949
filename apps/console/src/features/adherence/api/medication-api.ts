import type {
  Adherence,
  AdverseReaction,
  AdverseReactionList,
  PrescriptionList,
  RefillRequest,
  RefillRequestList,
  ReviewReactionBody,
} from '@careloop/contracts';
import { api } from '../../../api/client';

export const medicationApi = {
  adherence: (patientId: string, days: 7 | 30) =>
    api.get<Adherence>(`/patients/${encodeURIComponent(patientId)}/adherence`, { days }),
  reactions: (status: 'reported' | 'all') => api.get<AdverseReactionList>('/adverse-reactions', { status }),
  review: (id: string, body: ReviewReactionBody) =>
    api.post<AdverseReaction>(`/adverse-reactions/${encodeURIComponent(id)}/review`, body),
};

export const refillsApi = {
  list: () => api.get<RefillRequestList>('/refill-requests'),
  prescriptions: (patientId: string) =>
    api.get<PrescriptionList>(`/patients/${encodeURIComponent(patientId)}/prescriptions`),
  renew: (id: string, version: number, renewalPrescriptionId: string) =>
    api.post<RefillRequest>(`/refill-requests/${encodeURIComponent(id)}/renew`, {
      version,
      renewalPrescriptionId,
    }),
  decline: (id: string, version: number, reason: string) =>
    api.post<RefillRequest>(`/refill-requests/${encodeURIComponent(id)}/decline`, { version, reason }),
};
