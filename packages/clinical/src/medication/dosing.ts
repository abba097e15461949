import { frequencyByCode } from './frequency.ts';
import type {
  AdherenceSummary,
  DoseStatus,
  DoseUnit,
  Frequency,
  FrequencyCode,
  MaxDoseUnit,
  StrengthUnit,
} from './medication.types.ts';

// Daily dose, the local times of a day's doses, and adherence.

const MASS_TO_MG: Partial<Record<string, number>> = { g: 1000, mg: 1, mcg: 0.001 };
const COUNT_UNITS: ReadonlySet<DoseUnit> = new Set(['tablet', 'capsule', 'sachet', 'patch', 'puff', 'drop']);

const round = (x: number) => Number(x.toPrecision(12));
const positive = (x: number) => typeof x === 'number' && Number.isFinite(x) && x > 0;

export interface DoseAmount {
  value: number;
  unit: DoseUnit | StrengthUnit | MaxDoseUnit;
}

/**
 * The amount in one dose, expressed in the strength's unit when the dose is counted in tablets, capsules, puffs
 * or the like (2 tablets of 500 mg = 1000 mg; 2 puffs of 160 mcg/dose = 320 mcg), or mL of a mg/mL solution.
 */
export function amountPerDose(
  dose: { value: number; unit: DoseUnit },
  strength: { value: number; unit: StrengthUnit },
): DoseAmount | null {
  if (!positive(dose?.value) || !positive(strength?.value)) return null;
  if (COUNT_UNITS.has(dose.unit)) {
    if (
      strength.unit === 'mg' ||
      strength.unit === 'g' ||
      strength.unit === 'mcg' ||
      strength.unit === 'IU'
    ) {
      return { value: round(dose.value * strength.value), unit: strength.unit };
    }
    if (strength.unit === 'mcg/dose' && (dose.unit === 'puff' || dose.unit === 'drop')) {
      return { value: round(dose.value * strength.value), unit: 'mcg' };
    }
    return { value: dose.value, unit: dose.unit };
  }
  if (dose.unit === 'mL' && strength.unit === 'mg/mL')
    return { value: round(dose.value * strength.value), unit: 'mg' };
  if (dose.unit === 'unit') return { value: dose.value, unit: 'IU' };
  return { value: dose.value, unit: dose.unit };
}

/**
 * The average amount per day: the amount per dose times the doses per day (qod 1/2, qw 1/7, biw 2/7). Null for
 * prn and stat (no fixed number of doses a day) and for missing or non-positive doses and strengths.
 */
export function dailyDose(
  dose: { value: number; unit: DoseUnit },
  frequency: Frequency,
  strength: { value: number; unit: StrengthUnit },
): DoseAmount | null {
  if (!frequency || frequency.dosesPerDay === null) return null;
  const per = amountPerDose(dose, strength);
  if (!per) return null;
  return { value: round(per.value * frequency.dosesPerDay), unit: per.unit };
}

/**
 * Expresses `amount` in `target` units so that it can be compared with a maximum: masses convert among g, mg and
 * mcg; a mass converts to tablets through the strength (for maxima written in tablets); counts compare as counts.
 * Null when the units cannot be compared.
 */
