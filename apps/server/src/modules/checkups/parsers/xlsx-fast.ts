// A fast reader for the checkup sheet of an Excel workbook: a minimal zip reader plus a scanner for the few XML
// parts that matter, giving exactly the rows the exceljs path in xlsx.ts gives. Anything it does not fully
// understand (zip64, encryption, merged cells, hyperlinks, odd markup) returns undefined, and the caller falls
// back to exceljs, which reads or refuses it.
import { inflateRawSync } from 'node:zlib';

const MAX_COLUMNS = 100;
const MAX_ROWS_PLUS_SLACK = 200_000 + 25;
const SHEET_NAMES = ['体检结果', 'results', 'result', '体检数据'];

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Thrown inside the reader when the workbook needs the exceljs path; never leaves readXlsxRowsFast. */
class Unsupported extends Error {}

function unsupported(): never {
  throw new Unsupported();
}

interface ZipEntry {
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The archive's entries by name, or undefined when the directory is not a plain, unencrypted zip. */
function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) unsupported();
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) unsupported();
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const entriesHere = view.getUint16(eocd + 8, true);
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entries) unsupported();
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) unsupported();
  if (cdOffset + cdSize > eocd) unsupported();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const result = new Map<string, ZipEntry>();
  let offset = cdOffset;
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL_HEADER) unsupported();
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength > eocd) unsupported();
    let name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (name.startsWith('/')) name = name.slice(1);
    // Encryption (bit 0) and strong encryption (bit 6) need the exceljs path, as do zip64 sizes.
    if ((flags & 0x41) !== 0 || (method !== 0 && method !== 8)) unsupported();
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) unsupported();
    if (result.has(name)) unsupported();
    result.set(name, { method, flags, compressedSize, size, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return result;
}

function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) unsupported();
  const localFlags = view.getUint16(at + 6, true);
  const localMethod = view.getUint16(at + 8, true);
  if (localMethod !== entry.method || (localFlags & 0x41) !== 0) unsupported();
  if ((localFlags & 0x08) === 0 && (entry.flags & 0x08) === 0) {
    // Without a data descriptor the local header carries the sizes, and they must agree with the directory.
    if (
      view.getUint32(at + 18, true) !== entry.compressedSize ||
      view.getUint32(at + 22, true) !== entry.size
    ) {
      unsupported();
    }
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) unsupported();
  const data = bytes.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) {
    out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  } else if (entry.method === 8) {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } else {
    unsupported();
  }
  if (out.length !== entry.size) unsupported();
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// XML helpers: enough for the SpreadsheetML parts Excel, WPS, LibreOffice and exceljs write.

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Text as an XML parser reports it: line ends normalised, entities decoded; unknown entities are refused. */
function decodeXml(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  text = text.replace(ENTITY, (_match, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) unsupported();
      return String.fromCodePoint(code);
    }
    const named = NAMED[body];
    if (named === undefined) unsupported();
    return named;
  });
  if (text.includes('&') && /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);)/.test(raw)) unsupported();
  return text;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(source: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const value = match[2] ?? match[3] ?? '';
    map.set(match[1] ?? '', decodeXml(value));
  }
  return map;
}

/** exceljs' utils.xmlDecode, applied a second time to t="str" values. */
function exceljsXmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** Escapes like _x000D_ in shared strings, as exceljs decodes them. */
function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** Comments, CDATA and DOCTYPEs (all start with <!) are left to exceljs' XML parser. */
function refuseOddMarkup(xml: string): void {
  if (xml.includes('<!')) unsupported();
}

/** The decoded text of every <t> element in a fragment (an empty <t/> gives ''). */
function textRuns(fragment: string): string[] {
  const runs: string[] = [];
  for (const match of fragment.matchAll(/<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)/g)) {
    runs.push(decodeXml(match[1] ?? ''));
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook parts

interface SheetRef {
  name: string;
  path: string;
}

function readSheetRefs(workbookXml: string, relsXml: string): SheetRef[] {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1] ?? '');
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const sheets: SheetRef[] = [];
  const ids = new Set<number>();
  for (const match of workbookXml.matchAll(/<sheet\s([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1] ?? '');
    const name = attrs.get('name');
    const rId = attrs.get('r:id');
    const sheetId = Number(attrs.get('sheetId'));
    if (name === undefined || rId === undefined) unsupported();
    // exceljs keys sheets by sheetId and drops chart sheets: anything unusual goes that way.
    if (!Number.isInteger(sheetId) || sheetId < 1 || ids.has(sheetId)) unsupported();
    ids.add(sheetId);
    const target = targets.get(rId);
    if (target === undefined) unsupported();
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) unsupported();
    sheets.push({ name, path });
  }
  return sheets;
}

