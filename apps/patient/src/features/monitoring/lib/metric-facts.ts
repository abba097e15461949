import type { GlucoseSummary, MonitoringSummary } from '@careloop/contracts';

// Plain facts the summary cards put into words. The limits are the ones the monitoring contract states: home blood
// pressure below 135/85, glucose 3.9-10.0 mmol/L, time in range above 70% and time below range under 4%; the
// server's own targets (which follow the patient's plan) win when it sends them.

export const GLUCOSE_RANGE = { low: 3.9, high: 10.0 } as const;
export const HOME_BP_TARGET = { systolic: 135, diastolic: 85 } as const;
const DEFAULT_TIR_TARGET = 70;
const DEFAULT_TBR_TARGET = 4;

export interface TargetCheck {
  percent: number;
  target: number;
  met: boolean;
}

export interface GlucoseFacts {
  readings: number;
  sufficient: boolean;
  mean: number;
  inRange: TargetCheck;
  below: TargetCheck;
  above: number;
  gmi: number | null;
  cv: number | null;
  stable: boolean | null;
}

const TIR_NAMES = ['time-in-range', 'inRange', 'tir'];
const TBR_NAMES = ['time-below-range', 'below', 'tbr'];

function targetOf(
  targets: GlucoseSummary['targets'],
  names: readonly string[],
  percent: number,
  fallback: number,
  comparison: 'above' | 'below',
): TargetCheck {
  const sent = targets.find((t) => names.includes(t.metric));
  const target = sent?.target ?? fallback;
  const met = sent?.met ?? (comparison === 'above' ? percent > target : percent < target);
  return { percent, target, met };
}

export function glucoseFacts(g: GlucoseSummary): GlucoseFacts {
  const below = g.percent.veryLow + g.percent.low;
  return {
    readings: g.readings,
    sufficient: g.sufficient,
    mean: g.meanMmolPerL,
    inRange: targetOf(g.targets, TIR_NAMES, g.percent.inRange, DEFAULT_TIR_TARGET, 'above'),
    below: targetOf(g.targets, TBR_NAMES, below, DEFAULT_TBR_TARGET, 'below'),
    above: g.percent.high + g.percent.veryHigh,
    gmi: g.gmiPercent,
    cv: g.cvPercent,
    stable: g.stable,
  };
}

export type WeightDirection = 'down' | 'up' | 'steady';

/** Changes smaller than this over the period read as "about the same". */
const STEADY_KG = 0.5;

export interface WeightFacts {
  latestKg: number;
  latestAt: string;
  changeKg: number | null;
  kgPerWeek: number | null;
  direction: WeightDirection | null;
  bmi: number | null;
}

export function weightFacts(w: NonNullable<MonitoringSummary['weight']>): WeightFacts {
  const direction =
    w.changeKg === null ? null : Math.abs(w.changeKg) < STEADY_KG ? 'steady' : w.changeKg < 0 ? 'down' : 'up';
  return {
    latestKg: w.latestKg,
    latestAt: w.latestAt,
    changeKg: w.changeKg,
    kgPerWeek: w.kgPerWeek,
    direction,
    bmi: w.bmi,
  };
}

/** Whether the summary has anything to show for the period. */
export function hasAnyMetric(s: MonitoringSummary): boolean {
  return (
    s.bloodPressure !== null ||
    s.glucose !== null ||
    s.weight !== null ||
    s.stepsPerDay !== null ||
    s.sleepHoursPerNight !== null ||
    s.restingHeartRate !== null ||
    s.spo2Mean !== null
  );
}

export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
