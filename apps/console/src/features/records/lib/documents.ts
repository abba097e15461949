import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from './record-types';

export type FileRefusal = 'tooLarge' | 'empty' | 'wrongType';

const EXTENSIONS: Record<string, (typeof DOCUMENT_TYPES)[number]> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** What the server will accept, checked in the browser first so a wrong file is refused before it uploads. */
export function checkDocumentFile(file: { name: string; size: number; type: string }): FileRefusal | null {
  if (file.size === 0) return 'empty';
  if (file.size > DOCUMENT_MAX_BYTES) return 'tooLarge';
  // Browsers leave `type` empty for some files (HEIC on many systems): then the extension decides. The server
  // still sniffs the bytes, so a renamed file is refused there.
  const type = file.type || EXTENSIONS[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';
  return (DOCUMENT_TYPES as readonly string[]).includes(type) ? null : 'wrongType';
}

/** The accept attribute of the file input. */
export const DOCUMENT_ACCEPT = [...DOCUMENT_TYPES, ...Object.keys(EXTENSIONS).map((ext) => `.${ext}`)].join(
  ',',
);

/** A title from the file name: without the extension, trimmed to the server's 200 characters. */
export function titleFromFileName(name: string): string {
  return name
    .replace(/\.[^.]+$/, '')
    .trim()
    .slice(0, 200);
}

export function isPdf(contentType: string): boolean {
  return contentType === 'application/pdf';
}

/** Images the browser can show inline (HEIC mostly cannot: it is downloaded instead). */
export function isPreviewableImage(contentType: string): boolean {
  return ['image/jpeg', 'image/png', 'image/webp'].includes(contentType);
}
