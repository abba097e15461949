// The patient and report lines above a printed report's table, e.g.
// "姓名：张三  性别：男  年龄：45岁  体检编号：TJ20260301001  体检日期：2026-03-01", and its conclusion.
import { parseDate } from './dates.ts';
import {
  compactPatient,
  completeFromNationalId,
  parseNationalId,
  parsePhone,
  parseSex,
} from './patient-fields.ts';
import { quote, rowProblem } from './problems.ts';
import { clip, HAN, toHalfWidth } from './text.ts';
import type { ParsedReport, RowProblem } from './types.ts';

type HeaderKey =
  | 'name'
  | 'sex'
  | 'age'
  | 'reportNo'
  | 'checkupDate'
  | 'nationalId'
  | 'mrn'
  | 'birthDate'
  | 'phone'
  | 'center'
  | 'packageName';

const KEYS: readonly (readonly [HeaderKey, readonly string[]])[] = [
  ['name', ['姓名', '受检者', '受检人', 'Name']],
  ['sex', ['性别', 'Sex', 'Gender']],
  ['age', ['年龄', 'Age']],
  [
    'reportNo',
    ['体检编号', '报告编号', '报告单号', '体检单号', '条码号', 'Report No', 'Report No.', 'Report Number'],
  ],
  ['checkupDate', ['体检日期', '检查日期', '报告日期', '检验日期', 'Checkup Date', 'Exam Date', 'Date']],
  ['nationalId', ['身份证号码', '身份证号', '身份证', 'ID No', 'ID Number']],
  ['mrn', ['病历号', '体检号', '门诊号', '档案号', 'MRN']],
  ['birthDate', ['出生日期', 'Birth Date', 'Date of Birth', 'DOB']],
  ['phone', ['联系电话', '手机号', '手机', '电话', 'Phone']],
  ['center', ['体检机构', '体检中心', 'Checkup Centre', 'Checkup Center']],
  ['packageName', ['体检套餐', '套餐', 'Package']],
];

const KEY_OF = new Map(
  KEYS.flatMap(([key, names]) => names.map((n): [string, HeaderKey] => [n.toLowerCase(), key])),
);
const ALTERNATION = [...KEY_OF.keys()]
  .sort((a, b) => b.length - a.length)
  // English keys start at a word boundary; Chinese ones may follow the previous value directly, as OCR
  // glues them ("张三性别：男").
  .map((name) => `${/^[a-z]/.test(name) ? '\\b' : ''}${name.replace(/[.]/g, '\\.').replace(/ /g, '\\s*')}`)
  .join('|');
const KEY_PATTERN = new RegExp(`(${ALTERNATION})\\s*[:：]`, 'gi');

export type HeaderFields = Partial<Record<HeaderKey, string>>;

/** The "key: value" pairs of one line; a value runs to the next known key. */
export function readHeaderLine(line: string): HeaderFields {
  const text = clip(toHalfWidth(line), 400);
  const found: { key: HeaderKey; start: number; end: number }[] = [];
  for (const match of text.matchAll(KEY_PATTERN)) {
    const name = (match[1] ?? '').replace(/\s+/g, ' ').toLowerCase();
    const key = KEY_OF.get(name) ?? KEY_OF.get(name.replace(/\s+/g, ''));
    if (key) found.push({ key, start: match.index, end: match.index + match[0].length });
  }
  const fields: HeaderFields = {};
  found.forEach((f, i) => {
    const value = text.slice(f.end, found[i + 1]?.start ?? text.length).trim();
    if (value !== '' && fields[f.key] === undefined) fields[f.key] = value;
  });
  return fields;
}

const CONCLUSION =
  /^\s*(?:总检结论|体检结论|主检结论|总检意见|结论|综述|conclusions?|summary)\s*[:：]?\s*(.*)$/i;

/** The text after a conclusion heading, when the line starts one. */
export function conclusionStart(line: string): string | undefined {
  const match = CONCLUSION.exec(line.slice(0, 4000));
  return match ? (match[1] ?? '').trim() : undefined;
}

const CENTER_TITLE = /^\s*(\S{0,40}(?:医院|体检中心|健康管理中心|健康体检中心|门诊部))/;

/** A Chinese name is one word ("张三", then whatever OCR glued on); a Latin one may have several ("John Smith"). */
function nameOf(text: string | undefined): string | undefined {
  const value = text?.split(/\s{2,}/)[0]?.trim();
  if (!value) return undefined;
  return HAN.test(value) ? value.split(/\s+/)[0] : clip(value, 60);
}

/** The report fields from the header lines (first value wins), with problems for unreadable ones. */
export function reportFromHeader(lines: readonly { text: string; rowNo: number }[]): {
  report: Omit<ParsedReport, 'items'>;
  problems: RowProblem[];
} {
  const fields: HeaderFields = {};
  const rowOf: Partial<Record<HeaderKey, number>> = {};
  for (const line of lines) {
    for (const [key, value] of Object.entries(readHeaderLine(line.text)) as [HeaderKey, string][]) {
      if (fields[key] === undefined) {
        fields[key] = value;
        rowOf[key] = line.rowNo;
      }
    }
  }
  const problems: RowProblem[] = [];
  const id = fields.nationalId === undefined ? undefined : parseNationalId(fields.nationalId);
  if (fields.nationalId !== undefined && !id) {
    problems.push(
      rowProblem(
        rowOf.nationalId ?? 1,
        'bad_national_id',
        `the national ID ${quote(fields.nationalId, 24)} is not valid; it was ignored`,
        `身份证号 ${quote(fields.nationalId, 24)} 无效，已忽略`,
        'nationalId',
      ),
    );
  }
  const date =
    fields.checkupDate === undefined ? undefined : parseDate(fields.checkupDate.split(' ')[0] ?? '');
  if (fields.checkupDate !== undefined && !date) {
    problems.push(
      rowProblem(
        rowOf.checkupDate ?? 1,
        'bad_date',
        `the checkup date ${quote(fields.checkupDate)} is not a date`,
        `体检日期 ${quote(fields.checkupDate)} 不是有效日期`,
        'checkupDate',
      ),
    );
  }
  const firstWord = (text: string | undefined) => text?.split(/\s+/)[0];
  const birth = fields.birthDate === undefined ? undefined : parseDate(fields.birthDate);
  const patient = compactPatient(
    completeFromNationalId({
      nationalId: id?.id,
      mrn: firstWord(fields.mrn),
      name: nameOf(fields.name),
      sex: fields.sex === undefined ? undefined : parseSex(firstWord(fields.sex) ?? ''),
      birthDate: birth?.date,
      phone: fields.phone === undefined ? undefined : parsePhone(fields.phone),
    }),
  );
  const report: Omit<ParsedReport, 'items'> = { patient };
  const reportNo = firstWord(fields.reportNo);
  if (reportNo) report.externalId = reportNo;
  if (date) report.performedAt = date.dateTime;
  const center =
    fields.center ?? lines.map((l) => CENTER_TITLE.exec(toHalfWidth(l.text))?.[1]).find((c) => c);
  if (center) report.center = center;
  if (fields.packageName) report.packageName = fields.packageName;
  return { report, problems };
}
