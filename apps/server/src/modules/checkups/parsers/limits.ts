// Upper bounds for checkup import files, checked before any parsing so an oversized upload costs nothing.
import type { CheckupSourceFormat } from '@careloop/interop';

const MB = 1024 * 1024;

export const MAX_BYTES: Readonly<Record<CheckupSourceFormat, number>> = {
  image: 10 * MB,
  pdf: 20 * MB,
  xlsx: 20 * MB,
  csv: 20 * MB,
  hl7: 20 * MB,
  fhir: 20 * MB,
};

/** The largest any format accepts: an upload route can refuse anything bigger before sniffing. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(MAX_BYTES));

/** Item rows per file (CSV/Excel rows, OBX segments, Observations). */
export const MAX_ROWS = 200_000;

/** PDF pages read; a checkup report runs to a few dozen at most. */
export const MAX_PDF_PAGES = 50;

/** Image side length and pixel count: a phone photo is at most about 50 megapixels. */
export const MAX_IMAGE_SIDE = 12_000;
export const MAX_IMAGE_PIXELS = 50_000_000;
/** Photos are scaled down to this longest side before OCR: enough for printed text, and much faster. */
export const OCR_TARGET_SIDE = 2_400;

/** Excel: the unzipped workbook may not be more than this (a zip bomb stops here). */
export const MAX_XLSX_UNZIPPED_BYTES = 200 * MB;
