import type {
  AnalyteInfo,
  Icd10Entry,
  LifestyleAssessment,
  LifestyleHistory,
  LifestyleInput,
  Observation,
  ObservationCodeSummary,
  ObservationInput,
  ObservationSeries,
  PatientRecordSummary,
  RecordDocument,
  TimelineItem,
} from '@careloop/contracts';
import { api, newIdempotencyKey } from '../../../api/client';
import type { Page } from '../../../api/types';
import type { EntryKindKey } from '../lib/entry-forms';
import type { TimelineKind } from '../lib/record-types';

const patientPath = (id: string) => `/patients/${encodeURIComponent(id)}`;

export interface EntryList<T> {
  items: T[];
}

export const recordsApi = {
  summary: (patientId: string) => api.get<PatientRecordSummary>(`${patientPath(patientId)}/summary`),

  timeline: (
    patientId: string,
    params: { kinds: readonly TimelineKind[]; before?: string; limit?: number },
  ) =>
    api.get<Page<TimelineItem>>(`${patientPath(patientId)}/timeline`, {
      kinds: params.kinds.length ? params.kinds.join(',') : undefined,
      before: params.before,
      limit: params.limit ?? 50,
    }),

  observationCodes: (patientId: string) =>
    api.get<{ items: ObservationCodeSummary[] }>(`${patientPath(patientId)}/observations/codes`),
  series: (patientId: string, params: { code: string; from?: string; to?: string }) =>
    api.get<ObservationSeries>(`${patientPath(patientId)}/observations/series`, params),
  observations: (
    patientId: string,
    params: { code?: string; from?: string; before?: string; limit?: number },
  ) => api.get<Page<Observation>>(`${patientPath(patientId)}/observations`, params),
  addObservation: (patientId: string, input: ObservationInput, idempotencyKey = newIdempotencyKey()) =>
    api.post<Observation>(`${patientPath(patientId)}/observations`, input, { idempotencyKey }),
  enteredInError: (patientId: string, observationId: string, reason?: string) =>
    api.post<Observation>(
      `${patientPath(patientId)}/observations/${encodeURIComponent(observationId)}/entered-in-error`,
      reason ? { reason } : {},
    ),

  entries: <T>(patientId: string, kind: EntryKindKey) =>
    api.get<EntryList<T>>(`${patientPath(patientId)}/${kind}`),
  createEntry: <T>(
    patientId: string,
    kind: EntryKindKey,
    body: unknown,
    idempotencyKey = newIdempotencyKey(),
  ) => api.post<T>(`${patientPath(patientId)}/${kind}`, body, { idempotencyKey }),
  updateEntry: <T>(patientId: string, kind: EntryKindKey, entryId: string, body: unknown) =>
    api.patch<T>(`${patientPath(patientId)}/${kind}/${encodeURIComponent(entryId)}`, body),
  deleteEntry: (patientId: string, kind: EntryKindKey, entryId: string) =>
    api.delete<unknown>(`${patientPath(patientId)}/${kind}/${encodeURIComponent(entryId)}`),

  lifestyle: (patientId: string) => api.get<LifestyleHistory>(`${patientPath(patientId)}/lifestyle`),
  addLifestyle: (patientId: string, input: LifestyleInput, idempotencyKey = newIdempotencyKey()) =>
    api.post<LifestyleAssessment>(`${patientPath(patientId)}/lifestyle`, input, { idempotencyKey }),

  documents: (patientId: string, cursor?: string) =>
    api.get<Page<RecordDocument>>(`${patientPath(patientId)}/documents`, { cursor, limit: 50 }),
  deleteDocument: (patientId: string, documentId: string) =>
    api.delete<unknown>(`${patientPath(patientId)}/documents/${encodeURIComponent(documentId)}`),
  documentsPath: (patientId: string) => `${patientPath(patientId)}/documents`,
  documentContentPath: (patientId: string, documentId: string) =>
    `${patientPath(patientId)}/documents/${encodeURIComponent(documentId)}/content`,
  exportPath: (patientId: string, format: 'json' | 'pdf') => `${patientPath(patientId)}/export.${format}`,

  icd10: (q: string, limit = 20) => api.get<{ items: Icd10Entry[] }>('/codes/icd10', { q, limit }),
  analytes: () => api.get<{ items: AnalyteInfo[] }>('/codes/analytes'),
};
