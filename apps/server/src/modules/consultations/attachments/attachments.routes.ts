import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Attachment, AttachmentKind, QuickReply, QuickReplyBody, Uuid } from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { QuickRepliesService } from '../quick-replies.service.ts';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentsService,
  type AttachmentUpload,
} from './attachments.service.ts';

const Params = z.object({ id: Uuid });
const AttachmentParams = z.object({ id: Uuid, attachmentId: Uuid });
const LARGEST = Math.max(...Object.values(ATTACHMENT_MAX_BYTES));
const Fields = z.object({
  kind: AttachmentKind,
  durationMs: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

const malformed = (path: string, message: string) =>
  new AppError('CONSULTATION_ATTACHMENT_MALFORMED', { errors: [{ path, message }] });

/** Reads the form: `kind`, optional `durationMs` (voice notes) and exactly one `file`, within the largest limit. */
async function readUpload(req: FastifyRequest): Promise<AttachmentUpload> {
  const { RequestFileTooLargeError, FilesLimitError, PartsLimitError, InvalidMultipartContentTypeError } =
    req.server.multipartErrors;
  if (!req.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data' }],
    });
  const fields: Record<string, string> = {};
  let file: AttachmentUpload['file'] | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: LARGEST, files: 1, fields: 4, parts: 6, fieldSize: 100 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw malformed(part.fieldname, 'unexpected_file');
        const bytes = await part.toBuffer();
        file = { bytes, filename: (part.filename || '').slice(0, 255) };
      } else if (
        (part.fieldname === 'kind' || part.fieldname === 'durationMs') &&
        typeof part.value === 'string'
      ) {
        fields[part.fieldname] = part.value;
      } else {
        throw malformed(part.fieldname, 'unexpected_field');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RequestFileTooLargeError)
      throw new AppError('CONSULTATION_ATTACHMENT_TOO_LARGE', {
        errors: [{ path: 'file', message: `larger than ${LARGEST} bytes` }],
      });
    if (error instanceof FilesLimitError) throw malformed('file', 'one_file_only');
    if (error instanceof PartsLimitError) throw malformed('', 'too_many_parts');
    if (error instanceof InvalidMultipartContentTypeError)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data' }],
      });
    throw malformed('', 'unreadable_form');
  }
  if (!file) throw malformed('file', 'required');
  const parsed = Fields.safeParse(fields);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return { kind: parsed.data.kind, durationMs: parsed.data.durationMs ?? null, file };
}

const contentDisposition = (name: string | null, kind: string) => {
  const fallback = `${kind}`;
  if (!name) return `inline; filename="${fallback}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

export function attachmentsRoutes(attachments: AttachmentsService, quickReplies: QuickRepliesService) {
  return async function routes(fastify: FastifyInstance) {
    await fastify.register(multipart);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['consultations'];

    app.post(
      '/consultations/:id/attachments',
      {
        schema: {
          tags,
          summary:
            'Upload an image (10 MB), voice note (audio, 5 MB, 120 s) or file (PDF/image, 20 MB); send it as a message next',
          params: Params,
          consumes: ['multipart/form-data'],
          response: { 201: Attachment },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        const attachment = await attachments.upload(contextOf(req), req.params.id, upload);
        return reply.status(201).send(attachment);
      },
    );

    app.get(
      '/consultations/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: "An attachment's bytes (access-checked, audited)",
          params: AttachmentParams,
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const file = await attachments.read(contextOf(req), req.params.id, req.params.attachmentId);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(file.fileName, file.kind))
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(file.bytes);
      },
    );

    const DOCTORS = { roles: ['doctor', 'org_admin'] } as const;
    const ReplyParams = z.object({ id: Uuid });

    app.get(
      '/consultation-quick-replies',
      {
        schema: {
          tags,
          summary: "The doctor's quick replies and the organization's templates",
          response: { 200: z.object({ items: z.array(QuickReply) }) },
        },
        config: { access: DOCTORS },
      },
      async (req) => ({ items: await quickReplies.list(contextOf(req)) }),
    );
    app.post(
      '/consultation-quick-replies',
      {
        schema: {
          tags,
          summary: 'Add a quick reply (shared: an organization template)',
          body: QuickReplyBody,
          response: { 201: QuickReply },
        },
        config: { access: DOCTORS },
      },
      async (req, reply) => reply.status(201).send(await quickReplies.create(contextOf(req), req.body)),
    );
    app.put(
      '/consultation-quick-replies/:id',
      {
        schema: {
          tags,
          summary: 'Change a quick reply',
          params: ReplyParams,
          body: QuickReplyBody,
          response: { 200: QuickReply },
        },
        config: { access: DOCTORS },
      },
      async (req) => quickReplies.update(contextOf(req), req.params.id, req.body),
    );
    app.delete(
      '/consultation-quick-replies/:id',
      { schema: { tags, summary: 'Remove a quick reply', params: ReplyParams }, config: { access: DOCTORS } },
      async (req, reply) => {
        await quickReplies.remove(contextOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
