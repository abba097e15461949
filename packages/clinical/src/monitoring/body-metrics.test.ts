import { describe, expect, it } from 'vitest';
import { dailyStepsMean, latestBmi, restingHeartRate, sleepHoursMean, weightTrend } from './body-metrics.ts';

const day = (d: number, hhmm = '07:00') => `2026-03-${String(d).padStart(2, '0')}T${hhmm}:00+08:00`;

describe('weightTrend (least-squares slope, kg/week)', () => {
  it('reproduces the textbook example x = 1..5, y = 2, 4, 5, 4, 5 -> slope 0.6 per day = 4.2 kg/week', () => {
    const t = weightTrend([2, 4, 5, 4, 5].map((kg, i) => ({ at: day(i + 1), kg })));
    expect(t?.kgPerWeek).toBeCloseTo(4.2, 12);
    expect(t?.count).toBe(5);
  });

  it('loses 0.5 kg a week on a steady weekly loss and ignores readings before the window', () => {
    const readings = [
      { at: '2026-01-01T07:00:00+08:00', kg: 90 }, // outside the 28-day window
      ...[0, 1, 2, 3].map((w) => ({ at: day(1 + 7 * w), kg: 80 - 0.5 * w })),
    ];
    expect(weightTrend(readings)?.kgPerWeek).toBeCloseTo(-0.5, 12);
    expect(weightTrend(readings)?.count).toBe(4);
  });

  it('is null with fewer than two times', () => {
    expect(weightTrend([])).toBeNull();
    expect(weightTrend([{ at: day(1), kg: 70 }])).toBeNull();
  });
});

describe('latestBmi (bmi.ts, WS/T 428-2013)', () => {
  it('uses the latest weight: 72 kg at 170 cm is BMI 24.9, overweight', () => {
    const b = latestBmi(
      [
        { at: day(3), kg: 72 },
        { at: day(1), kg: 75 },
      ],
      170,
    );
    expect(b?.kg).toBe(72);
    expect(b?.bmi).toBeCloseTo(24.913, 3);
    expect(b?.category).toBe('overweight');
    expect(latestBmi([], 170)).toBeNull();
  });
});

describe('restingHeartRate (mean of readings taken at rest)', () => {
  it('averages only readings flagged resting', () => {
    const r = restingHeartRate([
      { at: day(1), bpm: 62, resting: true },
      { at: day(2), bpm: 66, resting: true },
      { at: day(2, '18:00'), bpm: 120 },
    ]);
    expect(r).toEqual({ bpm: 64, count: 2 });
    expect(restingHeartRate([{ at: day(1), bpm: 110 }])).toBeNull();
  });
});

describe('dailyStepsMean and sleepHoursMean (local days, Asia/Shanghai by default)', () => {
  it('sums steps per local day, then averages the days', () => {
    const m = dailyStepsMean([
      { at: day(1, '08:00'), steps: 3000 },
      { at: day(1, '23:30'), steps: 1000 }, // 15:30 UTC, still 1 March in China
      { at: day(2, '09:00'), steps: 6000 },
    ]);
    expect(m).toEqual({ meanSteps: 5000, days: 2 });
    expect(dailyStepsMean([])).toBeNull();
  });

  it('sums sleep by the local date it ends on, then averages the nights', () => {
    const m = sleepHoursMean([
      { start: day(1, '23:00'), end: day(2, '06:30') }, // 7.5 h
      { start: day(2, '13:00'), end: day(2, '13:30') }, // nap, same day: 8 h in all
      { start: day(2, '22:30'), end: day(3, '05:30') }, // 7 h
    ]);
    expect(m).toEqual({ meanHours: 7.5, nights: 2 });
    expect(() => sleepHoursMean([{ start: day(2), end: day(1) }])).toThrow(RangeError);
  });
});
