import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import {
  DOCUMENT_MAX_BYTES,
  DocumentListQuery,
  DocumentPage,
  DocumentUploadFields,
  Ok,
  RecordDocument,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { DocumentsService, DocumentUpload } from './documents.service.ts';
import { contentDisposition, documentFileName } from './content-disposition.ts';
import { EXTENSION_OF, type DocumentContentType } from './file-sniff.ts';

const PatientParams = z.object({ id: Uuid });
const DocumentParams = z.object({ id: Uuid, docId: Uuid });
const FIELD_NAMES = new Set(['kind', 'title', 'documentDate']);

const malformed = (path: string, message: string) =>
  new AppError('RECORD_DOCUMENT_MALFORMED', { errors: [{ path, message }] });

/** Reads the form: the fields kind, title, documentDate and exactly one file, within the size limit. */
async function readUpload(req: FastifyRequest): Promise<DocumentUpload> {
  const { RequestFileTooLargeError, FilesLimitError, PartsLimitError, InvalidMultipartContentTypeError } =
    req.server.multipartErrors;
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data' }],
    });
  }
  const fields: Record<string, string> = {};
  let file: DocumentUpload['file'] | null = null;
  try {
    const parts = req.parts({
      limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 1000 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw malformed(part.fieldname, 'unexpected_file');
        file = {
          bytes: await part.toBuffer(),
          filename: (part.filename || '').slice(0, 255),
          declaredType: part.mimetype || '',
        };
      } else if (FIELD_NAMES.has(part.fieldname) && typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      } else {
        throw malformed(part.fieldname, 'unexpected_field');
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RequestFileTooLargeError) {
      throw new AppError('RECORD_DOCUMENT_TOO_LARGE', {
        errors: [{ path: 'file', message: `larger than ${DOCUMENT_MAX_BYTES} bytes` }],
      });
    }
    if (error instanceof FilesLimitError) throw malformed('file', 'one_file_only');
    if (error instanceof PartsLimitError) throw malformed('', 'too_many_parts');
    if (error instanceof InvalidMultipartContentTypeError) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data' }],
      });
    }
    // Anything else the form parser throws is a broken body (bad boundary, truncated part), not our failure.
    throw malformed('', 'unreadable_form');
  }
  if (!file) throw malformed('file', 'required');
  const parsed = DocumentUploadFields.safeParse(fields);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return { ...parsed.data, file };
}

export function documentsRoutes(documents: DocumentsService) {
  return async function routes(fastify: FastifyInstance) {
    await fastify.register(multipart);
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['records'];

    app.post(
      '/patients/:id/documents',
      {
        schema: {
          tags,
          summary:
            'Upload a document (multipart: kind, title, documentDate?, file; PDF/JPEG/PNG/WebP/HEIC up to 20 MB). ' +
            '201 new, 200 when the same file is already in the record',
          consumes: ['multipart/form-data'],
          params: PatientParams,
          response: { 200: RecordDocument, 201: RecordDocument },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const ctx = contextOf(req);
        await documents.requireUploadAccess(ctx, req.params.id);
        const { document, created } = await documents.upload(ctx, req.params.id, await readUpload(req));
        return reply.status(created ? 201 : 200).send(document);
      },
    );

    app.get(
      '/patients/:id/documents',
      {
        schema: {
          tags,
          summary: "The patient's documents, newest first",
          params: PatientParams,
          querystring: DocumentListQuery,
          response: { 200: DocumentPage },
        },
        config: { access: 'signed-in' },
      },
      async (req) => documents.list(contextOf(req), req.params.id, req.query),
    );

    app.get(
      '/patients/:id/documents/:docId/content',
      {
        schema: {
          tags,
          summary: 'The document itself (decrypted, never cached); ?download=true to save instead of show',
          params: DocumentParams,
          querystring: z.object({ download: z.enum(['true', 'false']).default('false') }),
          produces: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'],
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        let content;
        try {
          content = await documents.content(contextOf(req), {
            patientId: req.params.id,
            documentId: req.params.docId,
          });
        } catch (error) {
          if (error instanceof AppError && error.code === 'RECORD_DOCUMENT_DAMAGED') {
            req.log.error(
              { documentId: req.params.docId, problem: error.detail },
              'stored document cannot be read',
            );
          }
          throw error;
        }
        const { document, bytes } = content;
        const extension = EXTENSION_OF[document.contentType as DocumentContentType] ?? 'bin';
        return reply
          .type(document.contentType)
          .header('content-length', bytes.length)
          .header('cache-control', 'private, no-store')
          .header(
            'content-disposition',
            contentDisposition(
              req.query.download === 'true' ? 'attachment' : 'inline',
              documentFileName(document.title, extension),
            ),
          )
          .send(bytes);
      },
    );

    app.delete(
      '/patients/:id/documents/:docId',
      {
        schema: {
          tags,
          summary: 'Remove a document from the record (kept for the audit trail)',
          params: DocumentParams,
          response: { 200: Ok },
        },
        config: { access: 'signed-in' },
      },
      async (req) => {
        await documents.remove(contextOf(req), { patientId: req.params.id, documentId: req.params.docId });
        return { ok: true as const };
      },
    );
  };
}
