import type { AnalyteKey } from '@careloop/clinical';

/**
 * Values no living person can have, in the analyte's reported unit: a reading outside these limits is a typing or
 * unit mistake (glucose 500 mmol/L is 500 mg/dL typed in the wrong unit), not a result. The limits are set far
 * beyond the most extreme values published in case reports of survivors, so that no real result is refused; they
 * are sanity bounds, not clinical thresholds, and never flag anything: flags come from reference ranges and
 * critical limits (packages/clinical).
 */
export const PLAUSIBLE: Readonly<Record<AnalyteKey, { min: number; max: number }>> = {
  glucose: { min: 0.1, max: 200 },
  'fasting-glucose': { min: 0.1, max: 200 },
  hba1c: { min: 2, max: 25 },
  'total-cholesterol': { min: 0.1, max: 60 },
  'ldl-cholesterol': { min: 0, max: 50 },
  'hdl-cholesterol': { min: 0, max: 15 },
  triglycerides: { min: 0, max: 200 },
  creatinine: { min: 5, max: 5000 },
  'uric-acid': { min: 5, max: 3000 },
  alt: { min: 0, max: 30000 },
  ast: { min: 0, max: 50000 },
  hemoglobin: { min: 10, max: 300 },
  wbc: { min: 0, max: 1000 },
  platelets: { min: 0, max: 5000 },
  potassium: { min: 0.5, max: 15 },
  sodium: { min: 70, max: 220 },
  'systolic-bp': { min: 30, max: 320 },
  'diastolic-bp': { min: 10, max: 250 },
  bmi: { min: 5, max: 150 },
  'body-weight': { min: 0.2, max: 700 },
  'body-height': { min: 20, max: 280 },
  'heart-rate': { min: 10, max: 350 },
};

/** Spellings people and devices use for the same UCUM unit. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  mmhg: 'mm[Hg]',
  'mm hg': 'mm[Hg]',
  'mm[hg]': 'mm[Hg]',
  bpm: '/min',
  'beats/min': '/min',
  '次/分': '/min',
  '次/分钟': '/min',
  '/min': '/min',
  'mmol/l': 'mmol/L',
  'mg/dl': 'mg/dL',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'μmol/l': 'umol/L',
  'g/l': 'g/L',
  'g/dl': 'g/dL',
  'u/l': 'U/L',
  'iu/l': 'U/L',
  '10*9/l': '10*9/L',
  '10^9/l': '10*9/L',
  '×10^9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  '10e9/l': '10*9/L',
  'kg/m2': 'kg/m2',
  'kg/m²': 'kg/m2',
  kg: 'kg',
  公斤: 'kg',
  cm: 'cm',
  厘米: 'cm',
  '%': '%',
  'mmol/mol': 'mmol/mol',
};

/** The UCUM spelling of a unit as typed, or the unit unchanged when it is not a known spelling. */
export function canonicalUnit(unit: string): string {
  const key = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  return UNIT_ALIASES[key] ?? unit.trim();
}
