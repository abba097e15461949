import { ApiError, apiHeaders, problemOf, urlOf } from './client';

// Uploads and downloads (documents, checkup imports, templates, reports), outside `api` because they carry bytes: the same headers (language, CSRF)
// and the same problem+json reading.

/**
 * POSTs a multipart form and reports how much has gone up (0..1). XMLHttpRequest, because only it reports upload
 * progress; the answer is read as `api` reads it, with its status (201 created, 200 the same file stored before).
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<{ status: number; body: T }> {
  return new Promise<{ status: number; body: T }>((resolve, reject) => {
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
          const body = (xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T;
          resolve({ status: xhr.status, body });
        } catch {
          reject(new ApiError({ status: xhr.status, code: 'HTTP_INVALID_JSON', title: 'Invalid answer' }));
        }
        return;
      }
      const response = new Response(xhr.responseText || null, {
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
      // A malformed escape: the plain name below.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  return name === '' ? null : name;
}

export interface FetchedFile {
  blob: Blob;
  name: string | null;
}

/** Fetches a file with the session cookie (never a token in a link), as a blob. */
export async function fetchFile(
  path: string,
  query?: Record<string, string | undefined>,
): Promise<FetchedFile> {
  let response: Response;
  try {
    response = await fetch(urlOf(path, query), { headers: apiHeaders('GET'), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Network error' });
  }
  if (!response.ok) throw await problemOf(response);
  return {
    blob: await response.blob(),
    name: fileNameFromDisposition(response.headers.get('content-disposition')),
  };
}

/** Hands a blob to the browser as a download under `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the blob only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Fetches a file and saves it under the server's file name, or `fallbackName` when it sends none. */
export async function downloadFile(
  path: string,
  query: Record<string, string | undefined>,
  fallbackName: string,
): Promise<void> {
  const file = await fetchFile(path, query);
  saveBlob(file.blob, file.name ?? fallbackName);
}

/**
 * Opens a blob in a new tab (PDFs: the browser's viewer). The tab is opened before the fetch finishes, inside the
 * click, so pop-up blockers allow it; it is pointed at the blob when it arrives, or closed on failure.
 */
export async function openInNewTab(load: () => Promise<Blob>): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await load();
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
