// A yearly checkup panel as a Chinese checkup centre prints it (about 45 items), with values that are plausible for
// the person and drift from year to year in some people: rising fasting glucose, a fatty liver's ALT, high LDL.
// Reference ranges: WS/T 404 and WS/T 405 where clinical.md cites them; others as commonly printed by labs.
import { CHECKUP_TEMPLATE_COLUMNS, type TemplateColumnKey } from '@careloop/interop';
import type { DemoPatient } from './people.ts';
import type { DemoRandom } from './random.ts';

type Sexed = number | { male: number; female: number };
const bySex = (v: Sexed, sex: 'male' | 'female') => (typeof v === 'number' ? v : v[sex]);

interface PanelItem {
  name: string;
  unit: string;
  low?: Sexed;
  high?: Sexed;
  /** Typical healthy value and spread. */
  mean: Sexed;
  sd: number;
  decimals: number;
  /** Text results (urine dipstick): the normal wording. */
  text?: string;
  /** Drift key: items that move together in the drifting profiles. */
  drift?: DriftKey;
}

export type DriftKey =
  'glucose' | 'hba1c' | 'alt' | 'ast' | 'ggt' | 'ldl' | 'tc' | 'tg' | 'uric' | 'sbp' | 'dbp';
export type DemoProfile = 'healthy' | 'glucose' | 'liver' | 'lipids' | 'uric' | 'pressure';

// Values of the drifting items in the first, second and third year (the third is the newest checkup).
const DRIFTS: Readonly<
  Record<Exclude<DemoProfile, 'healthy'>, Partial<Record<DriftKey, readonly number[]>>>
> = {
  glucose: { glucose: [5.8, 6.4, 7.2], hba1c: [5.9, 6.3, 6.8] },
  liver: { alt: [48, 63, 78], ast: [33, 41, 47], ggt: [55, 72, 88] },
  lipids: { ldl: [3.6, 3.9, 4.3], tc: [5.6, 6.0, 6.4], tg: [1.9, 2.2, 2.6] },
  uric: { uric: [430, 468, 512] },
  pressure: { sbp: [132, 139, 147], dbp: [84, 89, 94] },
};

