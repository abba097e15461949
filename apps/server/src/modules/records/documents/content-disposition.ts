/**
 * A Content-Disposition header for a file name in any script: an ASCII fallback for old clients and the real name
 * encoded per RFC 5987 / RFC 6266 (`filename*=UTF-8''...`). Characters that could end the header or a parameter
 * (quotes, backslashes, control characters, path separators) never reach it.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const clean = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '/\\'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 150);
  const fallback = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["%;]/g, '_') || 'document';
  const encoded = encodeURIComponent(clean || 'document').replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The download name of a document: its title with the extension of its real type. */
export function documentFileName(title: string, extension: string): string {
  return title.toLowerCase().endsWith(`.${extension}`) ? title : `${title}.${extension}`;
}
