import type { ConsultationMessage, ConsultationEvent } from '@careloop/contracts';
import type { MessageRow } from './messages.repository.ts';

export function toMessage(row: MessageRow): ConsultationMessage {
  return {
    id: row.id,
    consultationId: row.consultation_id,
    seq: Number(row.seq),
    clientId: row.client_id,
    sender: row.sender_account_id ? { id: row.sender_account_id, name: row.sender_name ?? '' } : null,
    senderRole: row.sender_role,
    kind: row.kind,
    body: row.body,
    attachment:
      row.attachment_id && row.a_kind && row.a_content_type
        ? {
            id: row.attachment_id,
            kind: row.a_kind,
            contentType: row.a_content_type,
            sizeBytes: row.a_size ?? 0,
            fileName: row.a_name,
            durationMs: row.a_duration,
          }
        : null,
    event: (row.event as ConsultationEvent | null) ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
