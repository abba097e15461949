import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundTo } from '../units.ts';
import {
  glucoseMetrics,
  glucoseRangeOf,
  gmiMmolPerMol,
  gmiPercent,
  percentToMinutesPerDay,
  type GlucoseRange,
  type GlucoseReading,
} from './glucose-metrics.ts';

const START = Date.UTC(2026, 0, 1);
/** Readings every `interval` minutes from START, one per value. */
const series = (values: readonly number[], interval = 15): GlucoseReading[] =>
  values.map((mmolPerL, i) => ({ at: new Date(START + i * interval * 60_000), mmolPerL }));
const repeat = (value: number, n: number): number[] => Array.from({ length: n }, () => value);

describe('GMI (Bergenstal et al., Diabetes Care 2018, Table 1: mean glucose -> GMI)', () => {
  // Table 1 rows reproduced: mg/dL -> GMI % (one decimal) and mmol/L -> GMI mmol/mol (integer).
  it.each([
    [100, 5.5, 5.7, 39],
    [125, 6.9, 6.3, 45],
    [150, 8.3, 6.9, 52],
    [175, 9.7, 7.5, 58],
    [200, 11.1, 8.1, 65],
    [225, 12.5, 8.7, 72],
    [250, 13.9, 9.3, 78],
    [275, 15.3, 9.9, 85],
    [300, 16.7, 10.5, 91],
    [350, 19.4, 11.7, 104],
  ])('%d mg/dL (%d mmol/L) -> GMI %d%% / %d mmol/mol', (mgPerDl, mmolPerL, pct, mmolPerMol) => {
    expect(roundTo(gmiPercent(mgPerDl), 1)).toBe(pct);
    expect(roundTo(gmiMmolPerMol(mmolPerL), 0)).toBe(mmolPerMol);
  });
});

describe('consensus targets as time per day (Battelino 2019, Figure/Table of targets)', () => {
  it.each([
    [70, 16 * 60 + 48], // TIR > 70%: > 16 h 48 min
    [50, 12 * 60], // older/high-risk TIR > 50%: > 12 h
    [25, 6 * 60], // TAR < 25%: < 6 h
    [10, 2 * 60 + 24], // older/high-risk > 13.9 < 10%: < 2 h 24 min
    [5, 60 + 12], // > 13.9 < 5%: < 1 h 12 min
    [4, 57.6], // TBR < 4%: < 1 h
    [1, 14.4], // < 3.0 < 1%: < 15 min
  ])('%d%% of a day is %d minutes', (percent, minutes) => {
    expect(percentToMinutesPerDay(percent)).toBeCloseTo(minutes, 9);
  });
});

describe('glucoseRangeOf (Battelino 2019 ranges in mmol/L)', () => {
  it.each<[number, GlucoseRange]>([
    [2.9, 'veryLow'],
    [3.0, 'low'],
    [3.8, 'low'],
    [3.89, 'low'],
    [3.9, 'inRange'],
    [10.0, 'inRange'],
    [10.1, 'high'],
    [13.9, 'high'],
    [14.0, 'veryHigh'],
  ])('%d mmol/L is %s', (value, range) => {
    expect(glucoseRangeOf(value)).toBe(range);
  });
});

