// Lipid bands from the Chinese guideline for lipid management 2023 (中国血脂管理指南 2023), all in mmol/L.
import { bandOf, type Band } from './bands.ts';
import { convert, type Quantity } from './units.ts';

export type LipidBand = 'ideal' | 'desirable' | 'borderline' | 'high';

// Total cholesterol: desirable < 5.2; borderline 5.2-6.1; high >= 6.2.
const TOTAL_CHOLESTEROL: readonly Band<LipidBand>[] = [
  { below: 5.2, band: 'desirable' },
  { below: 6.2, band: 'borderline' },
  { band: 'high' },
];

// LDL-C: ideal < 2.6; desirable < 3.4; borderline 3.4-4.0; high >= 4.1.
const LDL_CHOLESTEROL: readonly Band<LipidBand>[] = [
  { below: 2.6, band: 'ideal' },
  { below: 3.4, band: 'desirable' },
  { below: 4.1, band: 'borderline' },
  { band: 'high' },
];

// Triglycerides: desirable < 1.7; borderline 1.7-2.2; high >= 2.3.
const TRIGLYCERIDES: readonly Band<LipidBand>[] = [
  { below: 1.7, band: 'desirable' },
  { below: 2.3, band: 'borderline' },
  { band: 'high' },
];

export function classifyTotalCholesterol(tc: Quantity): LipidBand {
  return bandOf(convert(tc, 'mmol/L', 'total-cholesterol'), TOTAL_CHOLESTEROL);
}

export function classifyLdlCholesterol(ldl: Quantity): LipidBand {
  return bandOf(convert(ldl, 'mmol/L', 'ldl-cholesterol'), LDL_CHOLESTEROL);
}

export function classifyTriglycerides(tg: Quantity): LipidBand {
  return bandOf(convert(tg, 'mmol/L', 'triglycerides'), TRIGLYCERIDES);
}

/** HDL-C < 1.0 mmol/L is low. */
export function isHdlCholesterolLow(hdl: Quantity): boolean {
  return convert(hdl, 'mmol/L', 'hdl-cholesterol') < 1.0;
}
