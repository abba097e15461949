import type {
  Attachment,
  AttachmentKind,
  Consultation,
  ConsultationList,
  ConsultationMessage,
  ConsultationSettings,
  ConsultationSummaryForm,
  MessagePage,
  QuickReply,
  SendMessageBody,
} from '@careloop/contracts';
import { api } from '../../../api/client';
import { uploadForm } from '../../../api/files';

export type QueueView = 'waiting' | 'mine' | 'past';

export interface InvitablePerson {
  accountId: string;
  name: string;
  kind: 'doctor' | 'family';
  detail: string | null;
}

export interface QuickReplyInput {
  title: string;
  body: string;
  shared?: boolean;
  sort?: number;
}

const id = encodeURIComponent;
const path = (consultationId: string) => `/consultations/${id(consultationId)}`;

/** The address of an attachment's bytes: the server checks the session cookie, so <img>/<audio> load it as is. */
export function attachmentUrl(consultationId: string, attachmentId: string): string {
  return `/api/v1${path(consultationId)}/attachments/${id(attachmentId)}`;
}

/** Lists come as `{ items }`; tolerate a bare array too. */
function itemsOf<T>(answer: { items: T[] } | T[]): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export const consultationsApi = {
  list: (view: QueueView, cursor?: string, limit = 50) =>
    api.get<ConsultationList>('/consultations', { view, cursor, limit }),
  get: (consultationId: string) => api.get<Consultation>(path(consultationId)),
  accept: (consultationId: string, version?: number) =>
    api.post<Consultation>(`${path(consultationId)}/accept`, { version }),
  decline: (consultationId: string, reason: string) =>
    api.post<Consultation>(`${path(consultationId)}/decline`, { reason }),
  close: (consultationId: string, form: ConsultationSummaryForm) =>
    api.post<Consultation>(`${path(consultationId)}/close`, form),

  /** Messages after `after` (oldest first) or before `before` (newest first). */
  messages: (consultationId: string, query: { after?: number; before?: number; limit?: number }) =>
    api.get<MessagePage>(`${path(consultationId)}/messages`, query),
  send: (consultationId: string, body: SendMessageBody) =>
    api.post<ConsultationMessage>(`${path(consultationId)}/messages`, body),
  receipts: (consultationId: string, seqs: { deliveredSeq?: number; readSeq?: number }) =>
    api.post<{ ok: true }>(`${path(consultationId)}/receipts`, seqs),
  upload: (
    consultationId: string,
    file: File,
    kind: AttachmentKind,
    onProgress: (fraction: number) => void,
    options: { durationMs?: number; signal?: AbortSignal } = {},
  ) => {
    // The fields go before the file: the server reads them first. A voice note says how long it is.
    const form = new FormData();
    form.append('kind', kind);
    if (options.durationMs !== undefined) form.append('durationMs', String(Math.round(options.durationMs)));
    form.append('file', file, file.name);
    return uploadForm<Attachment>(`${path(consultationId)}/attachments`, form, onProgress, options.signal);
  },

  invitable: async (consultationId: string) =>
    itemsOf(await api.get<{ items: InvitablePerson[] }>(`${path(consultationId)}/invitable`)),
  addGuest: (consultationId: string, accountId: string) =>
    api.post<Consultation>(`${path(consultationId)}/guests`, { accountId }),

  quickReplies: async () =>
    itemsOf(await api.get<{ items: QuickReply[] } | QuickReply[]>('/consultation-quick-replies')),
  createQuickReply: (body: QuickReplyInput) => api.post<QuickReply>('/consultation-quick-replies', body),
  updateQuickReply: (replyId: string, body: QuickReplyInput) =>
    api.put<QuickReply>(`/consultation-quick-replies/${id(replyId)}`, body),
  deleteQuickReply: (replyId: string) => api.delete<void>(`/consultation-quick-replies/${id(replyId)}`),

  settings: () => api.get<ConsultationSettings>('/admin/consultation-settings'),
  saveSettings: (settings: ConsultationSettings) =>
    api.put<ConsultationSettings>('/admin/consultation-settings', settings),
};
