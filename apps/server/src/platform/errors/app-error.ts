import type { ErrorCode } from './error-codes.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** A typed, expected failure. The one error handler renders it as problem+json; nothing else leaks. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly detail: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: { detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    // An expected refusal is answered, never logged, so it captures no stack trace (a large part of the cost of
    // a refused request); INTERNAL keeps its stack for the log.
    const limit = Error.stackTraceLimit;
    if (code !== 'INTERNAL') Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.errors = options.errors;
    this.detail = options.detail;
    this.headers = options.headers;
  }
}

export function fieldError(code: ErrorCode, path: string, message: string): AppError {
  return new AppError(code, { errors: [{ path, message }] });
}
