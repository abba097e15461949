import { i18n } from '../i18n/index.ts';
import { ApiError, type FieldError } from './api-error.ts';

const BASE = '/api/v1';
export const API_BASE = BASE;
let csrfToken: string | null = null;

/** Kept in memory only; it comes from the last /auth/me or sign-in answer. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }));
}

/** The headers `request` sends (language; the CSRF token on writes), for uploads and downloads made outside it. */
export function apiHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': i18n.language };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

export async function errorFrom(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isRecord(body) && typeof body.title === 'string') {
    return new ApiError({
      status: response.status,
      code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      title: body.title,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: fieldErrors(body.errors),
    });
  }
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    title: i18n.t('errors.generic'),
  });
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: i18n.t('errors.network') });
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Lists may come as a bare array or as `{ items, nextCursor }`; callers want the items. */
export function itemsOf<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items;
}
