// Home blood pressure metrics for remote monitoring. Source: Chinese guidelines for the management of hypertension,
// 2018 revision (中国高血压防治指南 2018年修订版), as in clinical.md: home BP hypertension >= 135/85 mm Hg, so the
// default home target is < 135/85 (configurable, e.g. a stricter target a doctor sets). The guideline asks for home
// readings in the morning and the evening; for a diagnosis or after a treatment change, 7 days of morning and
// evening readings with the mean of the last 6 days, hence a default minimum of 12 readings for a control status.
import { DEFAULT_TIME_ZONE, localTime, type TimeZone } from './local-time.ts';
import { assertFinite, mean, toInstant } from './stats.ts';

export interface BpReading {
  readonly at: Date | string;
  readonly systolic: number;
  readonly diastolic: number;
  readonly pulse?: number;
}

/** A reading is in target when systolic < target.systolic and diastolic < target.diastolic (mm Hg). */
export interface BpTarget {
  readonly systolic: number;
  readonly diastolic: number;
}

export const HOME_BP_TARGET: BpTarget = { systolic: 135, diastolic: 85 };
export const DEFAULT_MIN_BP_READINGS = 12;

// Local time windows, minutes after midnight, end exclusive: morning 04:00-11:59, evening 18:00-23:59.
export const MORNING_WINDOW = { fromMinute: 4 * 60, toMinute: 12 * 60 } as const;
export const EVENING_WINDOW = { fromMinute: 18 * 60, toMinute: 24 * 60 } as const;

export type BpControlStatus = 'controlled' | 'uncontrolled' | 'insufficient-data';

export interface BpMeans {
  readonly count: number;
  readonly systolic: number;
  readonly diastolic: number;
}

export interface BpMetrics {
  readonly count: number;
  /** Means of all readings; null without readings. */
  readonly all: BpMeans | null;
  readonly morning: BpMeans | null;
  readonly evening: BpMeans | null;
  /** Mean pulse of readings that carry one; null when none does. */
  readonly meanPulse: number | null;
  /** % of readings below the target in both systolic and diastolic; null without readings. */
  readonly percentInTarget: number | null;
  readonly target: BpTarget;
  /** From the mean of all readings against the target, once there are at least minReadings readings. */
  readonly status: BpControlStatus;
}

export interface BpMetricsOptions {
  readonly timeZone?: TimeZone;
  readonly target?: BpTarget;
  readonly minReadings?: number;
}

export const isBpInTarget = (r: { systolic: number; diastolic: number }, target: BpTarget = HOME_BP_TARGET) =>
  r.systolic < target.systolic && r.diastolic < target.diastolic;

function meansOf(readings: readonly BpReading[]): BpMeans | null {
  if (readings.length === 0) return null;
  return {
    count: readings.length,
    systolic: mean(readings.map((r) => r.systolic)),
    diastolic: mean(readings.map((r) => r.diastolic)),
  };
}

export function bpMetrics(readings: readonly BpReading[], options: BpMetricsOptions = {}): BpMetrics {
  const target = options.target ?? HOME_BP_TARGET;
  const minReadings = options.minReadings ?? DEFAULT_MIN_BP_READINGS;
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertFinite(
    readings.flatMap((r) => [r.systolic, r.diastolic, ...(r.pulse === undefined ? [] : [r.pulse])]),
    'Blood pressure and pulse',
  );
  if (readings.some((r) => r.systolic <= 0 || r.diastolic <= 0 || r.diastolic >= r.systolic)) {
    throw new RangeError('Blood pressure needs positive values with systolic above diastolic');
  }
  const inWindow = (window: { fromMinute: number; toMinute: number }) =>
    readings.filter((r) => {
      const { minuteOfDay } = localTime(toInstant(r.at), zone);
      return minuteOfDay >= window.fromMinute && minuteOfDay < window.toMinute;
    });
  const all = meansOf(readings);
  const pulses = readings.flatMap((r) => (r.pulse === undefined ? [] : [r.pulse]));
  let status: BpControlStatus = 'insufficient-data';
  if (all && readings.length >= minReadings)
    status = isBpInTarget(all, target) ? 'controlled' : 'uncontrolled';
  return {
    count: readings.length,
    all,
    morning: meansOf(inWindow(MORNING_WINDOW)),
    evening: meansOf(inWindow(EVENING_WINDOW)),
    meanPulse: pulses.length === 0 ? null : mean(pulses),
    percentInTarget:
      readings.length === 0
        ? null
        : (readings.filter((r) => isBpInTarget(r, target)).length / readings.length) * 100,
    target,
    status,
  };
}
