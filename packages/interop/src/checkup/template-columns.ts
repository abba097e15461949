// The checkup import template the console offers for download: one row per item, the patient and report
// columns repeated on each row. Headers match in Chinese or English, any case, with or without spaces.

export type TemplateColumnKey =
  | 'reportNo'
  | 'nationalId'
  | 'mrn'
  | 'name'
  | 'sex'
  | 'birthDate'
  | 'phone'
  | 'checkupDate'
  | 'center'
  | 'packageName'
  | 'itemName'
  | 'itemCode'
  | 'result'
  | 'unit'
  | 'referenceRange'
  | 'flag'
  | 'conclusion';

export interface TemplateColumn {
  readonly key: TemplateColumnKey;
  readonly zh: string;
  readonly en: string;
  /** Other headers that mean this column (matched after normalizeHeader). */
  readonly aliases: readonly string[];
  /** A file without this column is refused; its cells may still be empty where the hint says so. */
  readonly required: boolean;
  readonly hintZh: string;
  readonly hintEn: string;
}

const column = (
  key: TemplateColumnKey,
  zh: string,
  en: string,
  required: boolean,
  aliases: readonly string[],
  hintZh: string,
  hintEn: string,
): TemplateColumn => ({ key, zh, en, aliases, required, hintZh, hintEn });

export const CHECKUP_TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  column(
    'reportNo',
    '体检编号',
    'Report no',
    true,
    ['报告编号', '报告号', '体检单号', 'report number', 'report id', 'checkup no', 'accession'],
    '同一次体检的各行填相同编号；为空时按身份证号+体检日期分组',
    'Same number on every row of one checkup; if empty, rows group by national ID + date',
  ),
  column(
    'nationalId',
    '身份证号',
    'National ID',
    true,
    ['身份证', '身份证号码', '证件号码', '证件号', 'id number', 'id card', 'id card no', 'national id no'],
    '18位居民身份证号；无身份证时填病历号',
    '18-character resident ID; fill MRN instead when there is none',
  ),
  column(
    'mrn',
    '病历号',
    'MRN',
    false,
    ['体检号', '病案号', '门诊号', '档案号', 'patient id', 'medical record number', 'medical record no'],
    '选填：本院病历号或体检号',
    'Optional: the hospital record or checkup number',
  ),
  column(
    'name',
    '姓名',
    'Name',
    true,
    ['患者姓名', '受检者', '受检者姓名', '客户姓名', 'patient name', 'full name'],
    '必填',
    'Required',
  ),
  column(
    'sex',
    '性别',
    'Sex',
    true,
    ['gender'],
    '男/女（可为空，按身份证推算）',
    'Male/female (may be empty: taken from the national ID)',
  ),
  column(
    'birthDate',
    '出生日期',
    'Birth date',
    true,
    ['出生年月', '生日', 'date of birth', 'dob', 'birthday'],
    '如 1980-05-20（可为空，按身份证推算）',
    'E.g. 1980-05-20 (may be empty: taken from the national ID)',
  ),
  column(
    'phone',
    '手机号',
    'Phone',
    false,
    ['手机', '电话', '联系电话', '手机号码', 'mobile', 'telephone', 'phone number'],
    '选填',
    'Optional',
  ),
  column(
    'checkupDate',
    '体检日期',
    'Checkup date',
    true,
    ['检查日期', '报告日期', '检验日期', 'exam date', 'date', 'checkup time', 'report date'],
    '必填，如 2026-03-01',
    'Required, e.g. 2026-03-01',
  ),
  column(
    'center',
    '体检机构',
    'Checkup centre',
    false,
    ['体检中心', '体检单位', '医院', 'center', 'checkup center', 'hospital'],
    '选填',
    'Optional',
  ),
  column(
    'packageName',
    '套餐',
    'Package',
    false,
    ['体检套餐', '套餐名称', 'package name', 'checkup package'],
    '选填',
    'Optional',
  ),
  column(
    'itemName',
    '项目名称',
    'Item',
    true,
    ['项目', '检查项目', '检验项目', '体检项目', '指标', 'item name', 'test', 'test name', 'analyte'],
    '必填，如 空腹血糖',
    'Required, e.g. Fasting glucose',
  ),
  column(
    'itemCode',
    '项目代码',
    'Item code',
    false,
    ['项目编码', 'loinc', 'loinc code', 'code', 'test code'],
    '选填：LOINC 编码或本院代码',
    'Optional: LOINC or local code',
  ),
  column(
    'result',
    '结果',
    'Result',
    true,
    ['检查结果', '检验结果', '测定值', '结果值', 'value', 'result value'],
    '必填：数字或文字（阴性、+）',
    'Required: a number or text (negative, +)',
  ),
  column(
    'unit',
    '单位',
    'Unit',
    true,
    ['units', '计量单位'],
    '如 mmol/L；文字结果可为空',
    'E.g. mmol/L; may be empty for text results',
  ),
  column(
    'referenceRange',
    '参考范围',
    'Reference range',
    true,
    [
      '参考值',
      '参考区间',
      '正常值',
      '正常范围',
      'reference',
      'ref range',
      'reference interval',
      'normal range',
    ],
    '如 3.9-6.1、<5.2、阴性',
    'E.g. 3.9-6.1, <5.2, negative',
  ),
  column(
    'flag',
    '提示',
    'Flag',
    true,
    ['异常提示', '结果提示', '标志', '高低', 'abnormal flag', 'flags'],
    '↑ ↓ H L 偏高 偏低 危急；正常可为空',
    '↑ ↓ H L high low critical; empty when normal',
  ),
  column(
    'conclusion',
    '总检结论',
    'Conclusion',
    false,
    ['结论', '体检结论', '总检意见', '主检结论', 'summary', 'conclusions'],
    '选填：同一体检填一次即可',
    'Optional: once per checkup is enough',
  ),
];

/** A header cell as compared: half-width, lower-case, no spaces, no required/optional marks. */
export function normalizeHeader(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
  }
  return out.toLowerCase().replace(/\((?:必填|选填|可选|required|optional)\)|[*\s_.:]/g, '');
}

const BY_NAME: ReadonlyMap<string, TemplateColumnKey> = new Map(
  CHECKUP_TEMPLATE_COLUMNS.flatMap((c) =>
    [c.zh, c.en, ...c.aliases].map((name): [string, TemplateColumnKey] => [normalizeHeader(name), c.key]),
  ),
);

/** The column a header cell names ('体检编号', 'Report No', '体检编号 / Report no', '结果(Result)'). */
export function matchHeader(text: string): TemplateColumnKey | undefined {
  if (text.length > 100) return undefined;
  const whole = normalizeHeader(text);
  const direct = BY_NAME.get(whole);
  if (direct) return direct;
  for (const part of whole.split(/[/|\n()]+/)) {
    const key = part === '' ? undefined : BY_NAME.get(part);
    if (key) return key;
  }
  return undefined;
}

export const columnByKey = (key: TemplateColumnKey): TemplateColumn =>
  CHECKUP_TEMPLATE_COLUMNS.find((c) => c.key === key) as TemplateColumn;