const PANEL: readonly PanelItem[] = [
  { name: '身高', unit: 'cm', mean: { male: 170, female: 159 }, sd: 5, decimals: 0 },
  { name: '体重', unit: 'kg', mean: { male: 72, female: 58 }, sd: 8, decimals: 1 },
  {
    name: '腰围',
    unit: 'cm',
    high: { male: 90, female: 85 },
    mean: { male: 84, female: 76 },
    sd: 6,
    decimals: 0,
  },
  { name: '收缩压', unit: 'mmHg', low: 90, high: 139, mean: 122, sd: 8, decimals: 0, drift: 'sbp' },
  { name: '舒张压', unit: 'mmHg', low: 60, high: 89, mean: 76, sd: 6, decimals: 0, drift: 'dbp' },
  { name: '心率', unit: '次/分', low: 60, high: 100, mean: 74, sd: 7, decimals: 0 },
  { name: '白细胞计数', unit: '10^9/L', low: 3.5, high: 9.5, mean: 6.2, sd: 1.2, decimals: 2 },
  {
    name: '红细胞计数',
    unit: '10^12/L',
    low: { male: 4.3, female: 3.8 },
    high: { male: 5.8, female: 5.1 },
    mean: { male: 5.0, female: 4.4 },
    sd: 0.3,
    decimals: 2,
  },
  {
    name: '血红蛋白',
    unit: 'g/L',
    low: { male: 130, female: 115 },
    high: { male: 175, female: 150 },
    mean: { male: 150, female: 132 },
    sd: 8,
    decimals: 0,
  },
  {
    name: '红细胞压积',
    unit: '%',
    low: { male: 40, female: 35 },
    high: { male: 50, female: 45 },
    mean: { male: 45, female: 40 },
    sd: 2,
    decimals: 1,
  },
  { name: '平均红细胞体积', unit: 'fL', low: 82, high: 100, mean: 90, sd: 4, decimals: 1 },
  { name: '血小板计数', unit: '10^9/L', low: 125, high: 350, mean: 230, sd: 45, decimals: 0 },
  { name: '中性粒细胞百分比', unit: '%', low: 40, high: 75, mean: 58, sd: 7, decimals: 1 },
  { name: '淋巴细胞百分比', unit: '%', low: 20, high: 50, mean: 32, sd: 6, decimals: 1 },
  {
    name: '谷丙转氨酶',
    unit: 'U/L',
    low: { male: 9, female: 7 },
    high: { male: 50, female: 40 },
    mean: { male: 24, female: 18 },
    sd: 6,
    decimals: 0,
    drift: 'alt',
  },
  {
    name: '谷草转氨酶',
    unit: 'U/L',
    low: { male: 15, female: 13 },
    high: { male: 40, female: 35 },
    mean: { male: 23, female: 20 },
    sd: 4,
    decimals: 0,
    drift: 'ast',
  },
  {
    name: 'γ-谷氨酰转肽酶',
    unit: 'U/L',
    low: { male: 10, female: 7 },
    high: { male: 60, female: 45 },
    mean: { male: 26, female: 18 },
    sd: 7,
    decimals: 0,
    drift: 'ggt',
  },
  { name: '碱性磷酸酶', unit: 'U/L', low: 45, high: 125, mean: 78, sd: 14, decimals: 0 },
  { name: '总胆红素', unit: 'μmol/L', low: 3.4, high: 20.5, mean: 11, sd: 3, decimals: 1 },
  { name: '总蛋白', unit: 'g/L', low: 65, high: 85, mean: 73, sd: 3, decimals: 1 },
  { name: '白蛋白', unit: 'g/L', low: 40, high: 55, mean: 46, sd: 2.5, decimals: 1 },
  { name: '尿素', unit: 'mmol/L', low: 3.1, high: 8.0, mean: 5.2, sd: 1.0, decimals: 2 },
  {
    name: '肌酐',
    unit: 'μmol/L',
    low: { male: 57, female: 41 },
    high: { male: 111, female: 81 },
    mean: { male: 80, female: 60 },
    sd: 9,
    decimals: 0,
  },
  {
    name: '血清尿酸测定',
    unit: 'μmol/L',
    low: { male: 208, female: 155 },
    high: { male: 428, female: 357 },
    mean: { male: 340, female: 270 },
    sd: 35,
    decimals: 0,
    drift: 'uric',
  },
  {
    name: '空腹血糖',
    unit: 'mmol/L',
    low: 3.9,
    high: 6.1,
    mean: 5.0,
    sd: 0.35,
    decimals: 2,
    drift: 'glucose',
  },
  { name: '糖化血红蛋白', unit: '%', low: 4.0, high: 6.0, mean: 5.3, sd: 0.25, decimals: 1, drift: 'hba1c' },
  { name: '总胆固醇', unit: 'mmol/L', high: 5.2, mean: 4.6, sd: 0.4, decimals: 2, drift: 'tc' },
  { name: '甘油三酯', unit: 'mmol/L', high: 1.7, mean: 1.2, sd: 0.3, decimals: 2, drift: 'tg' },
  {
    name: '高密度脂蛋白胆固醇',
    unit: 'mmol/L',
    low: 1.0,
    mean: { male: 1.25, female: 1.45 },
    sd: 0.15,
    decimals: 2,
  },
  { name: '低密度脂蛋白胆固醇', unit: 'mmol/L', high: 3.4, mean: 2.7, sd: 0.35, decimals: 2, drift: 'ldl' },
  { name: '钾', unit: 'mmol/L', low: 3.5, high: 5.3, mean: 4.2, sd: 0.25, decimals: 2 },
  { name: '钠', unit: 'mmol/L', low: 137, high: 147, mean: 141, sd: 1.8, decimals: 1 },
  { name: '氯', unit: 'mmol/L', low: 99, high: 110, mean: 104, sd: 2, decimals: 1 },
  { name: '钙', unit: 'mmol/L', low: 2.11, high: 2.52, mean: 2.32, sd: 0.07, decimals: 2 },
  { name: '促甲状腺激素', unit: 'mIU/L', low: 0.27, high: 4.2, mean: 1.9, sd: 0.6, decimals: 2 },
  { name: '同型半胱氨酸', unit: 'μmol/L', high: 15, mean: 10, sd: 2, decimals: 1 },
  { name: '甲胎蛋白', unit: 'ng/mL', high: 7, mean: 3, sd: 1, decimals: 2 },
  { name: '癌胚抗原', unit: 'ng/mL', high: 5, mean: 1.8, sd: 0.7, decimals: 2 },
  { name: '尿蛋白', unit: '', mean: 0, sd: 0, decimals: 0, text: '阴性(-)' },
  { name: '尿糖', unit: '', mean: 0, sd: 0, decimals: 0, text: '阴性(-)' },
  { name: '尿潜血', unit: '', mean: 0, sd: 0, decimals: 0, text: '阴性(-)' },
  { name: '尿酮体', unit: '', mean: 0, sd: 0, decimals: 0, text: '阴性(-)' },
  { name: '尿比重', unit: '', low: 1.003, high: 1.03, mean: 1.018, sd: 0.005, decimals: 3 },
  { name: '尿酸碱度', unit: '', low: 4.5, high: 8.0, mean: 6.0, sd: 0.6, decimals: 1 },
];

export interface DemoItemRow {
  itemName: string;
  result: string;
  unit: string;
  referenceRange: string;
  flag: string;
}

