// The server's limits (DOCUMENT_MAX_BYTES, DOCUMENT_CONTENT_TYPES in @careloop/contracts), written out here so the
// app bundle does not pull in zod and every contract for two constants; a test keeps them equal.
export const MAX_BYTES = 20 * 1024 * 1024;
export const CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
];

export type FileProblem = { code: 'too_large'; size: number } | { code: 'bad_type' };

// Some phones leave the type of HEIC photos empty; the name still says what it is. The server checks the bytes.
const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
};

export function contentTypeOf(file: { name: string; type: string }): string | null {
  if (CONTENT_TYPES.includes(file.type)) return file.type;
  if (file.type === 'image/heif') return 'image/heic';
  if (file.type !== '' && file.type !== 'application/octet-stream') return null;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSIONS[extension] ?? null;
}

/** What is wrong with a chosen file before it is sent (the server checks again, by content). */
export function checkDocumentFile(file: { name: string; size: number; type: string }): FileProblem | null {
  if (contentTypeOf(file) === null) return { code: 'bad_type' };
  if (file.size > MAX_BYTES) return { code: 'too_large', size: file.size };
  return null;
}

/** A title from the file name when the person gives none: without the extension, at most 200 characters. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return (base || name).slice(0, 200);
}
