import type { FormularyDrug } from '../medication.types.ts';
import { ANTI_INFECTIVES } from './anti-infectives.ts';
import { CARDIO_OTHER } from './cardio-other.ts';
import { ANTIHYPERTENSIVES } from './cardiovascular.ts';
import { INJECTABLE_ANTIDIABETICS } from './diabetes-injectables.ts';
import { ORAL_ANTIDIABETICS } from './diabetes.ts';
import { ENDOCRINE_MUSCULOSKELETAL } from './endocrine-musculoskeletal.ts';
import { GASTRO } from './gastro.ts';
import { LIPIDS_ANTITHROMBOTICS } from './lipids-antithrombotic.ts';
import { NEURO_UROLOGY } from './neuro-urology.ts';
import { PAIN_RESPIRATORY } from './pain-respiratory.ts';

/** The built-in formulary: common drugs available in China, with the label each figure comes from. */
export const FORMULARY: readonly FormularyDrug[] = Object.freeze([
  ...ANTIHYPERTENSIVES,
  ...CARDIO_OTHER,
  ...ORAL_ANTIDIABETICS,
  ...INJECTABLE_ANTIDIABETICS,
  ...LIPIDS_ANTITHROMBOTICS,
  ...ANTI_INFECTIVES,
  ...PAIN_RESPIRATORY,
  ...GASTRO,
  ...ENDOCRINE_MUSCULOSKELETAL,
  ...NEURO_UROLOGY,
]);

const BY_CODE = new Map(FORMULARY.map((d) => [d.code, d]));

/** The built-in drug with this code, or undefined. */
export function formularyDrug(code: string): FormularyDrug | undefined {
  return BY_CODE.get(code);
}
