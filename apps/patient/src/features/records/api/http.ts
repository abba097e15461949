import { ApiError } from '../../../api/api-error.ts';
import { API_BASE, apiHeaders, errorFrom } from '../../../api/client.ts';
import { i18n } from '../../../i18n/index.ts';

/**
 * A key for a POST a flaky phone may send twice: the server answers the repeat without doing it again. From
 * getRandomValues, which (unlike crypto.randomUUID) also exists on a plain-http address such as a hospital intranet's.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A JSON POST with an Idempotency-Key (the shared client sends no extra headers). */
export async function postIdempotent<T>(path: string, body: unknown, key: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers: {
        ...apiHeaders('POST'),
        Accept: 'application/json',
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: i18n.t('errors.network') });
  }
  if (!response.ok) throw await errorFrom(response);
  return (await response.json()) as T;
}

/** The file name a download answer names (RFC 6266 / RFC 5987 `filename*` first), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

export interface FetchedFile {
  blob: Blob;
  name: string;
  type: string;
}

/** GETs a file the signed-in person may read (cookie session), as a blob; API errors as ApiError. */
export async function fetchFile(path: string, fallbackName: string): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { headers: apiHeaders('GET'), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: i18n.t('errors.network') });
  }
  if (!response.ok) throw await errorFrom(response);
  const blob = await response.blob();
  return {
    blob,
    name: fileNameOf(response.headers.get('content-disposition'), fallbackName),
    type: response.headers.get('content-type') ?? blob.type,
  };
}

/**
 * Saves a fetched file: an <a download> on a blob URL works in desktop browsers, Android Chrome and iOS Safari
 * (13+); the URL is released a minute later so a slow phone can still open it.
 */
export function saveFile(file: FetchedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs multipart form data with upload progress (fetch has none), with the same headers and error shape as
 * the API client.
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(apiHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', title: i18n.t('errors.network') }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'BAD_RESPONSE', title: i18n.t('errors.generic') }));
        }
        return;
      }
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      void errorFrom(response).then(reject);
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
