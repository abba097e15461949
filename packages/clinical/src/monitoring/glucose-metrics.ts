// Glucose metrics for remote monitoring (CGM or frequent finger-stick readings), with their sources:
// - GMI: Bergenstal et al., "Glucose Management Indicator (GMI): a new term for estimating A1C from continuous
//   glucose monitoring", Diabetes Care 2018;41:2275-80 (clinical.md).
// - Ranges, targets and data sufficiency: Battelino et al., "Clinical targets for continuous glucose monitoring data
//   interpretation: recommendations from the international consensus on time in range", Diabetes Care
//   2019;42:1593-1603 (clinical.md).
// Results are full precision; rounding is a display decision (units.ts roundTo()).
import { convert } from '../units.ts';
import { assertFinite, mean, sampleSd, toInstant } from './stats.ts';

export interface GlucoseReading {
  readonly at: Date | string;
  readonly mmolPerL: number;
}

/** GMI (%) = 3.31 + 0.02392 x mean glucose (mg/dL) (Bergenstal 2018). */
export function gmiPercent(meanMgPerDl: number): number {
  return 3.31 + 0.02392 * meanMgPerDl;
}

/** GMI (mmol/mol) = 12.71 + 4.70587 x mean glucose (mmol/L) (Bergenstal 2018). */
export function gmiMmolPerMol(meanMmolPerL: number): number {
  return 12.71 + 4.70587 * meanMmolPerL;
}

// Coefficient of variation <= 36% marks stable glucose (Battelino 2019; Monnier et al., Diabetes Care 2017).
export const CV_STABLE_MAX_PERCENT = 36;

/**
 * The consensus ranges (Battelino 2019), mmol/L: very low < 3.0 (level 2); low 3.0-3.8 (level 1, i.e. >= 3.0 and
 * < 3.9); in range 3.9-10.0; high 10.1-13.9 (> 10.0 and <= 13.9); very high > 13.9.
 */
export interface GlucoseRanges {
  readonly veryLow: number;
  readonly low: number;
  readonly inRange: number;
  readonly high: number;
  readonly veryHigh: number;
}

export type GlucoseRange = keyof GlucoseRanges;

export function glucoseRangeOf(mmolPerL: number): GlucoseRange {
  if (mmolPerL < 3.0) return 'veryLow';
  if (mmolPerL < 3.9) return 'low';
  if (mmolPerL <= 10.0) return 'inRange';
  if (mmolPerL <= 13.9) return 'high';
  return 'veryHigh';
}

export type CgmTargetPopulation = 'standard' | 'older-high-risk';

export type CgmTargetMetric =
  'time-in-range' | 'time-below-range' | 'time-very-low' | 'time-above-range' | 'time-very-high';

export interface CgmTarget {
  readonly metric: CgmTargetMetric;
  /** '>' the percentage must exceed the limit; '<' it must stay under it. */
  readonly comparator: '>' | '<';
  readonly limitPercent: number;
}

export interface CgmTargetCheck extends CgmTarget {
  readonly percent: number;
  readonly met: boolean;
}

// Battelino 2019 targets. Type 1 and type 2 diabetes: TIR (3.9-10.0) > 70%; TBR (< 3.9, very low included) < 4%;
// < 3.0 < 1%; TAR (> 10.0, very high included) < 25%; > 13.9 < 5%. Older or high-risk people: TIR > 50%;
// TBR < 1%; > 13.9 < 10%.
export const CGM_TARGETS: Readonly<Record<CgmTargetPopulation, readonly CgmTarget[]>> = {
  standard: [
    { metric: 'time-in-range', comparator: '>', limitPercent: 70 },
    { metric: 'time-below-range', comparator: '<', limitPercent: 4 },
    { metric: 'time-very-low', comparator: '<', limitPercent: 1 },
    { metric: 'time-above-range', comparator: '<', limitPercent: 25 },
    { metric: 'time-very-high', comparator: '<', limitPercent: 5 },
  ],
  'older-high-risk': [
    { metric: 'time-in-range', comparator: '>', limitPercent: 50 },
    { metric: 'time-below-range', comparator: '<', limitPercent: 1 },
    { metric: 'time-very-high', comparator: '<', limitPercent: 10 },
  ],
};

/** The share of a day a percentage stands for, as the consensus states targets (70% = 16 h 48 min). */
export const percentToMinutesPerDay = (percent: number): number => (percent / 100) * 1440;

// Consensus data sufficiency: at least 14 days of data with at least 70% of possible CGM readings (Battelino 2019).
export const SUFFICIENT_DAYS = 14;
export const SUFFICIENT_CAPTURE_PERCENT = 70;
/** Readings at most this far apart are treated as CGM data (sensors read every 1, 5 or 15 minutes). */
export const CGM_MAX_INTERVAL_MINUTES = 15;

export interface DataSufficiency {
  /** Sampling interval: the one given, or the median gap between readings; null for a single reading. */
  readonly sampleIntervalMinutes: number | null;
  readonly cgmSpaced: boolean;
  /** Days covered: (last - first + one interval) / 24 h. */
  readonly days: number;
  readonly possibleReadings: number;
  /** Readings received as % of possible ones, capped at 100. */
  readonly capturePercent: number;
  readonly sufficient: boolean;
}

