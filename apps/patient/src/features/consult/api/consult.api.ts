import type {
  Attachment,
  AttachmentKind,
  ConsultTargets,
  DoctorProfile,
  Consultation,
  ConsultationList,
  MessagePage,
  OpenConsultationBody,
  ConsultationMessage,
  SendMessageBody,
} from '@careloop/contracts';
import { API_BASE, api } from '../../../api/client.ts';
import { postIdempotent, uploadForm, type UploadProgress } from '../../records/api/http.ts';

const one = (id: string) => `/consultations/${encodeURIComponent(id)}`;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Departments and their doctors (with ratings) the patient may ask. */
export function fetchConsultTargets(patientId: string): Promise<ConsultTargets> {
  return api.get(`/consultations/targets${query({ patientId })}`);
}

/** A doctor's profile: department, title, rating and recent reviews. */
export function fetchDoctor(id: string): Promise<DoctorProfile> {
  return api.get(`/doctors/${encodeURIComponent(id)}`);
}

/** Opens a consultation; the key makes a second tap (or a lost answer and a retry) open it once. */
export function openConsultation(body: OpenConsultationBody, idempotencyKey: string): Promise<Consultation> {
  return postIdempotent('/consultations', body, idempotencyKey);
}

export function fetchConsultations(view: 'open' | 'past'): Promise<ConsultationList> {
  return api.get(`/consultations${query({ view })}`);
}

export function fetchConsultation(id: string): Promise<Consultation> {
  return api.get(one(id));
}

export function cancelConsultation(id: string): Promise<Consultation> {
  return api.post(`${one(id)}/cancel`, {});
}

export function rateConsultation(
  id: string,
  rating: { stars: number; comment?: string },
): Promise<Consultation> {
  return api.post(`${one(id)}/rating`, rating);
}

/** `after`: oldest first from there (catching up); `before`: newest first below it (scrolling back). */
export function fetchMessages(
  id: string,
  cursor: { after: number } | { before: number },
  limit = 50,
): Promise<MessagePage> {
  return api.get(`${one(id)}/messages${query({ ...cursor, limit })}`);
}

/** The HTTP twin of the socket's send command, for when the socket is down but HTTP works. */
export function postMessage(id: string, body: SendMessageBody): Promise<ConsultationMessage> {
  return api.post(`${one(id)}/messages`, body);
}

export function uploadAttachment(
  id: string,
  file: { blob: Blob; name: string; kind: AttachmentKind; durationMs?: number },
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  // The fields go first: the server reads them before it streams the file.
  const form = new FormData();
  form.append('kind', file.kind);
  if (file.durationMs !== undefined) form.append('durationMs', String(Math.round(file.durationMs)));
  form.append('file', file.blob, file.name);
  return uploadForm(`${one(id)}/attachments`, form, onProgress, signal);
}

/** The access-checked address of an attachment's bytes (the session cookie goes with same-origin requests). */
export function attachmentUrl(consultationId: string, attachmentId: string): string {
  return `${API_BASE}${one(consultationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
