// Body size categories for adults in China, WS/T 428-2013 (成人体重判定), as listed in clinical.md.
import { bandOf, type Band } from './bands.ts';
import type { BiologicalSex } from './reference-ranges.ts';

/** BMI = weight (kg) / height (m)^2, full precision; WS/T 428-2013 reports it to one decimal. */
export function bmi(weightKg: number, heightCm: number): number {
  if (!(weightKg > 0) || !(heightCm > 0) || !Number.isFinite(weightKg) || !Number.isFinite(heightCm)) {
    throw new RangeError(`Weight and height must be positive, got ${weightKg} kg and ${heightCm} cm`);
  }
  const heightM = heightCm / 100;
  return weightKg / (heightM * heightM);
}

export type BmiCategory = 'underweight' | 'normal' | 'overweight' | 'obesity';

// Underweight < 18.5; normal 18.5-23.9; overweight 24.0-27.9; obesity >= 28.0 kg/m2.
const BMI_BANDS: readonly Band<BmiCategory>[] = [
  { below: 18.5, band: 'underweight' },
  { below: 24.0, band: 'normal' },
  { below: 28.0, band: 'overweight' },
  { band: 'obesity' },
];

export function bmiCategory(bmiValue: number): BmiCategory {
  return bandOf(bmiValue, BMI_BANDS);
}

export type WaistCategory = 'normal' | 'pre-central-obesity' | 'central-obesity';

// Waist: pre-central obesity 85-89.9 cm (men), 80-84.9 cm (women); central obesity >= 90 (men), >= 85 (women).
const WAIST_BANDS: Readonly<Record<BiologicalSex, readonly Band<WaistCategory>[]>> = {
  male: [
    { below: 85, band: 'normal' },
    { below: 90, band: 'pre-central-obesity' },
    { band: 'central-obesity' },
  ],
  female: [
    { below: 80, band: 'normal' },
    { below: 85, band: 'pre-central-obesity' },
    { band: 'central-obesity' },
  ],
};

export function waistCategory(waistCm: number, sex: BiologicalSex): WaistCategory {
  return bandOf(waistCm, WAIST_BANDS[sex]);
}