function gaussian(rng: DemoRandom): number {
  // Box-Muller from two uniform draws.
  const u = Math.max(rng.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const rounded = (value: number, decimals: number) => value.toFixed(decimals);

function rangeText(item: PanelItem, sex: 'male' | 'female'): string {
  if (item.text) return '阴性';
  const low = item.low === undefined ? undefined : bySex(item.low, sex);
  const high = item.high === undefined ? undefined : bySex(item.high, sex);
  if (low !== undefined && high !== undefined) return `${low}-${high}`;
  if (high !== undefined) return `<${high}`;
  if (low !== undefined) return `>${low}`;
  return '';
}

/**
 * One checkup's item rows for a person. `year` is 0, 1 or 2 of the drift (2 the newest); a drifting profile's items
 * follow DRIFTS exactly, the rest are the person's own stable values with year-to-year noise.
 */
export function checkupItems(input: {
  patient: DemoPatient;
  profile: DemoProfile;
  year: number;
  rng: DemoRandom;
  /** The person's own offsets (in SDs) per item, so they stay recognisably themselves year after year. */
  personal: readonly number[];
}): DemoItemRow[] {
  const sex = input.patient.sex === 'female' ? 'female' : 'male';
  const drift = input.profile === 'healthy' ? {} : DRIFTS[input.profile];
  const rows: DemoItemRow[] = [];
  let height = 0;
  let weight = 0;
  PANEL.forEach((item, i) => {
    if (item.text) {
      rows.push({ itemName: item.name, result: item.text, unit: '', referenceRange: '阴性', flag: '' });
      return;
    }
    const planned = item.drift ? drift[item.drift]?.[input.year] : undefined;
    const own =
      bySex(item.mean, sex) + item.sd * ((input.personal[i] ?? 0) * 0.8 + gaussian(input.rng) * 0.35);
    let value = planned ?? own;
    if (planned === undefined && item.high !== undefined)
      value = Math.min(value, bySex(item.high, sex) * 0.98);
    if (planned === undefined && item.low !== undefined) value = Math.max(value, bySex(item.low, sex) * 1.02);
    if (item.name === '身高') height = value;
    if (item.name === '体重') weight = value;
    const low = item.low === undefined ? undefined : bySex(item.low, sex);
    const high = item.high === undefined ? undefined : bySex(item.high, sex);
    const shown = Number(rounded(value, item.decimals));
    const flag = high !== undefined && shown > high ? '↑' : low !== undefined && shown < low ? '↓' : '';
    rows.push({
      itemName: item.name,
      result: rounded(value, item.decimals),
      unit: item.unit,
      referenceRange: rangeText(item, sex),
      flag,
    });
  });
  const bmi = weight / (height / 100) ** 2;
  rows.splice(3, 0, {
    itemName: '体重指数',
    result: bmi.toFixed(1),
    unit: 'kg/m²',
    referenceRange: '18.5-23.9',
    flag: bmi > 23.9 ? '↑' : bmi < 18.5 ? '↓' : '',
  });
  return rows;
}

/** Per-item personal offsets of a person, drawn once. */
export function personalOffsets(rng: DemoRandom): number[] {
  return PANEL.map(() => Math.max(-1.5, Math.min(1.5, gaussian(rng))));
}

export interface TemplateRow {
  reportNo: string;
  patient: DemoPatient;
  checkupDate: string;
  center: string;
  packageName: string;
  conclusion: string;
  item: DemoItemRow;
}

const CELL: Readonly<Record<TemplateColumnKey, (r: TemplateRow) => string>> = {
  reportNo: (r) => r.reportNo,
  nationalId: (r) => r.patient.nationalId,
  mrn: () => '',
  name: (r) => r.patient.name,
  sex: (r) => (r.patient.sex === 'female' ? '女' : '男'),
  birthDate: (r) => r.patient.birthDate,
  phone: (r) => r.patient.phone,
  checkupDate: (r) => r.checkupDate,
  center: (r) => r.center,
  packageName: (r) => r.packageName,
  itemName: (r) => r.item.itemName,
  itemCode: () => '',
  result: (r) => r.item.result,
  unit: (r) => r.item.unit,
  referenceRange: (r) => r.item.referenceRange,
  flag: (r) => r.item.flag,
  conclusion: (r) => r.conclusion,
};

/** The import template's rows (Chinese headers first), the way a checkup centre exports them. */
export function templateRows(rows: readonly TemplateRow[]): string[][] {
  // The conclusion is written once per checkup, on its first row, as the template suggests.
  return [
    CHECKUP_TEMPLATE_COLUMNS.map((c) => c.zh),
    ...rows.map((r, i) =>
      CHECKUP_TEMPLATE_COLUMNS.map((c) =>
        c.key === 'conclusion' && rows[i - 1]?.reportNo === r.reportNo ? '' : CELL[c.key](r),
      ),
    ),
  ];
}

/** A short 总检结论 from what is abnormal. */
export function conclusionFor(items: readonly DemoItemRow[]): string {
  const abnormal = items.filter((i) => i.flag !== '');
  if (abnormal.length === 0) return '本次体检未见明显异常，建议保持健康生活方式，每年体检一次。';
  const list = abnormal.map((i) => `${i.itemName}${i.flag === '↑' ? '偏高' : '偏低'}`).join('；');
  return `${list}。建议按随访计划复查，必要时专科就诊。`;
}
