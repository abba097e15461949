import type { ObservationCodeSummary } from '@careloop/contracts';
import { DIASTOLIC, SYSTOLIC } from './reading-form-model.ts';
import { isAbnormalFlag, isCriticalFlag, type Flag } from './flags.ts';

/** One entry of the trend picker: an observation code, or blood pressure (systolic and diastolic together). */
export interface TrendChoice {
  /** The code in the URL (systolic for blood pressure). */
  id: string;
  codes: string[];
  name: string;
  unit: string | null;
  numeric: boolean;
  latestValue: string;
  latestFlag: Flag | null;
  latestAt: string;
  count: number;
  isBloodPressure: boolean;
}

function worse(a: Flag | null, b: Flag | null): Flag | null {
  const rank = (f: Flag | null) => (isCriticalFlag(f) ? 2 : isAbnormalFlag(f) ? 1 : 0);
  return rank(b) > rank(a) ? b : a;
}

/** Blood pressure first (its two halves as one entry), then abnormal latest values, then the newest. */
export function trendChoices(
  codes: readonly ObservationCodeSummary[],
  bloodPressureName: string,
  format: (value: number | null, text: string | null, unit: string | null) => string,
): TrendChoice[] {
  const sys = codes.find((c) => c.code === SYSTOLIC);
  const dia = codes.find((c) => c.code === DIASTOLIC);
  const choices: TrendChoice[] = [];
  if (sys && dia) {
    const unitless = (v: number | null) => (v === null ? '–' : format(v, null, null));
    choices.push({
      id: SYSTOLIC,
      codes: [SYSTOLIC, DIASTOLIC],
      name: bloodPressureName,
      unit: sys.unit,
      numeric: true,
      latestValue: `${unitless(sys.latest.value)}/${format(dia.latest.value, null, dia.unit)}`,
      latestFlag: worse(sys.latest.flag, dia.latest.flag),
      latestAt: sys.latest.at > dia.latest.at ? sys.latest.at : dia.latest.at,
      count: Math.max(sys.count, dia.count),
      isBloodPressure: true,
    });
  }
  const rest = codes
    .filter((c) => !(sys && dia && (c.code === SYSTOLIC || c.code === DIASTOLIC)))
    .map<TrendChoice>((c) => ({
      id: c.code,
      codes: [c.code],
      name: c.name,
      unit: c.unit,
      numeric: c.numeric,
      latestValue: format(c.latest.value, c.latest.valueText, c.unit),
      latestFlag: c.latest.flag,
      latestAt: c.latest.at,
      count: c.count,
      isBloodPressure: false,
    }))
    .sort((a, b) => {
      const abnormal = Number(isAbnormalFlag(b.latestFlag)) - Number(isAbnormalFlag(a.latestFlag));
      return abnormal !== 0 ? abnormal : b.latestAt.localeCompare(a.latestAt);
    });
  return [...choices, ...rest];
}

/** The choice a URL code points at (either half of blood pressure opens the pair). */
export function choiceFor(choices: readonly TrendChoice[], code: string | null): TrendChoice | undefined {
  if (code === null) return choices.find((c) => c.numeric);
  return choices.find((c) => c.codes.includes(code));
}
