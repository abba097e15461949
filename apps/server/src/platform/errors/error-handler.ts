import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './app-error.ts';
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';
import { requestLanguage } from '../http/language.ts';

function pathOf(instancePath: string | undefined, extra?: string): string {
  const base = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  return [base, extra].filter(Boolean).join('.');
}

function fromFastifyError(error: FastifyError): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors: FieldError[] = error.validation.map((v) => {
      const params = v.params as { keys?: string[] } | undefined;
      const keys = v.keyword === 'unrecognized_keys' ? params?.keys : undefined;
      const path = [error.validationContext, pathOf(v.instancePath, keys?.join(','))]
        .filter(Boolean)
        .join('.');
      return { path, message: v.message ?? 'invalid' };
    });
    return new AppError('VALIDATION_FAILED', { errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    // PostgreSQL gave up one of two transactions that waited on each other (a deadlock) or could not serialize
    // them: the loser rolled back whole, and the client may simply send it again.
    case '40P01':
    case '40001':
      return new AppError('CONCURRENT_CHANGE');
    case 'FST_ERR_VALIDATION':
      return new AppError('VALIDATION_FAILED', { errors: [{ path: '', message: error.message }] });
    default:
      break;
  }
  if (error.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error instanceof SyntaxError || error.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (error.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  return new AppError('INTERNAL');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, appError: AppError) {
  const info = ERROR_CODES[appError.code as ErrorCode];
  const zh = requestLanguage(request) === 'zh-CN';
  const title = zh ? info.zh : info.en;
  if (appError.headers) void reply.headers(appError.headers);
  return reply
    .status(info.status)
    .type('application/problem+json')
    .send({
      type: `https://careloop.dev/problems/${appError.code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status: info.status,
      detail: appError.detail ?? title,
      code: appError.code,
      ...(appError.errors ? { errors: appError.errors } : {}),
      requestId: request.id,
    });
}

/** The one place that turns any failure into RFC 9457 problem+json. 5xx details never reach the client. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

export function registerErrorHandler(
  app: FastifyInstance,
  pageFallback: () => PageFallback | null = () => null,
) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError.code === 'INTERNAL') {
      request.log.error(
        { err: { type: error.name, message: error.message, stack: error.stack } },
        'unhandled error',
      );
    }
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler(
    (request, reply) =>
      pageFallback()?.(request, reply) ?? sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND')),
  );
}
