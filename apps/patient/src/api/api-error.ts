export interface FieldError {
  path: string;
  message: string;
}

/** An error answer from the API, read from its problem+json body (titles arrive already localized). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: FieldError[] }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
  }
}

/** `/profile/name`, `profile.name`, `body.profile.name` and `profile/name` all become `profile.name`. */
export function normalizeFieldPath(path: string): string {
  return path
    .replace(/^\/+/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((part) => part !== '')
    .filter((part, index) => !(index === 0 && part === 'body'))
    .join('.');
}

/** Field messages keyed by normalized path, for showing under the matching inputs. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const { path, message } of error.errors) {
    const key = normalizeFieldPath(path);
    out[key] ??= message;
  }
  return out;
}
