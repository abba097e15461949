import { describe, expect, it } from 'vitest';
import { bpMetrics, isBpInTarget, type BpReading } from './bp-metrics.ts';

/** A reading at a China Standard Time clock time (UTC+8) on day `day` of March 2026. */
const at = (day: number, hhmm: string) => `2026-03-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

/** Six days of morning (07:00) and evening (21:00) home readings, the guideline's schedule after day 1. */
const week = (morning: [number, number], evening: [number, number]): BpReading[] =>
  [2, 3, 4, 5, 6, 7].flatMap((d) => [
    { at: at(d, '07:00'), systolic: morning[0], diastolic: morning[1], pulse: 70 },
    { at: at(d, '21:00'), systolic: evening[0], diastolic: evening[1] },
  ]);

describe('isBpInTarget (home BP: hypertension >= 135/85, Chinese hypertension guideline 2018)', () => {
  it.each([
    [134, 84, true],
    [135, 80, false],
    [120, 85, false],
    [134.9, 84.9, true],
  ])('%d/%d in target: %s', (systolic, diastolic, expected) => {
    expect(isBpInTarget({ systolic, diastolic })).toBe(expected);
  });
});

describe('bpMetrics', () => {
  it('gives overall, morning (04:00-11:59) and evening (18:00-23:59) means and share in target', () => {
    const m = bpMetrics(week([140, 88], [126, 78]));
    expect(m.all).toEqual({ count: 12, systolic: 133, diastolic: 83 });
    expect(m.morning).toEqual({ count: 6, systolic: 140, diastolic: 88 });
    expect(m.evening).toEqual({ count: 6, systolic: 126, diastolic: 78 });
    expect(m.meanPulse).toBe(70);
    expect(m.percentInTarget).toBe(50);
    expect(m.status).toBe('controlled'); // mean 133/83 < 135/85
  });

  it.each([
    ['mean 136/80 is uncontrolled (systolic)', [140, 82], [132, 78], 'uncontrolled'],
    ['mean 130/85 is uncontrolled (diastolic)', [132, 86], [128, 84], 'uncontrolled'],
    ['mean 128/79 is controlled', [130, 80], [126, 78], 'controlled'],
  ] as const)('%s', (_label, morning, evening, status) => {
    expect(bpMetrics(week([...morning], [...evening])).status).toBe(status);
  });

  it('needs the minimum reading count (default 12: 6 days x morning and evening) for a status', () => {
    const readings = week([120, 75], [118, 74]);
    expect(bpMetrics(readings.slice(0, 11)).status).toBe('insufficient-data');
    expect(bpMetrics(readings.slice(0, 4), { minReadings: 4 }).status).toBe('controlled');
    const empty = bpMetrics([]);
    expect(empty).toMatchObject({ count: 0, all: null, percentInTarget: null, status: 'insufficient-data' });
  });

  it('takes a configured target and time zone', () => {
    const readings = week([128, 78], [128, 78]);
    expect(bpMetrics(readings, { target: { systolic: 130, diastolic: 80 } }).status).toBe('controlled');
    expect(bpMetrics(readings, { target: { systolic: 125, diastolic: 75 } }).status).toBe('uncontrolled');
    // In UTC, 07:00 China time is 23:00 the day before: those readings fall in the evening window.
    expect(bpMetrics(readings, { timeZone: 'UTC' }).evening?.count).toBe(6);
  });

  it('rejects readings that are not blood pressures', () => {
    expect(() => bpMetrics([{ at: at(2, '07:00'), systolic: 80, diastolic: 120 }])).toThrow(RangeError);
    expect(() => bpMetrics([{ at: at(2, '07:00'), systolic: Number.NaN, diastolic: 80 }])).toThrow(
      RangeError,
    );
  });
});
