// What an uploaded checkup file really is, from its bytes: the name and declared type are only checked against
// the content, never trusted (api.md, Uploads). Executables are refused whatever they are called.
import { decodeText, type CheckupSourceFormat } from '@careloop/interop';

export type SniffRefusalCode = 'unsupported_type' | 'executable' | 'type_mismatch';

export interface SniffRefusal {
  readonly code: SniffRefusalCode;
  readonly message: string;
  readonly messageZh: string;
}

export type SniffResult = CheckupSourceFormat | SniffRefusal;

export const isRefusal = (result: SniffResult): result is SniffRefusal => typeof result !== 'string';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const EXECUTABLES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  ascii('MZ'), // DOS/Windows PE (.exe, .dll)
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (and Java class files)
  ascii('#!'), // scripts
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

/** The format a file name or a declared media type stands for, when it names one. */
function impliedFormat(fileName: string, declaredType: string | undefined): CheckupSourceFormat | undefined {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  const byExtension: Record<string, CheckupSourceFormat> = {
    pdf: 'pdf',
    xlsx: 'xlsx',
    png: 'image',
    jpg: 'image',
    jpeg: 'image',
    webp: 'image',
    csv: 'csv',
    tsv: 'csv',
    txt: 'csv',
    hl7: 'hl7',
    json: 'fhir',
  };
  const type = declaredType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const byType: Record<string, CheckupSourceFormat> = {
    'application/pdf': 'pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
    'image/png': 'image',
    'image/jpeg': 'image',
    'image/webp': 'image',
    'text/csv': 'csv',
    'application/fhir+json': 'fhir',
    'application/json': 'fhir',
    'x-application/hl7-v2+er7': 'hl7',
  };
  return (extension && byExtension[extension]) || byType[type];
}

const TEXT_FORMATS: ReadonlySet<CheckupSourceFormat> = new Set(['csv', 'hl7', 'fhir']);

const refusal = (code: SniffRefusalCode, message: string, messageZh: string): SniffRefusal => ({
  code,
  message,
  messageZh,
});

/** The format of the content alone, or why it is refused. */
function contentFormat(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return refusal('unsupported_type', 'the file is empty', '文件为空');
  if (EXECUTABLES.some((magic) => startsWith(bytes, magic))) {
    return refusal(
      'executable',
      'the file is a program, not a checkup report',
      '该文件是可执行程序，不是体检报告',
    );
  }
  // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, annex H.3).
  const head = bytes.subarray(0, 1024);
  if (Buffer.from(head).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (Buffer.from(bytes.subarray(0, 64 * 1024)).includes('xl/')) return 'xlsx';
    return refusal(
      'unsupported_type',
      'the file is a zip archive but not an Excel workbook (.xlsx)',
      '该文件是压缩包，不是 Excel 工作簿（.xlsx）',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return refusal(
      'unsupported_type',
      'old Excel files (.xls) and password-protected workbooks cannot be read: save as .xlsx without a password',
      '无法读取旧版 Excel（.xls）或加密的工作簿：请另存为不加密的 .xlsx',
    );
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image';
  if (
    startsWith(bytes, ascii('ftyp'), 4) &&
    /^(heic|heix|mif1|msf1|avif)/.test(Buffer.from(bytes.subarray(8, 12)).toString('latin1'))
  ) {
    return refusal(
      'unsupported_type',
      'HEIC/AVIF photos cannot be read: take or export the photo as JPEG or PNG',
      '无法读取 HEIC/AVIF 照片：请以 JPEG 或 PNG 格式拍摄或导出',
    );
  }
  const { text } = decodeText(bytes.subarray(0, 64 * 1024));
  if (looksBinary(text)) {
    return refusal(
      'unsupported_type',
      'the file type is not supported: upload Excel (.xlsx), CSV, HL7, FHIR JSON, a PDF or a photo (JPEG/PNG/WebP)',
      '不支持此文件类型：请上传 Excel（.xlsx）、CSV、HL7、FHIR JSON、PDF 或照片（JPEG/PNG/WebP）',
    );
  }
  const start = text.replace(/^[\s\ufeff]+/, '');
  if (/^(?:MSH|FHS|BHS)[^A-Za-z0-9\s]/.test(start)) return 'hl7';
  if (start.startsWith('{') && /"resourceType"\s*:/.test(text)) return 'fhir';
  return 'csv';
}

// Control characters other than tab, line ends, form feed and the MLLP frame bytes (0x0b, 0x1c) of HL7 mean binary
// data; UTF-16 text decodes without them.
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c]);

function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !TEXT_CONTROLS.has(code)) return true;
  }
  return false;
}

const NAMES: Readonly<Record<CheckupSourceFormat, [string, string]>> = {
  pdf: ['a PDF', 'PDF'],
  xlsx: ['an Excel workbook', 'Excel 工作簿'],
  image: ['an image', '图片'],
  csv: ['a CSV text file', 'CSV 文本'],
  hl7: ['an HL7 file', 'HL7 文件'],
  fhir: ['FHIR JSON', 'FHIR JSON'],
};

/**
 * The checkup source format of an upload, from magic bytes: %PDF-, a zip with xl/ (xlsx), PNG, JPEG, WebP,
 * MSH/FHS/BHS (HL7 v2), JSON with a resourceType (FHIR); other text is CSV. A name or declared type that says
 * otherwise (a .pdf that is not a PDF) is refused as a mismatch; text formats may be named after one another.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string, declaredType?: string): SniffResult {
  const found = contentFormat(bytes);
  if (isRefusal(found)) return found;
  const implied = impliedFormat(fileName, declaredType);
  if (implied === undefined || implied === found) return found;
  if (TEXT_FORMATS.has(implied) && TEXT_FORMATS.has(found)) return found;
  const [said, saidZh] = NAMES[implied];
  const [is, isZh] = NAMES[found];
  return refusal(
    'type_mismatch',
    `the file is named or declared as ${said} but its content is ${is}`,
    `文件名或类型声明为${saidZh}，但内容是${isZh}`,
  );
}

/** The format a refused file claimed to be, for the outcome of a refusal. */
export const claimedFormat = (fileName: string, declaredType?: string): CheckupSourceFormat =>
  impliedFormat(fileName, declaredType) ?? 'csv';