export interface GlucoseMetrics {
  readonly count: number;
  readonly meanMmolPerL: number;
  readonly meanMgPerDl: number;
  readonly sdMmolPerL: number;
  readonly cvPercent: number;
  /** CV <= 36%. */
  readonly stable: boolean;
  readonly gmiPercent: number;
  readonly gmiMmolPerMol: number;
  /** % of readings in each range; the five add up to 100. */
  readonly percent: GlucoseRanges;
  /** The same shares as minutes of a 24-hour day. */
  readonly minutesPerDay: GlucoseRanges;
  /** Minutes observed in each range (readings x interval); null unless readings are CGM-spaced. */
  readonly minutes: GlucoseRanges | null;
  readonly population: CgmTargetPopulation;
  readonly targets: readonly CgmTargetCheck[];
  /** Every consensus target of the population met (CV is reported separately as `stable`). */
  readonly meetsTargets: boolean;
  readonly sufficiency: DataSufficiency;
}

export interface GlucoseMetricsOptions {
  readonly population?: CgmTargetPopulation;
  /** The device's sampling interval; inferred from the readings when absent. */
  readonly sampleIntervalMinutes?: number;
}

const mapRanges = (r: GlucoseRanges, f: (v: number) => number): GlucoseRanges => ({
  veryLow: f(r.veryLow),
  low: f(r.low),
  inRange: f(r.inRange),
  high: f(r.high),
  veryHigh: f(r.veryHigh),
});

function targetPercent(metric: CgmTargetMetric, p: GlucoseRanges): number {
  switch (metric) {
    case 'time-in-range':
      return p.inRange;
    case 'time-below-range':
      return p.veryLow + p.low;
    case 'time-very-low':
      return p.veryLow;
    case 'time-above-range':
      return p.high + p.veryHigh;
    case 'time-very-high':
      return p.veryHigh;
  }
}

export function checkCgmTargets(percent: GlucoseRanges, population: CgmTargetPopulation): CgmTargetCheck[] {
  return CGM_TARGETS[population].map((target) => {
    const value = targetPercent(target.metric, percent);
    const met = target.comparator === '>' ? value > target.limitPercent : value < target.limitPercent;
    return { ...target, percent: value, met };
  });
}

function dataSufficiency(times: readonly number[], given: number | undefined): DataSufficiency {
  const sorted = [...times].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? first;
  let interval: number | null = given ?? null;
  if (interval === null && sorted.length >= 2) {
    const gaps = sorted.slice(1).map((t, i) => (t - (sorted[i] ?? t)) / 60_000);
    gaps.sort((a, b) => a - b);
    const mid = Math.floor(gaps.length / 2);
    interval = gaps.length % 2 === 1 ? (gaps[mid] ?? 0) : ((gaps[mid - 1] ?? 0) + (gaps[mid] ?? 0)) / 2;
  }
  if (interval === null || !(interval > 0)) {
    return {
      sampleIntervalMinutes: interval,
      cgmSpaced: false,
      days: 0,
      possibleReadings: times.length,
      capturePercent: 100,
      sufficient: false,
    };
  }
  const spanMinutes = (last - first) / 60_000;
  const possibleReadings = Math.floor(spanMinutes / interval + 1e-9) + 1;
  const days = (spanMinutes + interval) / 1440;
  const capturePercent = Math.min(100, (times.length / possibleReadings) * 100);
  const cgmSpaced = interval <= CGM_MAX_INTERVAL_MINUTES;
  return {
    sampleIntervalMinutes: interval,
    cgmSpaced,
    days,
    possibleReadings,
    capturePercent,
    sufficient: cgmSpaced && days >= SUFFICIENT_DAYS && capturePercent >= SUFFICIENT_CAPTURE_PERCENT,
  };
}

/** Glucose metrics of a set of readings; null when there are none. Throws RangeError for an invalid reading. */
export function glucoseMetrics(
  readings: readonly GlucoseReading[],
  options: GlucoseMetricsOptions = {},
): GlucoseMetrics | null {
  if (readings.length === 0) return null;
  if (options.sampleIntervalMinutes !== undefined && !(options.sampleIntervalMinutes > 0)) {
    throw new RangeError(`sampleIntervalMinutes must be positive, got ${options.sampleIntervalMinutes}`);
  }
  const values = readings.map((r) => r.mmolPerL);
  assertFinite(values, 'Glucose');
  if (values.some((v) => v <= 0)) throw new RangeError('Glucose must be positive');
  const times = readings.map((r) => toInstant(r.at).getTime());

  const meanMmolPerL = mean(values);
  const sdMmolPerL = sampleSd(values);
  const cvPercent = (sdMmolPerL / meanMmolPerL) * 100;
  const meanMgPerDl = convert({ value: meanMmolPerL, unit: 'mmol/L' }, 'mg/dL', 'glucose');

  const counts = { veryLow: 0, low: 0, inRange: 0, high: 0, veryHigh: 0 };
  for (const value of values) counts[glucoseRangeOf(value)] += 1;
  const percent = mapRanges(counts, (c) => (c / values.length) * 100);

  const sufficiency = dataSufficiency(times, options.sampleIntervalMinutes);
  const interval = sufficiency.sampleIntervalMinutes;
  const population = options.population ?? 'standard';
  const targets = checkCgmTargets(percent, population);

  return {
    count: values.length,
    meanMmolPerL,
    meanMgPerDl,
    sdMmolPerL,
    cvPercent,
    stable: cvPercent <= CV_STABLE_MAX_PERCENT,
    gmiPercent: gmiPercent(meanMgPerDl),
    gmiMmolPerMol: gmiMmolPerMol(meanMmolPerL),
    percent,
    minutesPerDay: mapRanges(percent, percentToMinutesPerDay),
    minutes: sufficiency.cgmSpaced && interval !== null ? mapRanges(counts, (c) => c * interval) : null,
    population,
    targets,
    meetsTargets: targets.every((t) => t.met),
    sufficiency,
  };
}
