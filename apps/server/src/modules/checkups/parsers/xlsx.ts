// Excel workbooks of the checkup import template: the sheet named 体检结果/Results (else the first one) read with
// exceljs into text rows, then the same row reader as CSV. A corrupt or hostile workbook is refused, never thrown.
import { refuse, rowProblem, tabularToReports, type ParseOutcome } from '@careloop/interop';
import ExcelJS from 'exceljs';
import { MAX_ROWS, MAX_XLSX_UNZIPPED_BYTES } from './limits.ts';
import { readXlsxRowsFast } from './xlsx-fast.ts';
import { declaredUnzippedSize } from './zip-size.ts';

const MAX_COLUMNS = 100;
const SHEET_NAMES = ['体检结果', 'results', 'result', '体检数据'];

const two = (n: number) => String(n).padStart(2, '0');

/** Dates as YYYY-MM-DD (with HH:mm when there is a time of day); exceljs gives Excel dates as UTC Dates. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}` : day;
}

/**
 * Numbers as Excel shows them: 15 significant digits, which drops binary noise (0.30000000000000004 -> 0.3) and
 * shows what became of an 18-digit ID typed as a number (110105198005201231 -> 110105198005201000).
 */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) {
    return value.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
  }
  return String(Number(value.toPrecision(15)));
}

/** One cell's value as text: rich text flattened, formulas by their result, hyperlinks by their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined ||
      (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
      ? ''
      : cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const named = workbook.worksheets.find((sheet) => SHEET_NAMES.includes(sheet.name.trim().toLowerCase()));
  return named ?? workbook.worksheets.find((sheet) => sheet.actualRowCount > 0) ?? workbook.worksheets[0];
}

function unreadable(detail: string, detailZh: string): ParseOutcome {
  return refuse(
    'xlsx',
    rowProblem(
      1,
      'unreadable_xlsx',
      `the Excel file cannot be read: ${detail}`,
      `无法读取该 Excel 文件：${detailZh}`,
    ),
  );
}

/** The text rows of the workbook's checkup sheet, or a refusal. */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][] | ParseOutcome> {
  const unzipped = declaredUnzippedSize(bytes);
  if (unzipped === undefined)
    return unreadable('it is not a complete zip archive', '文件不是完整的 zip 压缩包（可能已损坏或被截断）');
  if (unzipped > MAX_XLSX_UNZIPPED_BYTES) {
    return unreadable('it would unpack to more than 200 MB', '解压后超过 200 MB');
  }
  // The fast reader gives the same rows for ordinary workbooks; anything else goes through exceljs below.
  try {
    const fast = readXlsxRowsFast(bytes);
    if (fast !== undefined) return fast;
  } catch {
    // fall back to exceljs
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer extends ArrayBuffer`; JSZip reads a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return unreadable('the workbook is damaged or not an .xlsx file', '工作簿已损坏或不是 .xlsx 文件');
  }
  const sheet = pickSheet(workbook);
  if (!sheet) return unreadable('it has no worksheet', '没有工作表');
  if (sheet.rowCount > MAX_ROWS + 25) {
    return refuse(
      'xlsx',
      rowProblem(
        MAX_ROWS,
        'too_many_rows',
        `the sheet has ${sheet.rowCount} rows; at most ${MAX_ROWS} can be imported at once`,
        `工作表有 ${sheet.rowCount} 行，一次最多导入 ${MAX_ROWS} 行`,
      ),
    );
  }
  const columns = Math.min(sheet.columnCount, MAX_COLUMNS);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= columns; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

export async function xlsxToReports(bytes: Uint8Array): Promise<ParseOutcome> {
  const rows = await readXlsxRows(bytes);
  return Array.isArray(rows) ? tabularToReports(rows, 'xlsx', { maxRows: MAX_ROWS }) : rows;
}
