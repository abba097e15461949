import { createHash } from 'node:crypto';
import type { Attachment, AttachmentKind } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { executableKind, sniffDocument } from '../../records/index.ts';
import { consultationsRepository as consultations } from '../consultations.repository.ts';
import { authorize, loadAuthorizedCore } from '../consultation-access.ts';
import { canMessage } from '../consultation-view.ts';
import { sniffAudio } from './audio-sniff.ts';
import { attachmentsRepository as attachmentsRepo } from './attachments.repository.ts';

export const ATTACHMENT_MAX_BYTES: Readonly<Record<AttachmentKind, number>> = {
  image: 10 * 1024 * 1024,
  voice: 5 * 1024 * 1024,
  file: 20 * 1024 * 1024,
};
export const VOICE_MAX_MS = 120_000;

export interface AttachmentUpload {
  kind: AttachmentKind;
  durationMs: number | null;
  file: { bytes: Buffer; filename: string };
}

const refuse = (code: 'CONSULTATION_ATTACHMENT_TYPE' | 'CONSULTATION_VOICE_NOT_AUDIO', message: string) =>
  new AppError(code, { errors: [{ path: 'file', message }] });

/** The real type of an upload of a kind, from its bytes; anything else is refused before it is stored. */
export function screenAttachment(upload: AttachmentUpload): string {
  const { bytes } = upload.file;
  if (bytes.length === 0)
    throw new AppError('CONSULTATION_ATTACHMENT_EMPTY', { errors: [{ path: 'file', message: 'empty' }] });
  if (bytes.length > ATTACHMENT_MAX_BYTES[upload.kind])
    throw new AppError('CONSULTATION_ATTACHMENT_TOO_LARGE', {
      errors: [{ path: 'file', message: `larger than ${ATTACHMENT_MAX_BYTES[upload.kind]} bytes` }],
    });
  if (upload.kind === 'voice') {
    const audio = sniffAudio(bytes);
    if (!audio) throw refuse('CONSULTATION_VOICE_NOT_AUDIO', 'not_audio');
    if (upload.durationMs === null || upload.durationMs <= 0)
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'durationMs', message: 'required' }] });
    if (upload.durationMs > VOICE_MAX_MS)
      throw new AppError('CONSULTATION_VOICE_TOO_LONG', {
        errors: [{ path: 'durationMs', message: `over ${VOICE_MAX_MS} ms` }],
      });
    return audio;
  }
  const executable = executableKind(bytes);
  if (executable) throw refuse('CONSULTATION_ATTACHMENT_TYPE', `executable_${executable}`);
  const type = sniffDocument(bytes);
  if (!type) throw refuse('CONSULTATION_ATTACHMENT_TYPE', 'unsupported_content');
  if (upload.kind === 'image' && !type.startsWith('image/'))
    throw refuse('CONSULTATION_ATTACHMENT_TYPE', `not_an_image_${type}`);
  return type;
}

/** Images, voice notes and files of a consultation: screened, encrypted at rest, read back through access checks. */
export class AttachmentsService {
  constructor(private readonly deps: AppDeps) {}

  async upload(ctx: RequestContext, consultationId: string, upload: AttachmentUpload): Promise<Attachment> {
    const row = await loadAuthorizedCore(this.deps.db, ctx.actor, consultationId);
    if (!canMessage(row, ctx.actor)) throw new AppError('CONSULTATION_CLOSED');
    const contentType = screenAttachment(upload);
    const id = uuidv7();
    const key = `consultations/${row.org_id}/${consultationId}/${id}`;
    const stored = await this.deps.files.put(key, upload.file.bytes, { contentType });
    const fileName = upload.kind === 'file' ? safeFileName(upload.file.filename) || null : null;
    try {
      await this.deps.db.transaction().execute(async (tx) => {
        authorize(await consultations.loadCore(tx, consultationId, ctx.actor), ctx.actor);
        await attachmentsRepo.insert(tx, {
          id,
          org_id: row.org_id,
          consultation_id: consultationId,
          uploaded_by: ctx.actor.accountId,
          kind: upload.kind,
          content_type: contentType,
          size_bytes: stored.size,
          file_name: fileName,
          duration_ms: upload.kind === 'voice' ? upload.durationMs : null,
          sha256: stored.sha256 || createHash('sha256').update(upload.file.bytes).digest('hex'),
          storage_key: key,
        });
        await recordAudit(tx, ctx, {
          action: 'consultation.attachment.create',
          resourceType: 'consultation_attachment',
          resourceId: id,
          patientId: row.patient_id,
          orgId: row.org_id,
          detail: { kind: upload.kind, contentType, size: stored.size },
        });
      });
    } catch (error) {
      await this.deps.files.delete(key).catch(() => undefined);
      throw error;
    }
    return {
      id,
      kind: upload.kind,
      contentType,
      sizeBytes: stored.size,
      fileName,
      durationMs: upload.kind === 'voice' ? upload.durationMs : null,
    };
  }

  async read(ctx: RequestContext, consultationId: string, attachmentId: string) {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await loadAuthorizedCore(tx, ctx.actor, consultationId);
      const attachment = await attachmentsRepo.find(tx, consultationId, attachmentId);
      if (!attachment) throw new AppError('CONSULTATION_ATTACHMENT_NOT_FOUND');
      await recordAudit(tx, ctx, {
        action: 'consultation.attachment.read',
        resourceType: 'consultation_attachment',
        resourceId: attachmentId,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
      const bytes = await this.deps.files.get(attachment.storage_key);
      return {
        bytes,
        contentType: attachment.content_type,
        fileName: attachment.file_name,
        kind: attachment.kind,
      };
    });
  }
}

/** A file name safe to store and send back: no path separators or control characters, at most 200 characters. */
function safeFileName(name: string): string {
  return [...name]
    .map((ch) =>
      ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '_' : ch,
    )
    .join('')
    .slice(0, 200);
}