export function convertAmount(
  amount: DoseAmount,
  target: MaxDoseUnit,
  strength: { value: number; unit: StrengthUnit },
): number | null {
  const fromMass = MASS_TO_MG[amount.unit];
  const toMass = MASS_TO_MG[target];
  if (fromMass !== undefined && toMass !== undefined) return round((amount.value * fromMass) / toMass);
  if (amount.unit === target) return amount.value;
  if (target === 'tablet' && (amount.unit === 'capsule' || amount.unit === 'sachet')) return amount.value;
  const strengthMass = MASS_TO_MG[strength.unit];
  if ((target === 'tablet' || target === 'puff') && fromMass !== undefined && strengthMass !== undefined) {
    return round((amount.value * fromMass) / (strength.value * strengthMass));
  }
  if (target === 'puff' && amount.unit === 'mcg' && strength.unit === 'mcg/dose') {
    return round(amount.value / strength.value);
  }
  return null;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidTime(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return Math.round(ms / 86_400_000);
}

/**
 * Checks chosen times for a frequency: each 'HH:MM' (00:00-23:59), no repeats, and as many as the frequency has
 * doses on a dosing day (bid two, tid three, qod/qw/biw one). Returns the problem, or null when they are fine.
 */
export function chosenTimesProblem(frequency: FrequencyCode, chosenTimes: readonly string[]): string | null {
  const freq = frequencyByCode(frequency);
  if (!freq) return `unknown frequency: ${String(frequency)}`;
  if (!Array.isArray(chosenTimes)) return 'chosen times must be a list';
  const bad = chosenTimes.find((t) => !isValidTime(t));
  if (bad !== undefined) return `not a time of day (HH:MM): ${String(bad)}`;
  if (new Set(chosenTimes).size !== chosenTimes.length) return 'a time is repeated';
  if (frequency === 'prn') return 'as-needed doses have no times';
  if (frequency === 'stat') return chosenTimes.length === 1 ? null : 'an immediate dose has one time';
  if (chosenTimes.length !== freq.defaultTimes.length) {
    return `${freq.en} needs ${freq.defaultTimes.length} time(s), got ${chosenTimes.length}`;
  }
  return null;
}

/**
 * The local 'HH:MM' times at which doses fall due on `day` (YYYY-MM-DD, the patient's local date) for a regimen
 * that starts on `startDate`. Daily frequencies give their times every day from the start; qod every second day
 * from the start; qw on the start's weekday; biw on days 0 and 3 of each week from the start (e.g. Monday and
 * Thursday); prn gives none (doses are recorded when taken) and stat its one time on the start day only.
 * `chosenTimes` replace the default times. Throws RangeError for malformed dates, times or frequency codes.
 */
export function doseTimesForDay(args: {
  frequency: FrequencyCode;
  chosenTimes?: string[] | null;
  startDate: string;
  day: string;
}): string[] {
  const freq = frequencyByCode(args.frequency);
  if (!freq) throw new RangeError(`unknown frequency: ${String(args.frequency)}`);
  const offset = dayNumber(args.day) - dayNumber(args.startDate);
  const chosen = args.chosenTimes && args.chosenTimes.length > 0 ? args.chosenTimes : null;
  if (chosen) {
    const problem = chosenTimesProblem(freq.code, chosen);
    if (problem) throw new RangeError(problem);
  }
  if (offset < 0 || freq.code === 'prn') return [];
  if (freq.code === 'stat') return offset === 0 && chosen ? [...chosen] : [];
  const dosingDay =
    freq.code === 'biw' ? offset % 7 === 0 || offset % 7 === 3 : offset % freq.everyDays === 0;
  if (!dosingDay) return [];
  return [...(chosen ?? freq.defaultTimes)].sort();
}

/**
 * Adherence as the proportion of due doses taken (taken on time or late) among all doses that fell due: taken,
 * late, skipped and missed; pending doses (not yet due or not yet answered) do not count. Null when no dose fell
 * due. This is the dose-level form of the proportion of doses taken; Osterberg and Blaschke (Adherence to
 * medication, N Engl J Med 2005;353:487-497) note that adherence of at least 80% is the usual threshold, the same
 * 80% cut-off the Pharmacy Quality Alliance uses for the proportion of days covered (PDC).
 */
export function adherenceRate(doses: readonly { status: DoseStatus }[]): AdherenceSummary {
  let taken = 0;
  let late = 0;
  let skipped = 0;
  let missed = 0;
  for (const d of doses) {
    if (d.status === 'taken') taken += 1;
    else if (d.status === 'late') late += 1;
    else if (d.status === 'skipped') skipped += 1;
    else if (d.status === 'missed') missed += 1;
  }
  const due = taken + late + skipped + missed;
  return { rate: due === 0 ? null : (taken + late) / due, taken, late, skipped, missed };
}

/** Adherence at or above this share of doses counts as adherent (Osterberg and Blaschke, NEJM 2005). */
export const ADHERENCE_THRESHOLD = 0.8;
