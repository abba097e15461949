// A quick look at a template file's header before it is accepted: a CSV or Excel file without the template's
// columns is refused at upload (naming the missing columns) instead of failing later inside the job.
import {
  csvToReports,
  decodeText,
  tabularToReports,
  type CheckupSourceFormat,
  type RowProblem,
} from '@careloop/interop';
import { readXlsxRows } from '../parsers/xlsx.ts';

/** Enough rows for a title, the header and the template's hint row. */
const HEAD_ROWS = 30;
/** Larger workbooks are not opened twice: their header is checked by the job, which reports it the same way. */
const MAX_XLSX_PREFLIGHT_BYTES = 1024 * 1024;
const REFUSING = new Set(['missing_column', 'empty_file', 'not_text']);

/** The reason to refuse the file, or undefined when its header is fine (or it is not a template file). */
export async function templateHeaderProblem(
  format: CheckupSourceFormat,
  bytes: Uint8Array,
): Promise<RowProblem | undefined> {
  if (format === 'csv') {
    const lines = decodeText(bytes).text.split(/\r?\n/);
    const head = lines.slice(0, HEAD_ROWS).join('\n');
    const fatal = csvToReports(head).fatal;
    if (fatal && (REFUSING.has(fatal.code) || (fatal.code === 'no_rows' && lines.length <= HEAD_ROWS)))
      return fatal;
    return undefined;
  }
  if (format === 'xlsx' && bytes.length <= MAX_XLSX_PREFLIGHT_BYTES) {
    const rows = await readXlsxRows(bytes);
    if (!Array.isArray(rows)) return rows.fatal;
    const fatal = tabularToReports(rows.slice(0, HEAD_ROWS), 'xlsx').fatal;
    if (fatal && (REFUSING.has(fatal.code) || (fatal.code === 'no_rows' && rows.length <= HEAD_ROWS)))
      return fatal;
  }
  return undefined;
}
