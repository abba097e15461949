// Text that OCR read from a photo of a report: tolerant of the usual damage (spaces between Chinese characters,
// O/l for 0/1 inside numbers, full-width punctuation, arrows read as other glyphs), one or two items per line.
import { parseFlag } from './flag.ts';
import { conclusionStart, readHeaderLine, reportFromHeader } from './header-fields.ts';
import { itemFromCells, type ItemCells } from './item.ts';
import { suggestAnalyte } from './item-names.ts';
import { ProblemList, refuse, rowProblem } from './problems.ts';
import { parseResultValue } from './result-value.ts';
import { clip, HAN, joinHanSpaces, toHalfWidth } from './text.ts';
import type { ParsedReport, ParseOutcome } from './types.ts';

const MAX_LINES = 2000;

/** OCR confusions fixed only inside tokens that are otherwise numbers (or ranges of numbers). */
const NUMERIC_TOKEN = /^([<>≤≥]?)([0-9OoIl|.,。]+(?:[-~～][0-9OoIl|.,。]+)?)([↑↓]*)$/;

export function fixOcrNumber(token: string): string {
  const match = NUMERIC_TOKEN.exec(token);
  if (!match || !/\d/.test(match[2] ?? '')) return token;
  const digits = (match[2] ?? '')
    .replace(/[Oo]/g, '0')
    .replace(/[Il|]/g, '1')
    .replace(/[,。]/g, '.')
    .replace(/～/g, '~');
  return `${match[1] ?? ''}${digits}${match[3] ?? ''}`;
}

// Units whose slash OCR lost or misread: "mmolL", "UAL", "umol|L" -> "mmol/L", "U/L", "umol/L".
const SLASHLESS_UNIT = /^(mmol|μmol|umol|mol|g|mg|μg|ug|ng|pg|U|IU|mIU|μIU|uIU|kU)[A|Il1/]?L$/;
export const fixOcrUnit = (token: string): string => token.replace(SLASHLESS_UNIT, '$1/L');

// Glyphs OCR reads for printed arrows: ↑ as 个/T/t, ↓ as J/V/v (only where a flag is expected).
const ARROWS: Readonly<Record<string, string>> = { 个: '↑', T: '↑', t: '↑', J: '↓', V: '↓', v: '↓' };
const flagOf = (token: string): string | undefined => {
  const text = ARROWS[token] ?? token;
  return parseFlag(text) ? text : undefined;
};

// A unit has a letter or %; a lone H or L after a result is the flag, not a unit.
const UNIT = /^(?=.*[A-Za-zµμ%])(?![HL]{1,2}$)[A-Za-zµμ%/*^×·.\d]{1,16}$/;
const QUALITATIVE = /^(?:阴性|阳性|弱阳性|正常|异常|未见异常|[+-]{1,4}|±)(?:\([+-]{0,4}\))?$/;
const RANGE_START = /^(?:[<>≤≥]|\d|\.\d|阴性|阳性)/;
const PAGE_FOOTER = /^第\s*\d+\s*页|共\s*\d+\s*页\s*$/;
const HEADER_LINE = /(?:项目|item).*(?:结果|result)/i;

const isResult = (token: string): boolean => {
  const kind = parseResultValue(token).kind;
  return kind === 'number' || kind === 'censored' || QUALITATIVE.test(token);
};

/** A name has Han characters or starts with a letter; a single character must be a known item (钾, 钠). */
const plausibleName = (name: string): boolean =>
  (HAN.test(name) || /^[A-Za-z]/.test(name)) && ([...name].length > 1 || suggestAnalyte(name) !== undefined);

/** One OCR line to item cells: name tokens, result, then optional unit, range and flag, perhaps twice. */
export function cellsOfOcrLine(line: string, rowNo: number): Omit<ItemCells, 'fieldNames'>[] {
  const prepared = joinHanSpaces(toHalfWidth(clip(line, 400)))
    .replace(/(\p{Script=Han})(?=[<>≤≥]?\d)/gu, '$1 ')
    // Joining the characters also joined "尿 蛋 白 阴 性": qualitative results start a new token again.
    .replace(/(?<=\p{Script=Han})(?<!弱)(?=弱阳性|阳性|阴性)/gu, ' ')
    .replace(/(\d)\s*([-~～])\s*(?=\d)/g, '$1$2');
  const tokens = prepared
    .split(/\s+/)
    .filter((t) => t !== '')
    .map(fixOcrNumber);
  const out: Omit<ItemCells, 'fieldNames'>[] = [];
  let i = 0;
  while (i < tokens.length) {
    const nameParts: string[] = [];
    while (i < tokens.length && !(nameParts.length > 0 && isResult(tokens[i] ?? ''))) {
      nameParts.push(tokens[i] ?? '');
      i += 1;
    }
    const name = nameParts.join(' ');
    const result = tokens[i];
    if (result === undefined || !plausibleName(name)) break;
    i += 1;
    const cells: {
      rowNo: number;
      name: string;
      result: string;
      unit?: string;
      range?: string;
      flag?: string;
    } = {
      rowNo,
      name,
      result,
    };
    if (tokens[i] !== undefined && UNIT.test(tokens[i] ?? '') && !isResult(tokens[i] ?? '')) {
      cells.unit = fixOcrUnit(tokens[i++] ?? '');
    }
    if (tokens[i] !== undefined && RANGE_START.test(tokens[i] ?? '') && !flagOf(tokens[i] ?? '')) {
      cells.range = tokens[i++];
    }
    const flag = tokens[i] === undefined ? undefined : flagOf(tokens[i] ?? '');
    if (flag) {
      cells.flag = flag;
      i += 1;
    }
    out.push(cells);
  }
  return out;
}

export function ocrTextToReport(text: string): ParseOutcome {
  const lines = text.split(/\r\n|\r|\n/).slice(0, MAX_LINES);
  const headerLines: { text: string; rowNo: number }[] = [];
  const problems = new ProblemList();
  const rows: Omit<ItemCells, 'fieldNames'>[] = [];
  let conclusion: string[] | undefined;
  lines.forEach((raw, index) => {
    const rowNo = index + 1;
    const line = joinHanSpaces(toHalfWidth(raw)).trim();
    if (line === '') return;
    const start = conclusionStart(line);
    if (start !== undefined) {
      conclusion = start === '' ? [] : [start];
      return;
    }
    if (conclusion) {
      if (conclusion.join('').length < 4000) conclusion.push(line);
      return;
    }
    if (Object.keys(readHeaderLine(line)).length > 0) {
      headerLines.push({ text: line, rowNo });
      return;
    }
    if (HEADER_LINE.test(line) || PAGE_FOOTER.test(line)) return;
    rows.push(...cellsOfOcrLine(line, rowNo));
  });
  if (rows.length === 0) {
    return refuse(
      'image',
      rowProblem(
        1,
        'not_a_report',
        'no item lines (an item name followed by a result) could be read from the image: it may not be a report, or the photo is too blurred, dark or skewed',
        '未能从图片中识别出检查项目（项目名称及其结果）：可能不是体检报告，或照片模糊、过暗、倾斜',
      ),
    );
  }
  const header = reportFromHeader(headerLines);
  problems.addAll(header.problems);
  const report: ParsedReport = { ...header.report, items: [] };
  const joined = conclusion?.join('\n');
  if (joined) report.conclusion = joined;
  for (const cells of rows) {
    const { item, problems: itemProblems } = itemFromCells(cells, report.patient.sex);
    problems.addAll(itemProblems);
    if (item) report.items.push(item);
  }
  return { format: 'image', reports: report.items.length > 0 ? [report] : [], problems: problems.list() };
}
