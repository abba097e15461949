import type { MonitoringImport } from '@careloop/contracts';
import { ApiError } from '../../../api/api-error.ts';
import { API_BASE, apiHeaders, errorFrom } from '../../../api/client.ts';
import { i18n } from '../../../i18n/index.ts';

/**
 * PUTs one part of a file as raw bytes, reporting bytes sent (fetch has no upload progress), with the API client's
 * headers and error shape.
 */
export function putPart(
  path: string,
  body: Blob,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<MonitoringImport> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(apiHeaders('PUT'))) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', title: i18n.t('errors.network') }));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as MonitoringImport);
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
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
