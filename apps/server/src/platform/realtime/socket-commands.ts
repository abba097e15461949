import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ProblemDetail } from '@careloop/contracts';
import type { RequestContext } from '../auth/actor.ts';
import type { Language } from '../http/language.ts';
import { AppError } from '../errors/app-error.ts';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.ts';
import type { RealtimeNamespace } from './realtime.ts';

/**
 * A command an app sends over its socket (client to server) and the handler that answers it through the
 * acknowledgement callback. Handlers are the services' own methods: access is checked there, as for HTTP.
 */
export interface SocketCommand<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly namespaces: readonly RealtimeNamespace[];
  readonly schema: S;
  readonly handler: (ctx: RequestContext, payload: z.infer<S>, language: Language) => Promise<object>;
}

export function defineCommand<S extends z.ZodType>(command: SocketCommand<S>): SocketCommand<S> {
  return command;
}

export type CommandAnswer = ({ ok: true } & Record<string, unknown>) | { ok: false; problem: ProblemDetail };

/** The same problem+json body the HTTP error handler sends, for an acknowledgement. */
export function problemOf(error: AppError, language: Language, requestId: string): ProblemDetail {
  const info = ERROR_CODES[error.code as ErrorCode];
  const title = language === 'zh-CN' ? info.zh : info.en;
  return {
    type: `https://careloop.dev/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: info.status,
    detail: error.detail ?? title,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
    requestId,
  };
}

/**
 * Runs one command: validates the payload like a route's schema, calls the handler, and turns any failure into
 * a problem. Unexpected errors are logged by the caller and answered as INTERNAL, with no detail.
 */
export async function runCommand(
  command: SocketCommand,
  ctx: Omit<RequestContext, 'requestId'>,
  payload: unknown,
  language: Language,
  onUnexpected: (error: unknown) => void,
): Promise<CommandAnswer> {
  const requestId = randomUUID();
  const parsed = command.schema.safeParse(payload);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return {
      ok: false,
      problem: problemOf(new AppError('VALIDATION_FAILED', { errors }), language, requestId),
    };
  }
  try {
    const result = await command.handler({ ...ctx, requestId }, parsed.data, language);
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, problem: problemOf(error, language, requestId) };
    onUnexpected(error);
    return { ok: false, problem: problemOf(new AppError('INTERNAL'), language, requestId) };
  }
}
