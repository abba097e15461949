import type { CheckupSourceFormat } from '@careloop/contracts';

/** What the browser knows of a picked file; File satisfies it, tests pass plain objects. */
export interface PickedFile {
  name: string;
  size: number;
}

/** File endings the import reads, with the format each is read as (HL7 v2 also comes as .txt). */
export const IMPORT_FORMATS: Readonly<Record<string, CheckupSourceFormat>> = {
  xlsx: 'xlsx',
  csv: 'csv',
  hl7: 'hl7',
  txt: 'hl7',
  json: 'fhir',
  pdf: 'pdf',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
};

/** The `accept` attribute of the file picker. */
export const IMPORT_ACCEPT = Object.keys(IMPORT_FORMATS)
  .map((ext) => `.${ext}`)
  .join(',');

// The server's limits (apps/server/src/modules/checkups/parsers/limits.ts and imports/upload-screen.ts).
/** Per-file limits: a photo of a report never needs more than 10 MB, a batch spreadsheet may be larger. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Files in one import, and their bytes together. */
export const MAX_FILES = 50;
export const MAX_TOTAL_BYTES = 200 * 1024 * 1024;

export type FileProblem = 'type' | 'empty' | 'tooLarge' | 'duplicate' | 'tooMany' | 'totalTooLarge';

export interface RefusedFile<F extends PickedFile> {
  file: F;
  problem: FileProblem;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function formatOf(name: string): CheckupSourceFormat | null {
  return IMPORT_FORMATS[extensionOf(name)] ?? null;
}

export function maxBytesFor(name: string): number {
  return formatOf(name) === 'image' ? MAX_IMAGE_BYTES : MAX_FILE_BYTES;
}

/**
 * The browser's first check of files added to an import: a known ending, not empty, within the size limit, not
 * the same file twice, at most MAX_FILES and MAX_TOTAL_BYTES in all. The server checks again (content, not name), so this only spares
 * the person an upload that would be refused.
 */
export function checkImportFiles<F extends PickedFile>(
  current: readonly F[],
  added: readonly F[],
): { accepted: F[]; refused: RefusedFile<F>[] } {
  const accepted: F[] = [];
  const refused: RefusedFile<F>[] = [];
  const seen = new Set(current.map((f) => `${f.name}\u0000${f.size}`));
  let total = current.reduce((sum, f) => sum + f.size, 0);
  for (const file of added) {
    const key = `${file.name}\u0000${file.size}`;
    let problem: FileProblem | null = null;
    if (formatOf(file.name) === null) problem = 'type';
    else if (file.size === 0) problem = 'empty';
    else if (file.size > maxBytesFor(file.name)) problem = 'tooLarge';
    else if (seen.has(key)) problem = 'duplicate';
    else if (current.length + accepted.length >= MAX_FILES) problem = 'tooMany';
    else if (total + file.size > MAX_TOTAL_BYTES) problem = 'totalTooLarge';
    if (problem) {
      refused.push({ file, problem });
    } else {
      seen.add(key);
      total += file.size;
      accepted.push(file);
    }
  }
  return { accepted, refused };
}

/** A byte count for people: 980 B, 12.5 KB, 3.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toFixed(kb < 10 ? 1 : 0)} KB`;
  const mb = kb / 1024;
  return `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
}
