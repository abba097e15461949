// Weight, heart rate, steps and sleep summaries for remote monitoring. BMI and its category come from bmi.ts
// (WS/T 428-2013, clinical.md). Days are the patient's local calendar days (local-time.ts).
import { bmi, bmiCategory, type BmiCategory } from '../bmi.ts';
import { DEFAULT_TIME_ZONE, localTime, type TimeZone } from './local-time.ts';
import { assertFinite, leastSquaresSlope, mean, toInstant } from './stats.ts';

const DAY_MS = 86_400_000;

export interface WeightReading {
  readonly at: Date | string;
  readonly kg: number;
}

export interface WeightTrend {
  /** Ordinary least-squares slope of weight on time, kg per week (negative: losing weight). */
  readonly kgPerWeek: number;
  readonly count: number;
  readonly from: Date;
  readonly to: Date;
}

/**
 * Weight trend over the window of `windowDays` (default 28) ending at the latest reading: the least-squares slope
 * (Legendre/Gauss) of kg on days, times 7. Null with fewer than two readings at different times in the window.
 */
export function weightTrend(readings: readonly WeightReading[], windowDays = 28): WeightTrend | null {
  assertFinite(
    readings.map((r) => r.kg),
    'Weight',
  );
  if (!(windowDays > 0)) throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  const points = readings.map((r) => ({ t: toInstant(r.at).getTime(), kg: r.kg }));
  if (points.length === 0) return null;
  const end = Math.max(...points.map((p) => p.t));
  const inWindow = points.filter((p) => p.t >= end - windowDays * DAY_MS);
  const slopePerDay = leastSquaresSlope(inWindow.map((p) => ({ x: (p.t - end) / DAY_MS, y: p.kg })));
  if (slopePerDay === null) return null;
  return {
    kgPerWeek: slopePerDay * 7,
    count: inWindow.length,
    from: new Date(Math.min(...inWindow.map((p) => p.t))),
    to: new Date(end),
  };
}

export interface LatestBmi {
  readonly at: Date;
  readonly kg: number;
  readonly bmi: number;
  readonly category: BmiCategory;
}

/** BMI of the latest weight reading with the patient's height; null without readings. */
export function latestBmi(readings: readonly WeightReading[], heightCm: number): LatestBmi | null {
  let latest: { at: Date; kg: number } | null = null;
  for (const r of readings) {
    const at = toInstant(r.at);
    if (!latest || at.getTime() >= latest.at.getTime()) latest = { at, kg: r.kg };
  }
  if (!latest) return null;
  const value = bmi(latest.kg, heightCm);
  return { at: latest.at, kg: latest.kg, bmi: value, category: bmiCategory(value) };
}

export interface HeartRateReading {
  readonly at: Date | string;
  readonly bpm: number;
  /** Taken at rest, e.g. the pulse of a home BP reading, measured seated after 5 minutes' quiet rest. */
  readonly resting?: boolean;
}

/**
 * Resting heart rate: the mean of readings flagged resting. Resting HR is measured seated after at least 5 minutes'
 * rest, as with the home BP reading it usually comes with (Chinese hypertension guideline 2018; ESC/ESH 2018
 * hypertension guideline, which counts a resting HR > 80 bpm as a risk factor). Readings taken during activity are
 * ignored rather than guessed at. Null when no reading is flagged resting.
 */
export function restingHeartRate(
  readings: readonly HeartRateReading[],
): { bpm: number; count: number } | null {
  const resting = readings.filter((r) => r.resting === true).map((r) => r.bpm);
  assertFinite(resting, 'Heart rate');
  if (resting.length === 0) return null;
  return { bpm: mean(resting), count: resting.length };
}

export interface StepSample {
  readonly at: Date | string;
  readonly steps: number;
}

/** Mean of daily step totals over the local days that have any sample; null without samples. */
export function dailyStepsMean(
  samples: readonly StepSample[],
  timeZone: TimeZone = DEFAULT_TIME_ZONE,
): { meanSteps: number; days: number } | null {
  assertFinite(
    samples.map((s) => s.steps),
    'Steps',
  );
  if (samples.some((s) => s.steps < 0)) throw new RangeError('Steps must not be negative');
  const totals = new Map<string, number>();
  for (const s of samples) {
    const { date } = localTime(toInstant(s.at), timeZone);
    totals.set(date, (totals.get(date) ?? 0) + s.steps);
  }
  if (totals.size === 0) return null;
  return { meanSteps: mean([...totals.values()]), days: totals.size };
}

export interface SleepSession {
  readonly start: Date | string;
  readonly end: Date | string;
}

/**
 * Mean sleep per night: sessions are summed by the local date they end on (the morning of waking, so a nap joins
 * that day's total), then averaged over those dates. Null without sessions.
 */
export function sleepHoursMean(
  sessions: readonly SleepSession[],
  timeZone: TimeZone = DEFAULT_TIME_ZONE,
): { meanHours: number; nights: number } | null {
  const totals = new Map<string, number>();
  for (const s of sessions) {
    const start = toInstant(s.start).getTime();
    const end = toInstant(s.end);
    if (end.getTime() < start) throw new RangeError('A sleep session cannot end before it starts');
    const { date } = localTime(end, timeZone);
    totals.set(date, (totals.get(date) ?? 0) + (end.getTime() - start) / 3_600_000);
  }
  if (totals.size === 0) return null;
  return { meanHours: mean([...totals.values()]), nights: totals.size };
}
