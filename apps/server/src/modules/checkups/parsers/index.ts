// Checkup file parsers: sniff what an upload is, check its size, and read it into reports with row-by-row
// problems. Bad input never throws: a refused file comes back with `fatal` set.
import {
  csvToReports,
  decodeText,
  fhirToReports,
  hl7ToReports,
  refuse,
  rowProblem,
  type CheckupSourceFormat,
  type ParseOutcome,
} from '@careloop/interop';
import { MAX_BYTES, MAX_ROWS } from './limits.ts';
import { recognizeReportImage, type OcrProgress } from './ocr.ts';
import { pdfToReports } from './pdf.ts';
import { claimedFormat, isRefusal, sniffFormat } from './sniff.ts';
import { xlsxToReports } from './xlsx.ts';

export { closeOcr, recognizeReportImage, type OcrOptions, type OcrProgress } from './ocr.ts';
export {
  sniffFormat,
  isRefusal,
  type SniffRefusal,
  type SniffRefusalCode,
  type SniffResult,
} from './sniff.ts';
export {
  MAX_BYTES,
  MAX_IMAGE_PIXELS,
  MAX_IMAGE_SIDE,
  MAX_PDF_PAGES,
  MAX_ROWS,
  MAX_UPLOAD_BYTES,
} from './limits.ts';
export { buildTemplateCsv, buildTemplateXlsx, templateRows, type TemplateLanguage } from './template.ts';
export { xlsxToReports } from './xlsx.ts';
export { pdfToReports } from './pdf.ts';

export interface ParseCheckupFileInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** The media type the upload declared; checked against the content, never trusted. */
  readonly declaredType?: string;
  /** Progress of the slow step (OCR of a photo); other formats finish in one go. */
  readonly onProgress?: (progress: OcrProgress) => void;
  /** Aborts OCR; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(format: CheckupSourceFormat, size: number): ParseOutcome {
  const limit = megabytes(MAX_BYTES[format]);
  return refuse(
    format,
    rowProblem(
      1,
      'too_large',
      `the file is ${megabytes(size)}; files of this type may be at most ${limit}`,
      `文件大小为 ${megabytes(size)}，此类文件不能超过 ${limit}`,
    ),
  );
}

async function parseAs(format: CheckupSourceFormat, input: ParseCheckupFileInput): Promise<ParseOutcome> {
  const { bytes } = input;
  switch (format) {
    case 'csv':
      return csvToReports(bytes, { maxRows: MAX_ROWS });
    case 'hl7':
      return hl7ToReports(decodeText(bytes).text);
    case 'fhir':
      return fhirToReports(decodeText(bytes).text);
    case 'xlsx':
      return xlsxToReports(bytes);
    case 'pdf':
      return pdfToReports(bytes);
    case 'image':
      return recognizeReportImage(bytes, {
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      });
  }
}

/**
 * Reads one uploaded checkup file of any supported format. Refusals (an executable, a type that does not match
 * the name, a file over its size limit, a PDF that is not a report) come back as `fatal`; only an abort, or a
 * fault of the machine itself (out of memory, OCR engine failing to start), rejects.
 */
export async function parseCheckupFile(input: ParseCheckupFileInput): Promise<ParseOutcome> {
  const sniffed = sniffFormat(input.bytes, input.fileName, input.declaredType);
  if (isRefusal(sniffed)) {
    return refuse(
      claimedFormat(input.fileName, input.declaredType),
      rowProblem(1, sniffed.code, sniffed.message, sniffed.messageZh),
    );
  }
  if (input.bytes.length > MAX_BYTES[sniffed]) return tooLarge(sniffed, input.bytes.length);
  return parseAs(sniffed, input);
}
