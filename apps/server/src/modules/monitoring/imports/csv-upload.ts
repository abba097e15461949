import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors/app-error.ts';

/** The largest readings CSV accepted: about 100,000 rows. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;

const notMultipart = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', {
    errors: [{ path: 'headers.content-type', message: 'expected multipart/form-data' }],
  });
const invalid = (path: string, message: string) =>
  new AppError('MONITORING_CSV_INVALID', { errors: [{ path, message }] });

/** Reads the one file of a multipart form (field `file`) within the size limit. */
export async function readCsvUpload(req: FastifyRequest): Promise<Buffer> {
  const { RequestFileTooLargeError, FilesLimitError, PartsLimitError, InvalidMultipartContentTypeError } =
    req.server.multipartErrors;
  if (!req.isMultipart()) throw notMultipart();
  let file: Buffer | null = null;
  try {
    const parts = req.parts({
      limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1000 },
    });
    for await (const part of parts) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') throw invalid(part.fieldname, 'unexpected_file');
      file = await part.toBuffer();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof RequestFileTooLargeError) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        errors: [{ path: 'file', message: `larger than ${CSV_MAX_BYTES} bytes` }],
      });
    }
    if (error instanceof FilesLimitError) throw invalid('file', 'one_file_only');
    if (error instanceof PartsLimitError) throw invalid('', 'too_many_parts');
    if (error instanceof InvalidMultipartContentTypeError) throw notMultipart();
    // Anything else the form parser throws is a broken body (bad boundary, truncated part), not our failure.
    throw invalid('', 'unreadable_form');
  }
  if (!file) throw invalid('file', 'required');
  return file;
}
