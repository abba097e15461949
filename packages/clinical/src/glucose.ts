// Glycaemic categories from the Chinese Diabetes Society guideline for type 2 diabetes, 2020 (clinical.md).
import { bandOf, type Band } from './bands.ts';
import { convert, type Quantity } from './units.ts';

export type FastingGlucoseCategory = 'normal' | 'impaired-fasting-glucose' | 'diabetes-range';

// FPG normal < 6.1; impaired fasting glucose 6.1-6.9; diabetes >= 7.0 mmol/L (CDS 2020).
const FASTING_BANDS: readonly Band<FastingGlucoseCategory>[] = [
  { below: 6.1, band: 'normal' },
  { below: 7.0, band: 'impaired-fasting-glucose' },
  { band: 'diabetes-range' },
];

export type OgttCategory = 'normal' | 'impaired-glucose-tolerance' | 'diabetes-range';

// 2-h OGTT glucose: impaired glucose tolerance 7.8-11.0; diabetes >= 11.1 mmol/L (CDS 2020).
const OGTT_2H_BANDS: readonly Band<OgttCategory>[] = [
  { below: 7.8, band: 'normal' },
  { below: 11.1, band: 'impaired-glucose-tolerance' },
  { band: 'diabetes-range' },
];

// Hypoglycaemia level 1: < 3.9 and >= 3.0 mmol/L; level 2: < 3.0 mmol/L (CDS 2020). Level 3 is a severe event
// needing another person's help, defined by the event and not by a number, so it is not computed here.
export type HypoglycemiaLevel = 'none' | 'level-1' | 'level-2';
const HYPOGLYCEMIA_BANDS: readonly Band<HypoglycemiaLevel>[] = [
  { below: 3.0, band: 'level-2' },
  { below: 3.9, band: 'level-1' },
  { band: 'none' },
];

const mmolPerL = (glucose: Quantity): number => convert(glucose, 'mmol/L', 'glucose');

export function classifyFastingGlucose(glucose: Quantity): FastingGlucoseCategory {
  return bandOf(mmolPerL(glucose), FASTING_BANDS);
}

export function classifyOgtt2h(glucose: Quantity): OgttCategory {
  return bandOf(mmolPerL(glucose), OGTT_2H_BANDS);
}

export function hypoglycemiaLevel(glucose: Quantity): HypoglycemiaLevel {
  return bandOf(mmolPerL(glucose), HYPOGLYCEMIA_BANDS);
}

/** HbA1c >= 6.5% (48 mmol/mol by the IFCC equation) is in the diabetes range (CDS 2020). */
export function isHba1cInDiabetesRange(hba1c: Quantity): boolean {
  return convert(hba1c, '%', 'hba1c') >= 6.5;
}
