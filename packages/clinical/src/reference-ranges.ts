// Adult reference intervals and decision limits, one row per published value with its source.
// Values from shared/design/clinical.md; an org's own table (lab-specific intervals) always wins.
import { resolveAnalyteKey, type AnalyteKey } from './analytes.ts';

export type BiologicalSex = 'male' | 'female';

export interface SexAndAge {
  /** 'other' or 'unknown' (as recorded in contracts) match only rows that apply to either sex. */
  readonly sex?: BiologicalSex | 'other' | 'unknown';
  readonly ageYears: number;
}

/**
 * A value is low when below `low` and high when above `high`; with `highExclusive` it is already high at `high`
 * itself (guidelines that write "desirable < 5.2" put 5.2 in the high band).
 */
export interface ReferenceInterval {
  readonly analyte: AnalyteKey;
  readonly low?: number;
  readonly high?: number;
  readonly highExclusive?: boolean;
  readonly unit: string;
  readonly source: string;
}

export interface ReferenceIntervalRow extends ReferenceInterval {
  /** Omitted: applies to either sex. */
  readonly sex?: BiologicalSex;
  /** Inclusive age bounds in years; omitted means no bound. */
  readonly minAgeYears?: number;
  readonly maxAgeYears?: number;
}

// The built-in intervals are adult intervals; children need an org-configured table.
const ADULT = 18;

const WS_T_405 = 'WS/T 405-2012 血细胞分析参考区间 (adults)';
const WS_T_404_1 = 'WS/T 404.1-2012 临床常用生化检验项目参考区间 第1部分 (adults)';
const LIPID_2023 = '中国血脂管理指南 2023 (Chinese guideline for lipid management 2023)';
const CDS_2020 = '中国2型糖尿病防治指南 2020 (Chinese Diabetes Society)';
const GOUT_2019 = '中国高尿酸血症与痛风诊疗指南 2019';
const WS_T_428 = 'WS/T 428-2013 成人体重判定';
const HTN_2018 = '中国高血压防治指南 2018年修订版 (Chinese guideline for hypertension, 2018 revision)';

const PUBLISHED_ADULT_RANGES: readonly ReferenceIntervalRow[] = [
  // Hemoglobin men 130-175 g/L, women 115-150 g/L (WS/T 405-2012).
  { analyte: 'hemoglobin', sex: 'male', low: 130, high: 175, unit: 'g/L', source: WS_T_405 },
  { analyte: 'hemoglobin', sex: 'female', low: 115, high: 150, unit: 'g/L', source: WS_T_405 },
  // WBC 3.5-9.5 x10^9/L, platelets 125-350 x10^9/L, either sex (WS/T 405-2012).
  { analyte: 'wbc', low: 3.5, high: 9.5, unit: '10*9/L', source: WS_T_405 },
  { analyte: 'platelets', low: 125, high: 350, unit: '10*9/L', source: WS_T_405 },
  // ALT men 9-50 U/L, women 7-40 U/L; AST men 15-40 U/L, women 13-35 U/L (WS/T 404.1-2012).
  { analyte: 'alt', sex: 'male', low: 9, high: 50, unit: 'U/L', source: WS_T_404_1 },
  { analyte: 'alt', sex: 'female', low: 7, high: 40, unit: 'U/L', source: WS_T_404_1 },
  { analyte: 'ast', sex: 'male', low: 15, high: 40, unit: 'U/L', source: WS_T_404_1 },
  { analyte: 'ast', sex: 'female', low: 13, high: 35, unit: 'U/L', source: WS_T_404_1 },
  // Lipids: desirable TC < 5.2, LDL-C < 3.4, TG < 1.7 mmol/L; HDL-C low < 1.0 (lipid guideline 2023).
  { analyte: 'total-cholesterol', high: 5.2, highExclusive: true, unit: 'mmol/L', source: LIPID_2023 },
  { analyte: 'ldl-cholesterol', high: 3.4, highExclusive: true, unit: 'mmol/L', source: LIPID_2023 },
  { analyte: 'hdl-cholesterol', low: 1.0, unit: 'mmol/L', source: LIPID_2023 },
  { analyte: 'triglycerides', high: 1.7, highExclusive: true, unit: 'mmol/L', source: LIPID_2023 },
  // Fasting glucose normal < 6.1 mmol/L; hypoglycemia (level 1) below 3.9 mmol/L (CDS 2020).
  { analyte: 'fasting-glucose', low: 3.9, high: 6.1, highExclusive: true, unit: 'mmol/L', source: CDS_2020 },
  // Hyperuricemia: serum uric acid > 420 umol/L, either sex (hyperuricemia and gout guideline 2019).
  { analyte: 'uric-acid', high: 420, unit: 'umol/L', source: GOUT_2019 },
  // Hypertension: office BP >= 140/90 mmHg (hypertension guideline 2018; same in the 2024 revision). Only the upper
  // limit is a guideline threshold; low blood pressure has no guideline cut-off, so no lower limit is set.
  { analyte: 'systolic-bp', high: 140, highExclusive: true, unit: 'mm[Hg]', source: HTN_2018 },
  { analyte: 'diastolic-bp', high: 90, highExclusive: true, unit: 'mm[Hg]', source: HTN_2018 },
  // BMI normal 18.5-23.9 kg/m2, i.e. 18.5 <= BMI < 24.0 (WS/T 428-2013).
  { analyte: 'bmi', low: 18.5, high: 24.0, highExclusive: true, unit: 'kg/m2', source: WS_T_428 },
];

export const REFERENCE_RANGES: readonly ReferenceIntervalRow[] = PUBLISHED_ADULT_RANGES.map((r) => ({
  minAgeYears: ADULT,
  ...r,
}));

function matches(row: ReferenceIntervalRow, analyte: AnalyteKey, patient: SexAndAge): boolean {
  return (
    row.analyte === analyte &&
    (row.sex === undefined || row.sex === patient.sex) &&
    (row.minAgeYears === undefined || patient.ageYears >= row.minAgeYears) &&
    (row.maxAgeYears === undefined || patient.ageYears <= row.maxAgeYears)
  );
}

function toRange(row: ReferenceIntervalRow): ReferenceInterval {
  const { sex: _sex, minAgeYears: _min, maxAgeYears: _max, ...range } = row;
  return range;
}

/**
 * The reference range for an analyte (key or LOINC code) and a patient, or null when none applies. Rows in
 * `overrides` (the org's own table) are searched first and win over the built-in table.
 */
export function rangeFor(
  analyteOrLoinc: string,
  patient: SexAndAge,
  overrides: readonly ReferenceIntervalRow[] = [],
): ReferenceInterval | null {
  const analyte = resolveAnalyteKey(analyteOrLoinc);
  if (analyte === undefined) return null;
  const row =
    overrides.find((r) => matches(r, analyte, patient)) ??
    REFERENCE_RANGES.find((r) => matches(r, analyte, patient));
  return row === undefined ? null : toRange(row);
}
