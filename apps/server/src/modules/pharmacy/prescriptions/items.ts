// Turning what a prescriber typed into checked prescription items: the drug from the organization's formulary, a
// dose in a unit that fits its form, a frequency the parser knows, a sane duration and quantity, and a dose that is
// not absurd. Problems come back all at once, each naming its item and field.
import {
  amountPerDose,
  convertAmount,
  dailyDose,
  parseFrequency,
  type Frequency,
  type FrequencyCode,
} from '@careloop/clinical';
import type { DoseUnit, PrescriptionItemInput } from '@careloop/contracts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { DOSE_UNITS_BY_FORM, toClinicalDrug, type DrugRow } from '../formulary/drug-view.ts';

/** A dose this many times the label's maximum daily dose is a slip (mg for mcg, a misplaced point), not a choice. */
export const ABSURD_DOSE_FACTOR = 100;
export const MAX_DURATION_DAYS = 365;
export const MAX_QUANTITY = 100;

/** Units counted per piece of the package: a suggested quantity divides pieces by the package size. */
const COUNT_UNITS: ReadonlySet<DoseUnit> = new Set(['tablet', 'capsule', 'sachet', 'patch', 'puff', 'drop']);

export interface ResolvedItem {
  index: number;
  drug: DrugRow;
  dose: { value: number; unit: DoseUnit };
  frequency: Frequency;
  durationDays: number | null;
  quantity: number;
  suggestedQuantity: number | null;
  instructions: string | null;
  overrideReason: string | null;
  dailyDose: { value: number; unit: string } | null;
}

/**
 * Packages to dispense for dose x doses a day x days, when the dose is counted in pieces of the package (or in the
 * strength's unit of a solid form). Null for liquids, creams, as-needed use and open-ended courses.
 */
export function suggestQuantity(
  drug: DrugRow,
  dose: { value: number; unit: DoseUnit },
  frequency: Frequency,
  durationDays: number | null,
): number | null {
  if (!durationDays || frequency.dosesPerDay === null) return null;
  let piecesPerDose: number | null = null;
  if (COUNT_UNITS.has(dose.unit)) piecesPerDose = dose.value;
  else if (
    dose.unit === drug.strength_unit &&
    ['tablet', 'capsule', 'sustained_release_tablet'].includes(drug.form)
  )
    piecesPerDose = dose.value / Number(drug.strength_value);
  if (piecesPerDose === null) return null;
  const pieces = piecesPerDose * frequency.dosesPerDay * durationDays;
  return Math.max(1, Math.ceil(pieces / drug.package_size - 1e-9));
}

export function resolveItems(
  inputs: readonly PrescriptionItemInput[],
  drugs: ReadonlyMap<string, DrugRow>,
): ResolvedItem[] {
  const errors: FieldError[] = [];
  const out: ResolvedItem[] = [];
  inputs.forEach((input, index) => {
    const at = (field: string, message: string) => errors.push({ path: `items.${index}.${field}`, message });
    const before = errors.length;
    const drug = drugs.get(input.drugId);
    if (!drug) {
      at('drugId', 'unknown_drug');
      return;
    }
    if (!drug.active) at('drugId', 'inactive_drug');
    const { value, unit } = input.dose;
    if (!Number.isFinite(value) || value <= 0) at('dose.value', 'dose_not_positive');
    if (!DOSE_UNITS_BY_FORM[drug.form].includes(unit)) at('dose.unit', `unit_not_for_form:${drug.form}`);
    const frequency = parseFrequency(input.frequency);
    if (!frequency) at('frequency', 'unknown_frequency');
    const durationDays = input.durationDays ?? null;
    if (durationDays !== null && (durationDays < 1 || durationDays > MAX_DURATION_DAYS))
      at('durationDays', `out_of_range:1-${MAX_DURATION_DAYS}`);
    if (input.quantity !== undefined && (input.quantity < 1 || input.quantity > MAX_QUANTITY))
      at('quantity', `out_of_range:1-${MAX_QUANTITY}`);
    if (errors.length > before || !frequency) return;

    const clinical = toClinicalDrug(drug);
    const daily = dailyDose(input.dose, frequency, clinical.strength);
    if (clinical.maxDailyDose) {
      // As-needed and one-off doses are judged by the single dose.
      const amount = daily ?? amountPerDose(input.dose, clinical.strength);
      const inMaxUnit = amount ? convertAmount(amount, clinical.maxDailyDose.unit, clinical.strength) : null;
      if (inMaxUnit !== null && inMaxUnit > clinical.maxDailyDose.value * ABSURD_DOSE_FACTOR) {
        at('dose.value', `dose_absurd:max_daily_${clinical.maxDailyDose.value}${clinical.maxDailyDose.unit}`);
        return;
      }
    }
    const suggested = suggestQuantity(drug, input.dose, frequency, durationDays);
    const quantity = input.quantity ?? suggested ?? 1;
    if (quantity > MAX_QUANTITY) {
      at('quantity', `out_of_range:1-${MAX_QUANTITY}`);
      return;
    }
    out.push({
      index,
      drug,
      dose: { value, unit },
      frequency,
      durationDays,
      quantity,
      suggestedQuantity: suggested,
      instructions: input.instructions ?? null,
      overrideReason: input.overrideReason ?? null,
      dailyDose: daily ? { value: daily.value, unit: daily.unit } : null,
    });
  });
  if (errors.length > 0) throw new AppError('PRESCRIPTION_ITEM_INVALID', { errors });
  return out;
}

const UNIT_ZH: Record<DoseUnit, string> = {
  mg: 'mg',
  g: 'g',
  mcg: 'μg',
  IU: 'IU',
  mL: 'mL',
  tablet: '片',
  capsule: '粒',
  puff: '喷',
  drop: '滴',
  sachet: '袋',
  patch: '贴',
  unit: '单位',
};
const UNIT_EN: Record<DoseUnit, [string, string]> = {
  mg: ['mg', 'mg'],
  g: ['g', 'g'],
  mcg: ['mcg', 'mcg'],
  IU: ['IU', 'IU'],
  mL: ['mL', 'mL'],
  tablet: ['tablet', 'tablets'],
  capsule: ['capsule', 'capsules'],
  puff: ['puff', 'puffs'],
  drop: ['drop', 'drops'],
  sachet: ['sachet', 'sachets'],
  patch: ['patch', 'patches'],
  unit: ['unit', 'units'],
};

/** Dose and frequency in plain words: '每次 1 片，每日两次，共 7 天' / '1 tablet each time, twice daily, for 7 days'. */
export function plainText(
  item: { doseValue: number; doseUnit: DoseUnit; frequency: Frequency | null; durationDays: number | null },
  language: 'zh-CN' | 'en-US',
): string {
  const v = Number(item.doseValue.toPrecision(6));
  if (language === 'zh-CN') {
    const parts = [`每次 ${v} ${UNIT_ZH[item.doseUnit]}`];
    if (item.frequency) parts.push(item.frequency.zh);
    if (item.durationDays) parts.push(`共 ${item.durationDays} 天`);
    return parts.join('，');
  }
  const [one, many] = UNIT_EN[item.doseUnit];
  const parts = [`${v} ${v === 1 ? one : many} each time`];
  if (item.frequency) parts.push(item.frequency.en);
  if (item.durationDays) parts.push(`for ${item.durationDays} day${item.durationDays === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export function frequencyOf(code: string): Frequency | null {
  return parseFrequency(code as FrequencyCode);
}
