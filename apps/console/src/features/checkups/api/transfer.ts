import { ApiError, apiHeaders, problemOf, urlOf } from '../../../api/client';

type Query = Record<string, string | number | undefined>;

/**
 * POSTs a multipart form and reports how much of it has gone up (0..1). XMLHttpRequest rather than fetch, because
 * only it tells upload progress; the answer is read the same way `api` reads it (problem+json on failure).
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path));
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(apiHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', title: 'Network error' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'ABORTED', title: 'Aborted' }));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'HTTP_INVALID_JSON', title: 'Invalid answer' }));
        }
        return;
      }
      const body = xhr.status === 204 || xhr.status === 304 ? null : xhr.responseText;
      const response = new Response(body, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      void problemOf(response).then(reject);
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** The file name a Content-Disposition header gives (RFC 6266: `filename*` in UTF-8 wins over `filename`). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  return name === '' ? null : name;
}

/**
 * Fetches a file with the session cookie and hands it to the browser as a download (a blob URL, so no session
 * token ever sits in a link). The server's file name is kept when it sends one.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { headers: apiHeaders('GET'), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error' });
  }
  if (!response.ok) throw await problemOf(response);
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
