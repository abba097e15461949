// eGFR by the CKD-EPI 2021 creatinine equation, without a race term (Inker et al., NEJM 2021;385:1737-49), and
// the KDIGO GFR categories (KDIGO 2012 CKD guideline). Equation as written in clinical.md, Kidney.
import { bandOf, type Band } from './bands.ts';
import type { BiologicalSex } from './reference-ranges.ts';
import { convert, type Quantity } from './units.ts';

export interface EgfrInput {
  /** Serum creatinine in mg/dL or umol/L. */
  readonly creatinine: Quantity;
  readonly ageYears: number;
  readonly sex: BiologicalSex;
}

// kappa and alpha by sex; the female factor 1.012 (CKD-EPI 2021).
const COEFFICIENTS: Readonly<Record<BiologicalSex, { kappa: number; alpha: number; factor: number }>> = {
  female: { kappa: 0.7, alpha: -0.241, factor: 1.012 },
  male: { kappa: 0.9, alpha: -0.302, factor: 1 },
};

/**
 * eGFR in mL/min/1.73 m2 at full precision (round for display; labs report whole numbers):
 * 142 x min(Scr/k, 1)^a x max(Scr/k, 1)^-1.200 x 0.9938^age x 1.012 (if female). Adults (>= 18 years) only.
 */
export function egfrCkdEpi2021({ creatinine, ageYears, sex }: EgfrInput): number {
  const scr = convert(creatinine, 'mg/dL', 'creatinine');
  if (!(scr > 0)) throw new RangeError(`Serum creatinine must be positive, got ${scr} mg/dL`);
  if (!Number.isFinite(ageYears) || ageYears < 18) {
    throw new RangeError(`CKD-EPI 2021 is an adult equation; age ${ageYears} is out of scope`);
  }
  const { kappa, alpha, factor } = COEFFICIENTS[sex];
  const ratio = scr / kappa;
  return 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** ageYears * factor;
}

export type GfrCategory = 'G1' | 'G2' | 'G3a' | 'G3b' | 'G4' | 'G5';

// KDIGO: G1 >= 90; G2 60-89; G3a 45-59; G3b 30-44; G4 15-29; G5 < 15 mL/min/1.73 m2.
const GFR_CATEGORIES: readonly Band<GfrCategory>[] = [
  { below: 15, band: 'G5' },
  { below: 30, band: 'G4' },
  { below: 45, band: 'G3b' },
  { below: 60, band: 'G3a' },
  { below: 90, band: 'G2' },
  { band: 'G1' },
];

/** The KDIGO GFR category of an eGFR as given (a value of 59.6 is G3a; round first if the report rounds). */
export function gfrCategory(egfr: number): GfrCategory {
  return bandOf(egfr, GFR_CATEGORIES);
}
