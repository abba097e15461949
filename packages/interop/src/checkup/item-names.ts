// Common Chinese (and English) checkup item names mapped to analytes and their LOINC codes, so that items of a
// CSV, PDF or photo without codes still land on the right analyte. The codes are copied from
// packages/clinical/src/analytes.ts (interop imports nothing outside itself); keep the two in step.
// A name that fits more than one code (plain "低密度脂蛋白胆固醇": calculated or direct?) gets its analyte key
// but no LOINC code: a wrong code is worse than none.
import { toHalfWidth } from './text.ts';

export type CheckupAnalyteKey =
  | 'glucose'
  | 'fasting-glucose'
  | 'hba1c'
  | 'total-cholesterol'
  | 'ldl-cholesterol'
  | 'hdl-cholesterol'
  | 'triglycerides'
  | 'creatinine'
  | 'uric-acid'
  | 'alt'
  | 'ast'
  | 'hemoglobin'
  | 'wbc'
  | 'platelets'
  | 'potassium'
  | 'sodium'
  | 'systolic-bp'
  | 'diastolic-bp'
  | 'bmi'
  | 'body-weight'
  | 'body-height'
  | 'heart-rate';

export interface AnalyteSuggestion {
  readonly key: CheckupAnalyteKey;
  readonly loinc?: string;
}

type Entry = readonly [key: CheckupAnalyteKey, loinc: string | undefined, names: readonly string[]];

// [analyte key, LOINC code from analytes.ts (or none when the name is ambiguous), names]
const ENTRIES: readonly Entry[] = [
  // 14771-0 Glucose [Moles/volume] in Serum or Plasma --fasting: the mmol/L code Chinese labs report in.
  [
    'fasting-glucose',
    '14771-0',
    [
      '空腹血糖',
      '空腹葡萄糖',
      '空腹血浆葡萄糖',
      '空腹血糖测定',
      'fpg',
      'fbg',
      'glu(空腹)',
      'fasting glucose',
      'fasting blood glucose',
      'fasting plasma glucose',
    ],
  ],
  // 2345-7 Glucose [Mass/volume] in Serum or Plasma
  ['glucose', '2345-7', ['葡萄糖', '血糖', '血清葡萄糖', '葡萄糖测定', 'glu', 'glucose']],
  // 4548-4 Hemoglobin A1c/Hemoglobin.total in Blood
  [
    'hba1c',
    '4548-4',
    [
      '糖化血红蛋白',
      '糖化血红蛋白a1c',
      '糖化血红蛋白(hba1c)',
      'hba1c',
      'ghb',
      'hemoglobin a1c',
      'glycated hemoglobin',
    ],
  ],
  // 2093-3 Cholesterol [Mass/volume] in Serum or Plasma
  [
    'total-cholesterol',
    '2093-3',
    ['总胆固醇', '血清总胆固醇', '胆固醇', 'tc', 'chol', 'tcho', 'total cholesterol', 'cholesterol'],
  ],
  // 2571-8 Triglyceride [Mass/volume] in Serum or Plasma
  [
    'triglycerides',
    '2571-8',
    ['甘油三酯', '三酰甘油', '血清甘油三酯', 'tg', 'trig', 'triglyceride', 'triglycerides'],
  ],
  // 13457-7 (calculated) and 18262-6 (direct assay): only a name that says which gets a code.
  [
    'ldl-cholesterol',
    '13457-7',
    [
      '低密度脂蛋白胆固醇(计算)',
      '低密度脂蛋白胆固醇(计算法)',
      'ldl cholesterol (calculated)',
      'ldl-c (calculated)',
    ],
  ],
  [
    'ldl-cholesterol',
    '18262-6',
    [
      '低密度脂蛋白胆固醇(直接法)',
      '低密度脂蛋白胆固醇(直接测定)',
      'ldl cholesterol (direct)',
      'ldl-c (direct)',
    ],
  ],
  [
    'ldl-cholesterol',
    undefined,
    ['低密度脂蛋白胆固醇', '低密度脂蛋白', '低密度脂蛋白-c', 'ldl-c', 'ldl', 'ldlc', 'ldl cholesterol'],
  ],
  // 2085-9 Cholesterol in HDL [Mass/volume] in Serum or Plasma
  [
    'hdl-cholesterol',
    '2085-9',
    ['高密度脂蛋白胆固醇', '高密度脂蛋白', '高密度脂蛋白-c', 'hdl-c', 'hdl', 'hdlc', 'hdl cholesterol'],
  ],
  // 2160-0 Creatinine [Mass/volume] in Serum or Plasma
  ['creatinine', '2160-0', ['肌酐', '血肌酐', '血清肌酐', '肌酐(酶法)', 'cr', 'crea', 'scr', 'creatinine']],
  // 3084-1 Urate [Mass/volume] in Serum or Plasma
  ['uric-acid', '3084-1', ['尿酸', '血尿酸', '血清尿酸', 'ua', 'uric acid', 'urate']],
  // 1742-6 Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  [
    'alt',
    '1742-6',
    ['谷丙转氨酶', '丙氨酸氨基转移酶', '丙氨酸转氨酶', 'alt', 'gpt', 'alt(gpt)', 'alanine aminotransferase'],
  ],
  // 1920-8 Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  [
    'ast',
    '1920-8',
    [
      '谷草转氨酶',
      '天门冬氨酸氨基转移酶',
      '天冬氨酸氨基转移酶',
      '天冬氨酸转氨酶',
      'ast',
      'got',
      'ast(got)',
      'aspartate aminotransferase',
    ],
  ],
  // 718-7 Hemoglobin [Mass/volume] in Blood
  [
    'hemoglobin',
    '718-7',
    ['血红蛋白', '血红蛋白浓度', '血红蛋白测定', 'hgb', 'hb', 'hemoglobin', 'haemoglobin'],
  ],
  // 6690-2 Leukocytes [#/volume] in Blood by Automated count
  ['wbc', '6690-2', ['白细胞计数', '白细胞', '白细胞总数', 'wbc', 'white blood cell count', 'leukocytes']],
  // 777-3 Platelets [#/volume] in Blood by Automated count
  ['platelets', '777-3', ['血小板计数', '血小板', '血小板总数', 'plt', 'platelet count', 'platelets']],
  // 2823-3 Potassium [Moles/volume] in Serum or Plasma
  ['potassium', '2823-3', ['钾', '血钾', '血清钾', '钾离子', 'k', 'k+', 'potassium']],
  // 2951-2 Sodium [Moles/volume] in Serum or Plasma
  ['sodium', '2951-2', ['钠', '血钠', '血清钠', '钠离子', 'na', 'na+', 'sodium']],
  // 8480-6 Systolic blood pressure
  ['systolic-bp', '8480-6', ['收缩压', '血压(收缩压)', 'sbp', 'systolic blood pressure', 'systolic']],
  // 8462-4 Diastolic blood pressure
  ['diastolic-bp', '8462-4', ['舒张压', '血压(舒张压)', 'dbp', 'diastolic blood pressure', 'diastolic']],
  // 39156-5 Body mass index (BMI) [Ratio]
  ['bmi', '39156-5', ['体重指数', '体质指数', '身体质量指数', 'bmi', 'body mass index']],
  // 29463-7 Body weight
  ['body-weight', '29463-7', ['体重', 'body weight', 'weight']],
  // 8302-2 Body height
  ['body-height', '8302-2', ['身高', 'body height', 'height']],
  // 8867-4 Heart rate
  ['heart-rate', '8867-4', ['心率', 'hr', 'heart rate']],
];

