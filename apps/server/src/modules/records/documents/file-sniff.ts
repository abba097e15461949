import { AppError } from '../../../platform/errors/app-error.ts';

// What an uploaded file really is, from its first bytes (magic numbers), never from its name or the type the
// browser claims: a document must be a PDF or an image we can show, and a program is refused whatever it is called.

export type DocumentContentType =
  'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

export const EXTENSION_OF: Readonly<Record<DocumentContentType, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

const TYPE_OF_EXTENSION: Readonly<Record<string, DocumentContentType>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
};

/** Declared types that say nothing (a browser that does not know the extension sends one of these). */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);
const DECLARED_ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/heif': 'image/heic',
  'application/x-pdf': 'application/pdf',
};

const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'com',
  'bat',
  'cmd',
  'scr',
  'msi',
  'dll',
  'ps1',
  'vbs',
  'js',
  'jar',
  'apk',
  'sh',
  'app',
  'bin',
  'elf',
]);

// HEIF brands of HEVC-coded images (ISO/IEC 23008-12): the file is HEIC when the ftyp box names one of them.
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

const starts = (bytes: Buffer, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, from: number, to: number) => bytes.subarray(from, to).toString('latin1');

/** Executable formats: Windows PE/DOS, ELF, Mach-O (thin and fat), and scripts with a #! line. */
export function executableKind(bytes: Buffer): string | null {
  if (starts(bytes, [0x4d, 0x5a])) return 'pe';
  if (starts(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ])
    if (starts(bytes, magic)) return 'mach-o';
  if (starts(bytes, [0x23, 0x21])) return 'script';
  return null;
}

function heic(bytes: Buffer): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands.some((b) => HEIC_BRANDS.has(b));
}

/** The document type the bytes are, or null for anything else. */
export function sniffDocument(bytes: Buffer): DocumentContentType | null {
  // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3 note).
  if (bytes.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'application/pdf';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return 'image/webp';
  if (heic(bytes)) return 'image/heic';
  return null;
}

const refuse = (
  code: 'RECORD_DOCUMENT_EXECUTABLE' | 'RECORD_DOCUMENT_TYPE_UNSUPPORTED' | 'RECORD_DOCUMENT_TYPE_MISMATCH',
  message: string,
) => new AppError(code, { errors: [{ path: 'file', message }] });

/**
 * Accepts a PDF, JPEG, PNG, WebP or HEIC file and answers its real type; refuses programs, other formats, and files
 * whose name or declared type says something other than their content (a PNG called report.pdf).
 */
export function screenDocument(file: {
  bytes: Buffer;
  filename: string;
  declaredType: string;
}): DocumentContentType {
  const extension = file.filename.includes('.') ? file.filename.split('.').pop()!.toLowerCase() : '';
  const executable = executableKind(file.bytes);
  if (executable) throw refuse('RECORD_DOCUMENT_EXECUTABLE', `executable_${executable}`);
  if (EXECUTABLE_EXTENSIONS.has(extension))
    throw refuse('RECORD_DOCUMENT_EXECUTABLE', `executable_name_.${extension}`);
  const type = sniffDocument(file.bytes);
  if (!type) throw refuse('RECORD_DOCUMENT_TYPE_UNSUPPORTED', 'unsupported_content');
  const declared = file.declaredType.split(';')[0]!.trim().toLowerCase();
  const claimed = DECLARED_ALIASES[declared] ?? declared;
  if (!UNDECLARED.has(claimed) && claimed !== type) {
    throw refuse('RECORD_DOCUMENT_TYPE_MISMATCH', `declared_${claimed}_is_${type}`);
  }
  const named = TYPE_OF_EXTENSION[extension];
  if (named && named !== type)
    throw refuse('RECORD_DOCUMENT_TYPE_MISMATCH', `named_.${extension}_is_${type}`);
  return type;
}
