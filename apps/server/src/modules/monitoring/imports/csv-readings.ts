// A CSV file of home readings -> ReadingInput objects, row by row. The header names the columns (English or
// Chinese, any order); a row that cannot even be read as a reading (a number that is not one, a time without a
// zone we can place) is rejected here with its data row index, every other check is ingest's, as for any sender.
// Pure: no I/O.
import { createHash } from 'node:crypto';
import { decodeText, formatCsv, parseCsv } from '@careloop/interop';
import { localTime } from '@careloop/clinical';
import type { ReadingRejection } from '@careloop/contracts';
import { CSV_COLUMNS, CONTEXT_NAMES, TYPE_NAMES, type CsvColumnKey } from './csv-columns.ts';

export interface CsvRow {
  /** Data row index: 0 is the first row under the header. */
  index: number;
  input: Record<string, unknown>;
}

export interface CsvReadings {
  /** Data rows that hold anything (blank lines are not rows). */
  rows: number;
  readings: CsvRow[];
  rejected: ReadingRejection[];
}

export type CsvOutcome =
  { ok: true; value: CsvReadings } | { ok: false; errors: { path: string; message: string }[] };

const NUMBER_COLUMNS = ['systolic', 'diastolic', 'pulse', 'value'] as const;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The value a word names (a type, a context), or the word itself for ingest to refuse with its reason. */
const nameOf = <T>(table: Readonly<Record<string, T>>, word: string): T | string => {
  const key = word.toLowerCase();
  return Object.hasOwn(table, key) ? table[key]! : word;
};

const squeeze = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** The column each header cell names; errors for a header that is not this template's. */
function readHeader(cells: readonly string[]): CsvOutcome | Map<number, CsvColumnKey> {
  const byName = new Map<string, CsvColumnKey>();
  for (const column of CSV_COLUMNS) for (const name of column.names) byName.set(squeeze(name), column.key);
  const columns = new Map<number, CsvColumnKey>();
  const errors: { path: string; message: string }[] = [];
  cells.forEach((cell, i) => {
    if (cell.trim() === '') return;
    const key = byName.get(squeeze(cell));
    if (!key) errors.push({ path: `header.${i}`, message: `unknown column "${cell.trim().slice(0, 40)}"` });
    else if ([...columns.values()].includes(key))
      errors.push({ path: `header.${i}`, message: `${key} twice` });
    else columns.set(i, key);
  });
  for (const required of ['type', 'taken_at'] as const) {
    if (![...columns.values()].includes(required)) {
      errors.push({ path: 'header', message: `the column ${required} is missing` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : columns;
}

export function readCsvReadings(bytes: Uint8Array): CsvOutcome {
  if (bytes.includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
    return { ok: false, errors: [{ path: 'file', message: 'not a text file' }] };
  }
  const { text } = decodeText(bytes);
  const { rows } = parseCsv(text);
  const header = rows[0];
  if (!header) return { ok: false, errors: [{ path: 'file', message: 'the file is empty' }] };
  const columns = readHeader(header);
  if (!(columns instanceof Map)) return columns;

  const out: CsvReadings = { rows: 0, readings: [], rejected: [] };
  rows.slice(1).forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return;
    out.rows += 1;
    const row = readRow(cells, columns, index);
    if ('rejection' in row) out.rejected.push(row.rejection);
    else out.readings.push({ index, input: row.input });
  });
  return { ok: true, value: out };
}

function readRow(
  cells: readonly string[],
  columns: ReadonlyMap<number, CsvColumnKey>,
  index: number,
): { input: Record<string, unknown> } | { rejection: ReadingRejection } {
  const cell: Partial<Record<CsvColumnKey, string>> = {};
  for (const [i, key] of columns) {
    const value = cells[i]?.trim() ?? '';
    if (value !== '') cell[key] = value;
  }
  const id = cell.id ?? rowId(cell);
  const refuse = (field: string, message: string) => ({
    rejection: { index, id, code: 'invalid' as const, field, message },
  });

  const input: Record<string, unknown> = { id };
  if (cell.type !== undefined) input.type = nameOf(TYPE_NAMES, cell.type);
  if (cell.taken_at === undefined) return refuse('taken_at', 'taken_at is empty');
  const takenAt = toIsoTime(cell.taken_at);
  if (!takenAt) {
    return refuse(
      'taken_at',
      `taken_at "${cell.taken_at.slice(0, 40)}" is neither ISO 8601 with an offset nor YYYY-MM-DD HH:mm`,
    );
  }
  input.takenAt = takenAt;
  for (const key of NUMBER_COLUMNS) {
    const raw = cell[key];
    if (raw === undefined) continue;
    const text = raw.replace(/,/g, '');
    if (!NUMBER.test(text)) return refuse(key, `${key} "${raw.slice(0, 40)}" is not a number`);
    input[key] = Number(text);
  }
  if (cell.unit !== undefined) input.unit = cell.unit;
  if (cell.context !== undefined) input.context = nameOf(CONTEXT_NAMES, cell.context);
  if (cell.note !== undefined) input.note = cell.note;
  return { input };
}

/** A row without an id gets one from its content, so the same file uploaded again stores nothing twice. */
function rowId(cell: Partial<Record<CsvColumnKey, string>>): string {
  const text = CSV_COLUMNS.map((c) => cell[c.key] ?? '').join('\u0000');
  return `csv-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 40)}`;
}

/** ISO 8601 with an offset as written; 'YYYY-MM-DD HH:mm[:ss]' (or with a T) as wall-clock time in Asia/Shanghai. */
export function toIsoTime(text: string): string | undefined {
  if (ISO_WITH_OFFSET.test(text)) return Number.isNaN(Date.parse(text)) ? undefined : text;
  const m = LOCAL_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  // China Standard Time is UTC+8 (with summer time 1986-1991): start there, then correct by what the zone says.
  let instant = wall - 8 * 3_600_000;
  for (let pass = 0; pass < 2; pass += 1) {
    const local = localTime(new Date(instant), 'Asia/Shanghai');
    const shown = Date.parse(`${local.date}T00:00:00Z`) + local.minuteOfDay * 60_000 + s * 1000;
    instant += wall - shown;
  }
  return new Date(instant).toISOString();
}

/** The template: the header in the caller's language and two example rows, with a BOM so Excel reads UTF-8. */
export function readingsCsvTemplate(language: 'zh' | 'en'): string {
  const header = CSV_COLUMNS.map((c) => (language === 'zh' ? c.zh : c.key));
  const examples =
    language === 'zh'
      ? [
          ['', '血压', '2024-05-01 08:00', '128', '82', '70', '', '', '', '晨起'],
          ['', '血糖', '2024-05-01T07:30:00+08:00', '', '', '', '6.1', 'mmol/L', '空腹', ''],
        ]
      : [
          ['', 'blood-pressure', '2024-05-01 08:00', '128', '82', '70', '', '', '', 'after waking'],
          ['', 'glucose', '2024-05-01T07:30:00+08:00', '', '', '', '6.1', 'mmol/L', 'fasting', ''],
        ];
  return `\uFEFF${formatCsv([header, ...examples])}`;
}