describe('glucoseMetrics', () => {
  it('returns null without readings and rejects invalid ones', () => {
    expect(glucoseMetrics([])).toBeNull();
    expect(() => glucoseMetrics([{ at: 'not a time', mmolPerL: 5 }])).toThrow(RangeError);
    expect(() => glucoseMetrics([{ at: new Date(START), mmolPerL: Number.NaN }])).toThrow(RangeError);
  });

  it('computes mean, sample SD, CV and mg/dL (mg/dL = mmol/L x 18.016, clinical.md)', () => {
    const m = glucoseMetrics(series([5, 7, 9]));
    expect(m?.meanMmolPerL).toBeCloseTo(7, 12);
    expect(m?.meanMgPerDl).toBeCloseTo(126.112, 9);
    expect(m?.sdMmolPerL).toBeCloseTo(2, 12);
    expect(m?.cvPercent).toBeCloseTo(28.5714, 4);
    expect(m?.stable).toBe(true);
  });

  it('flags CV above 36% as unstable (Battelino 2019)', () => {
    const m = glucoseMetrics(series([3, 12])); // SD 6.364, mean 7.5, CV 84.9%
    expect(m?.stable).toBe(false);
  });

  // 1000 readings, so each reading is 0.1%: [< 3.0, 3.0-3.8, 3.9-10.0, 10.1-13.9, > 13.9] counts on the limits.
  it.each([
    ['standard: all targets met', [5, 30, 750, 180, 35], 'standard', []],
    ['standard: TBR 4% is not < 4%', [5, 35, 750, 175, 35], 'standard', ['time-below-range']],
    ['standard: < 3.0 at 1% is not < 1%', [10, 25, 750, 180, 35], 'standard', ['time-very-low']],
    ['standard: TAR 25% is not < 25%', [0, 30, 720, 215, 35], 'standard', ['time-above-range']],
    ['standard: > 13.9 at 5% is not < 5%', [0, 30, 750, 170, 50], 'standard', ['time-very-high']],
    ['older: TIR 50.1%, TBR 0.5%, > 13.9 9% met', [0, 5, 501, 404, 90], 'older-high-risk', []],
    ['older: TIR 50% is not > 50%', [0, 5, 500, 405, 90], 'older-high-risk', ['time-in-range']],
    [
      'older: TBR 1% is not < 1%',
      [0, 10, 600, 290, 100],
      'older-high-risk',
      ['time-below-range', 'time-very-high'],
    ],
  ] as const)('%s', (_label, counts, population, failed) => {
    const levels = [2.5, 3.5, 6, 12, 15];
    const values = counts.flatMap((c, i) => repeat(levels[i] ?? 6, c));
    const m = glucoseMetrics(series(values), { population });
    expect(m?.targets.filter((t) => !t.met).map((t) => t.metric)).toEqual(failed);
    expect(m?.meetsTargets).toBe(failed.length === 0);
  });

  it('reports minutes when readings are CGM-spaced and data sufficiency (>= 14 days, >= 70% captured)', () => {
    const values = repeat(6, 14 * 96);
    const full = glucoseMetrics(series(values));
    expect(full?.sufficiency).toMatchObject({ sampleIntervalMinutes: 15, cgmSpaced: true, sufficient: true });
    expect(full?.sufficiency.days).toBeCloseTo(14, 9);
    expect(full?.minutes?.inRange).toBe(14 * 1440);
    expect(full?.minutesPerDay.inRange).toBe(1440);

    // 70% of a 14-day 15-minute record: keep 7 of every 10 readings.
    const thinned = series(values).filter((_, i) => i % 10 < 7 || i === values.length - 1);
    const partial = glucoseMetrics(thinned, { sampleIntervalMinutes: 15 });
    expect(partial?.sufficiency.capturePercent).toBeGreaterThanOrEqual(70);
    expect(partial?.sufficiency.sufficient).toBe(true);

    const short = glucoseMetrics(series(repeat(6, 13 * 96)));
    expect(short?.sufficiency.sufficient).toBe(false);

    const fingerSticks = glucoseMetrics(series(repeat(6, 60), 240)); // 4-hourly finger sticks, 10 days
    expect(fingerSticks?.sufficiency.cgmSpaced).toBe(false);
    expect(fingerSticks?.minutes).toBeNull();
  });

  it('properties: the five ranges add up to 100%, TIR + TBR + TAR = 100%, CV >= 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 33, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (v) => {
          const m = glucoseMetrics(series(v));
          if (!m) return false;
          const p = m.percent;
          const total = p.veryLow + p.low + p.inRange + p.high + p.veryHigh;
          const byTarget = m.targets.filter(
            (t) => t.metric !== 'time-very-low' && t.metric !== 'time-very-high',
          );
          const tir = byTarget.find((t) => t.metric === 'time-in-range')?.percent ?? 0;
          const tbr = byTarget.find((t) => t.metric === 'time-below-range')?.percent ?? 0;
          const tar = byTarget.find((t) => t.metric === 'time-above-range')?.percent ?? 0;
          return Math.abs(total - 100) < 1e-9 && Math.abs(tir + tbr + tar - 100) < 1e-9 && m.cvPercent >= 0;
        },
      ),
    );
  });
});