function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  refuseOddMarkup(xml);
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    // Phonetic runs (<rPh>) are not part of the text.
    let body = match[1] ?? '';
    if (body.includes('<rPh')) body = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    if (body.includes('<r>') || body.includes('<r ')) {
      if (/^\s*<t[\s>/]/.test(body)) unsupported();
      const parts: string[] = [];
      for (const run of body.matchAll(/<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g)) {
        parts.push(
          textRuns(run[1] ?? '')
            .map(unescapeOoxml)
            .join(''),
        );
      }
      strings.push(parts.join(''));
    } else {
      const runs = textRuns(body);
      if (runs.length !== 1) unsupported();
      strings.push(unescapeOoxml(runs[0] ?? ''));
    }
  }
  return strings;
}

// Built-in formats exceljs knows by id (only these resolve; locale-specific ids resolve to nothing there).
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs' utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** Which cell style ids (cellXfs index) carry a date format. */
function readDateStyles(xml: string): boolean[] {
  refuseOddMarkup(xml);
  const custom = new Map<number, string>();
  const numFmts = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>/.exec(xml);
  for (const match of (numFmts?.[1] ?? '').matchAll(/<numFmt\s([^>]*?)\/?>/g)) {
    const attrs = attributes(match[1] ?? '');
    const code = attrs.get('formatCode');
    if (code === undefined) unsupported();
    custom.set(parseInt(attrs.get('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!cellXfs) unsupported();
  const dates: boolean[] = [];
  for (const match of (cellXfs[1] ?? '').matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = parseInt(attributes(match[1] ?? '').get('numFmtId') ?? '', 10);
    dates.push(id ? isDateFormat(custom.get(id) || BUILT_IN_FORMATS[id]) : false);
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------------------------
// Cell values, formatted as xlsx.ts formats exceljs' values

const two = (n: number) => String(n).padStart(2, '0');

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}` : day;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) {
    return value.toLocaleString('en-US', { useGrouping: false, maximumSignificantDigits: 15 });
  }
  return String(Number(value.toPrecision(15)));
}

interface SheetContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

function numericText(raw: string, styleId: number, context: SheetContext): string {
  const value = parseFloat(raw);
  if (styleId && context.dateStyles[styleId] === true) {
    const ms = Math.round((value - 25569 + (context.date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
    return dateText(new Date(ms));
  }
  return numberText(value);
}

/** A sheet as exceljs models it: rows by number, each with its cells by column (null: a styled empty cell). */
interface SheetRows {
  rows: (Array<string | null> | undefined)[];
  hasValues: boolean[];
}

function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  if (i === 0 || i > 3 || !/^\d+$/.test(ref.slice(i)) || col > 16384) unsupported();
  return col;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** The value of a double-quoted attribute in a start tag's attribute text (exceljs' writers and Excel's). */
function attribute(source: string, name: string): string | undefined {
  const at = source.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  const end = source.indexOf('"', start);
  if (end < 0) unsupported();
  return source.slice(start, end);
}

function readSheet(xml: string, context: SheetContext): SheetRows {
  refuseOddMarkup(xml);
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) unsupported();
  const dataEnd = xml.indexOf('</sheetData>', dataStart);
  const data = dataEnd < 0 ? xml.slice(dataStart) : xml.slice(dataStart, dataEnd);
  if (dataEnd < 0 && !/^<sheetData\s*\/>/.test(data)) unsupported();
  // Merged cells and hyperlinks change what exceljs reports for a cell; leave those sheets to it.
  const after = dataEnd < 0 ? xml.slice(dataStart) : xml.slice(dataEnd);
  if (after.includes('<mergeCell') || after.includes('<hyperlink')) unsupported();
  const rows: SheetRows['rows'] = [];
  const hasValues: boolean[] = [];
  ROW.lastIndex = 0;
  for (let rowMatch = ROW.exec(data); rowMatch; rowMatch = ROW.exec(data)) {
    const rowAttributes = rowMatch[1] ?? '';
    if (rowAttributes.includes("'")) unsupported();
    const rowNumber = Number(attribute(rowAttributes, 'r'));
    if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROWS_PLUS_SLACK) unsupported();
    const cells: Array<string | null> = [];
    let anyValue = false;
    const body = rowMatch[2] ?? '';
    CELL.lastIndex = 0;
    for (let cellMatch = CELL.exec(body); cellMatch; cellMatch = CELL.exec(body)) {
      const attrSource = cellMatch[1] ?? '';
      if (attrSource.includes("'") || attrSource.includes('&')) unsupported();
      const ref = attribute(attrSource, 'r');
      if (ref === undefined) unsupported();
      const col = columnIndex(ref);
      const style = attribute(attrSource, 's');
      const styleId = style === undefined ? 0 : parseInt(style, 10);
      const text = cellValue(cellMatch[2], attribute(attrSource, 't'), styleId, context);
      if (text === undefined) continue; // exceljs drops a cell with neither value nor style
      cells[col - 1] = text;
      if (text !== null) anyValue = true;
    }
    rows[rowNumber - 1] = cells;
    hasValues[rowNumber - 1] = anyValue;
  }
  if (rows.length === 0 && data.includes('<row')) unsupported();
  return { rows, hasValues };
}

/** The cell's text; null for a styled empty cell; undefined for one exceljs leaves out. */
function cellValue(
  body: string | undefined,
  type: string | undefined,
  styleId: number,
  context: SheetContext,
): string | null | undefined {
  let value: string | undefined;
  let formula = false;
  if (body !== undefined && body.startsWith('<v>') && body.indexOf('<', 3) === body.length - 4) {
    // The common case, <v>…</v> alone.
    if (!body.endsWith('</v>')) unsupported();
    value = decodeXml(body.slice(3, -4)) || undefined;
  } else if (body !== undefined && body.length > 0) {
    if (body.includes('<r>') || body.includes('<r ')) unsupported();
    const v = /<v(?:\s[^>]*)?(?:\/>|>([^<]*)<\/v>)/.exec(body);
    const hasT = body.includes('<t');
    if (v && hasT) unsupported();
    if (v) {
      if (body.indexOf('<v', (v.index ?? 0) + 1) >= 0) unsupported();
      value = decodeXml(v[1] ?? '');
    } else if (hasT) {
      value = textRuns(body).join('');
    }
    if (value === '') value = undefined;
    const f = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(body);
    if (f) formula = (f[2] ?? '').length > 0 || attributes(f[1] ?? '').has('t');
  }
  if (formula) {
    if (value === undefined) return '';
    switch (type) {
      case 'str':
        return exceljsXmlDecode(value);
      case 'b':
        return parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
      case 'e':
        return '';
      case 's':
      case 'inlineStr':
        return unsupported();
      case undefined:
      default:
        return numericText(value, styleId, context);
    }
  }
  if (value !== undefined) {
    switch (type) {
      case 's': {
        const text = context.sharedStrings[parseInt(value, 10)];
        if (text === undefined) unsupported();
        return text;
      }
      case 'str':
        return exceljsXmlDecode(value);
      case 'inlineStr':
        return value;
      case 'b':
        return parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
      case 'e':
        return '';
      case undefined:
      default:
        return numericText(value, styleId, context);
    }
  }
  return styleId ? null : undefined;
}

function pickSheet(refs: SheetRef[], load: (ref: SheetRef) => SheetRows): SheetRows | undefined {
  const named = refs.find((ref) => SHEET_NAMES.includes(ref.name.trim().toLowerCase()));
  if (named) return load(named);
  let first: SheetRows | undefined;
  for (const ref of refs) {
    const sheet = load(ref);
    first ??= sheet;
    if (sheet.hasValues.some(Boolean)) return sheet;
  }
  return first;
}

function readRows(bytes: Uint8Array): string[][] | undefined {
  const directory = readZipDirectory(bytes);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const part = (name: string): string | undefined => {
    const entry = directory.get(name);
    return entry === undefined ? undefined : utf8.decode(readZipEntry(bytes, entry));
  };
  const workbookXml = part('xl/workbook.xml');
  const relsXml = part('xl/_rels/workbook.xml.rels');
  const stylesXml = part('xl/styles.xml');
  if (workbookXml === undefined || relsXml === undefined || stylesXml === undefined) return undefined;
  refuseOddMarkup(workbookXml);
  refuseOddMarkup(relsXml);
  const refs = readSheetRefs(workbookXml, relsXml);
  if (refs.some((ref) => !directory.has(ref.path))) return undefined;
  const workbookPr = /<workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const context: SheetContext = {
    sharedStrings: readSharedStrings(part('xl/sharedStrings.xml')),
    dateStyles: readDateStyles(stylesXml),
    date1904: attributes(workbookPr?.[1] ?? '').get('date1904') === '1',
  };
  const sheet = pickSheet(refs, (ref) => readSheet(part(ref.path) ?? unsupported(), context));
  if (!sheet) return undefined;

  // The same shape readXlsxRows builds from exceljs: rows 1..last row, each as wide as the widest row with values.
  let columnCount = 0;
  sheet.rows.forEach((cells, index) => {
    if (cells && sheet.hasValues[index]) columnCount = Math.max(columnCount, cells.length);
  });
  const columns = Math.min(columnCount, MAX_COLUMNS);
  const rows: string[][] = [];
  for (let r = 0; r < sheet.rows.length; r += 1) {
    const cells = sheet.rows[r];
    const out: string[] = new Array<string>(columns);
    for (let c = 0; c < columns; c += 1) out[c] = cells?.[c] ?? '';
    rows.push(out);
  }
  return rows;
}

/**
 * The text rows of the workbook's checkup sheet, as the exceljs path would give them, or undefined when the
 * workbook needs the exceljs path (it may still be readable there, or be refused there). Never throws.
 */
export function readXlsxRowsFast(bytes: Uint8Array): string[][] | undefined {
  try {
    return readRows(bytes);
  } catch {
    return undefined;
  }
}
