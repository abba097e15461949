import type {
  CreatePrescriptionBody,
  DrugInteraction,
  DrugInteractionInput,
  FormularyDrug,
  FormularyImportResult,
  FormularyPage,
  Prescription,
  PrescriptionCheckBody,
  PrescriptionCheckResult,
  PrescriptionList,
  ReviewItem,
  ReviewQueue,
} from '@careloop/contracts';
import { api } from '../../../api/client';
import { downloadFile, uploadForm } from '../../../api/files';

const patient = (id: string) => `/patients/${encodeURIComponent(id)}/prescriptions`;

/** The pharmacy API: formulary, prescriptions and the pharmacist's review. */
export const pharmacyApi = {
  searchDrugs: (q: string, options: { includeInactive?: boolean; limit?: number; offset?: number } = {}) =>
    api.get<FormularyPage>('/pharmacy/formulary', {
      q,
      includeInactive: options.includeInactive ? 'true' : 'false',
      limit: options.limit ?? 20,
      offset: options.offset ?? 0,
    }),
  updateDrug: (id: string, body: Record<string, unknown>) =>
    api.patch<FormularyDrug>(`/pharmacy/formulary/${encodeURIComponent(id)}`, body),
  setStock: (id: string, onHand: number) =>
    api.put<FormularyDrug>(`/pharmacy/formulary/${encodeURIComponent(id)}/stock`, { onHand }),
  exportFormulary: () => downloadFile('/pharmacy/formulary/export.xlsx', {}, 'formulary.xlsx'),
  importFormulary: (file: File, onProgress: (fraction: number) => void) => {
    const form = new FormData();
    form.append('file', file);
    return uploadForm<FormularyImportResult>('/pharmacy/formulary/import', form, onProgress);
  },
  interactions: () => api.get<{ items: DrugInteraction[] }>('/pharmacy/interactions'),
  saveInteraction: (id: string | null, body: DrugInteractionInput) =>
    id
      ? api.put<DrugInteraction>(`/pharmacy/interactions/${encodeURIComponent(id)}`, body)
      : api.post<DrugInteraction>('/pharmacy/interactions', body),
  deleteInteraction: (id: string) => api.delete<unknown>(`/pharmacy/interactions/${encodeURIComponent(id)}`),
  check: (patientId: string, body: PrescriptionCheckBody) =>
    api.post<PrescriptionCheckResult>(`${patient(patientId)}/check`, body),
  create: (patientId: string, body: CreatePrescriptionBody) =>
    api.post<Prescription>(patient(patientId), body),
  list: (patientId: string) => api.get<PrescriptionList>(patient(patientId)),
  queue: (status: 'pending' | 'approved' | 'rejected') =>
    api.get<ReviewQueue>('/pharmacy/reviews', { status }),
  review: (id: string) => api.get<ReviewItem>(`/pharmacy/reviews/${encodeURIComponent(id)}`),
  approve: (id: string, note: string | null) =>
    api.post<Prescription>(`/prescriptions/${encodeURIComponent(id)}/approve`, note ? { note } : {}),
  reject: (id: string, reason: string) =>
    api.post<Prescription>(`/prescriptions/${encodeURIComponent(id)}/reject`, { reason }),
};
