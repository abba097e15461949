// Uploaded files are looked at before anything is stored: each is sniffed from its bytes (never trusted from its
// name), measured against its format's limit, and either accepted with its format or refused with a reason.
import type { CheckupSourceFormat, RefusedCheckupFile } from '@careloop/contracts';
import type { Language } from '../../../platform/http/language.ts';
import { ERROR_CODES, type ErrorCode } from '../../../platform/errors/error-codes.ts';
import { isRefusal, MAX_BYTES, MAX_UPLOAD_BYTES, sniffFormat } from '../parsers/index.ts';
import { templateHeaderProblem } from './preflight.ts';

export interface UploadedFile {
  name: string;
  declaredType: string | null;
  bytes: Uint8Array;
  /** The upload was cut at the largest size any format accepts. */
  truncated: boolean;
}

export interface AcceptedFile extends UploadedFile {
  format: CheckupSourceFormat;
}

export const UPLOAD_LIMITS = {
  maxFiles: 50,
  /** Read at most one byte past the largest accepted file, so an oversized file is recognised and refused. */
  maxFileBytes: MAX_UPLOAD_BYTES + 1,
  maxTotalBytes: 200 * 1024 * 1024,
} as const;

/** Parser messages are clauses ('the file is empty'); shown alone they start as sentences. */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const refuse = (
  file: UploadedFile,
  code: ErrorCode,
  language: Language,
  detail?: string,
): RefusedCheckupFile => ({
  name: file.name,
  size: file.bytes.length,
  code,
  message: detail ?? (language === 'zh-CN' ? ERROR_CODES[code].zh : ERROR_CODES[code].en),
});

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const FORMAT_NAMES: Readonly<Record<CheckupSourceFormat, readonly [zh: string, en: string]>> = {
  csv: ['CSV 文件', 'CSV files'],
  xlsx: ['Excel 文件', 'Excel files'],
  hl7: ['HL7 文件', 'HL7 files'],
  fhir: ['FHIR 文件', 'FHIR files'],
  pdf: ['PDF 文件', 'PDF files'],
  image: ['照片', 'photos'],
};

function tooLarge(format: CheckupSourceFormat | null, language: Language): string {
  const limit = mb(format ? MAX_BYTES[format] : MAX_UPLOAD_BYTES);
  const [zh, en] = format ? FORMAT_NAMES[format] : ['文件', 'files'];
  return language === 'zh-CN'
    ? `文件过大：${format ? zh : '单个文件'}最大 ${limit} MB`
    : `The file is too large: ${format ? en : 'a file'} may be at most ${limit} MB`;
}

export async function screenUpload(
  files: readonly UploadedFile[],
  language: Language,
): Promise<{ accepted: AcceptedFile[]; refused: RefusedCheckupFile[] }> {
  const accepted: AcceptedFile[] = [];
  const refused: RefusedCheckupFile[] = [];
  for (const file of files) {
    if (file.truncated || file.bytes.length > MAX_UPLOAD_BYTES) {
      refused.push(refuse(file, 'CHECKUP_FILE_TOO_LARGE', language, tooLarge(null, language)));
      continue;
    }
    if (file.bytes.length === 0) {
      refused.push(refuse(file, 'CHECKUP_FILE_UNREADABLE', language));
      continue;
    }
    const sniffed = sniffFormat(file.bytes, file.name, file.declaredType ?? undefined);
    if (isRefusal(sniffed)) {
      const code: ErrorCode =
        sniffed.code === 'executable' ? 'CHECKUP_FILE_EXECUTABLE' : 'CHECKUP_FILE_TYPE_UNSUPPORTED';
      refused.push(
        refuse(file, code, language, language === 'zh-CN' ? sniffed.messageZh : sentence(sniffed.message)),
      );
      continue;
    }
    if (file.bytes.length > MAX_BYTES[sniffed]) {
      refused.push(refuse(file, 'CHECKUP_FILE_TOO_LARGE', language, tooLarge(sniffed, language)));
      continue;
    }
    const header = await templateHeaderProblem(sniffed, file.bytes);
    if (header) {
      refused.push(
        refuse(
          file,
          'CHECKUP_FILE_UNREADABLE',
          language,
          language === 'zh-CN' ? header.messageZh : sentence(header.message),
        ),
      );
      continue;
    }
    accepted.push({ ...file, format: sniffed });
  }
  return { accepted, refused };
}