/**
 * A name as compared: half-width, lower-case, without spaces, leading numbering ('1.', '2、') or marks
 * ('*', '★', '△'), with brackets unified to ( ).
 */
function normalizeOnce(name: string): string {
  return toHalfWidth(name)
    .toLowerCase()
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d{1,3}\s*[.、)]\s*)/, '')
    .replace(/^[*★☆△▲#]+|[*★☆△▲#:]+$/g, '')
    .replace(/\s*([()\-/])\s*/g, '$1')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .trim();
}

/**
 * The name as the mapping table keys it. Repeated until nothing changes ('体重 * :' loses ':' and then '*'), so
 * normalizing a normalized name changes nothing; every step only removes characters, so it ends.
 */
export function normalizeItemName(name: string): string {
  let current = normalizeOnce(name);
  for (let next = normalizeOnce(current); next !== current; next = normalizeOnce(current)) current = next;
  return current;
}

const DICTIONARY: ReadonlyMap<string, AnalyteSuggestion> = new Map(
  ENTRIES.flatMap(([key, loinc, names]) =>
    names.map((name): [string, AnalyteSuggestion] => [
      normalizeItemName(name),
      loinc ? { key, loinc } : { key },
    ]),
  ),
);

/**
 * The analyte (and, when the name is unambiguous, its LOINC code) a local item name stands for. Tries the
 * whole name, then the name without its bracketed part, then the bracketed part: '丙氨酸氨基转移酶(ALT)'.
 */
export function suggestAnalyte(localName: string): AnalyteSuggestion | undefined {
  const name = normalizeItemName(localName);
  if (name === '' || name.length > 60) return undefined;
  const direct = DICTIONARY.get(name);
  if (direct) return direct;
  const bracket = /^(.+?)\((.+)\)$/.exec(name);
  if (!bracket?.[1] || !bracket[2]) return undefined;
  return DICTIONARY.get(bracket[1].trim()) ?? DICTIONARY.get(bracket[2].trim());
}

export function suggestLoinc(localName: string): string | undefined {
  return suggestAnalyte(localName)?.loinc;
}
