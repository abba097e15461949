// Code table of common checkup analytes. Codes are LOINC (https://loinc.org); names in comments are the LOINC
// long common names. `unit` is the UCUM unit of the code's own property (a mass-concentration code such as 2093-3
// expects mg/dL); `reportedUnit` is the unit Chinese labs usually report, which may differ and must then be
// converted (units.ts) before the value is sent under that code. Only codes we are sure of are listed: a wrong
// code is worse than a missing one.

export type AnalyteKey =
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

export interface Analyte {
  readonly loinc: string;
  readonly key: AnalyteKey;
  readonly en: string;
  readonly zh: string;
  readonly unit: string;
  readonly reportedUnit: string;
}

const row = (
  loinc: string,
  key: AnalyteKey,
  en: string,
  zh: string,
  unit: string,
  reportedUnit: string = unit,
): Analyte => ({ loinc, key, en, zh, unit, reportedUnit });

export const ANALYTES: readonly Analyte[] = [
  // 2345-7 Glucose [Mass/volume] in Serum or Plasma
  row('2345-7', 'glucose', 'Glucose', '葡萄糖', 'mg/dL', 'mmol/L'),
  // 14771-0 Glucose [Moles/volume] in Serum or Plasma --fasting
  row('14771-0', 'fasting-glucose', 'Fasting glucose', '空腹血糖', 'mmol/L'),
  // 1558-6 Fasting glucose [Mass/volume] in Serum or Plasma
  row('1558-6', 'fasting-glucose', 'Fasting glucose', '空腹血糖', 'mg/dL', 'mmol/L'),
  // 4548-4 Hemoglobin A1c/Hemoglobin.total in Blood
  row('4548-4', 'hba1c', 'Hemoglobin A1c', '糖化血红蛋白', '%'),
  // 2093-3 Cholesterol [Mass/volume] in Serum or Plasma
  row('2093-3', 'total-cholesterol', 'Total cholesterol', '总胆固醇', 'mg/dL', 'mmol/L'),
  // 13457-7 Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation
  row(
    '13457-7',
    'ldl-cholesterol',
    'LDL cholesterol (calculated)',
    '低密度脂蛋白胆固醇（计算）',
    'mg/dL',
    'mmol/L',
  ),
  // 18262-6 Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay
  row(
    '18262-6',
    'ldl-cholesterol',
    'LDL cholesterol (direct)',
    '低密度脂蛋白胆固醇（直接法）',
    'mg/dL',
    'mmol/L',
  ),
  // 2085-9 Cholesterol in HDL [Mass/volume] in Serum or Plasma
  row('2085-9', 'hdl-cholesterol', 'HDL cholesterol', '高密度脂蛋白胆固醇', 'mg/dL', 'mmol/L'),
  // 2571-8 Triglyceride [Mass/volume] in Serum or Plasma
  row('2571-8', 'triglycerides', 'Triglycerides', '甘油三酯', 'mg/dL', 'mmol/L'),
  // 2160-0 Creatinine [Mass/volume] in Serum or Plasma
  row('2160-0', 'creatinine', 'Creatinine', '肌酐', 'mg/dL', 'umol/L'),
  // 3084-1 Urate [Mass/volume] in Serum or Plasma
  row('3084-1', 'uric-acid', 'Uric acid', '尿酸', 'mg/dL', 'umol/L'),
  // 1742-6 Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  row('1742-6', 'alt', 'Alanine aminotransferase (ALT)', '丙氨酸氨基转移酶', 'U/L'),
  // 1920-8 Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma
  row('1920-8', 'ast', 'Aspartate aminotransferase (AST)', '天门冬氨酸氨基转移酶', 'U/L'),
  // 718-7 Hemoglobin [Mass/volume] in Blood
  row('718-7', 'hemoglobin', 'Hemoglobin', '血红蛋白', 'g/dL', 'g/L'),
  // 6690-2 Leukocytes [#/volume] in Blood by Automated count
  row('6690-2', 'wbc', 'White blood cell count', '白细胞计数', '10*3/uL', '10*9/L'),
  // 777-3 Platelets [#/volume] in Blood by Automated count
  row('777-3', 'platelets', 'Platelet count', '血小板计数', '10*3/uL', '10*9/L'),
  // 2823-3 Potassium [Moles/volume] in Serum or Plasma
  row('2823-3', 'potassium', 'Potassium', '钾', 'mmol/L'),
  // 2951-2 Sodium [Moles/volume] in Serum or Plasma
  row('2951-2', 'sodium', 'Sodium', '钠', 'mmol/L'),
  // 8480-6 Systolic blood pressure
  row('8480-6', 'systolic-bp', 'Systolic blood pressure', '收缩压', 'mm[Hg]'),
  // 8462-4 Diastolic blood pressure
  row('8462-4', 'diastolic-bp', 'Diastolic blood pressure', '舒张压', 'mm[Hg]'),
  // 39156-5 Body mass index (BMI) [Ratio]
  row('39156-5', 'bmi', 'Body mass index', '体重指数', 'kg/m2'),
  // 29463-7 Body weight
  row('29463-7', 'body-weight', 'Body weight', '体重', 'kg'),
  // 8302-2 Body height
  row('8302-2', 'body-height', 'Body height', '身高', 'cm'),
  // 8867-4 Heart rate
  row('8867-4', 'heart-rate', 'Heart rate', '心率', '/min'),
];

export function analyteByLoinc(loinc: string): Analyte | undefined {
  return ANALYTES.find((a) => a.loinc === loinc);
}

export function isAnalyteKey(value: string): value is AnalyteKey {
  return ANALYTES.some((a) => a.key === value);
}

/** An analyte key given either the key itself or one of its LOINC codes; undefined when neither. */
export function resolveAnalyteKey(keyOrLoinc: string): AnalyteKey | undefined {
  if (isAnalyteKey(keyOrLoinc)) return keyOrLoinc;
  return analyteByLoinc(keyOrLoinc)?.key;
}
