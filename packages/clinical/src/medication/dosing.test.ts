import { describe, expect, it } from 'vitest';
import {
  ADHERENCE_THRESHOLD,
  adherenceRate,
  amountPerDose,
  chosenTimesProblem,
  convertAmount,
  dailyDose,
  doseTimesForDay,
} from './dosing.ts';
import { frequencyByCode } from './frequency.ts';

const f = (code: string) => frequencyByCode(code)!;

describe('dailyDose', () => {
  it('multiplies the dose by the doses per day', () => {
    expect(dailyDose({ value: 1000, unit: 'mg' }, f('tid'), { value: 500, unit: 'mg' })).toEqual({
      value: 3000,
      unit: 'mg',
    });
    expect(dailyDose({ value: 0.5, unit: 'g' }, f('bid'), { value: 500, unit: 'mg' })).toEqual({
      value: 1,
      unit: 'g',
    });
  });

  it('counts tablets, capsules and puffs through the strength', () => {
    expect(dailyDose({ value: 2, unit: 'tablet' }, f('tid'), { value: 500, unit: 'mg' })).toEqual({
      value: 3000,
      unit: 'mg',
    });
    expect(dailyDose({ value: 1, unit: 'capsule' }, f('qd'), { value: 18, unit: 'mcg' })).toEqual({
      value: 18,
      unit: 'mcg',
    });
    expect(dailyDose({ value: 2, unit: 'puff' }, f('bid'), { value: 160, unit: 'mcg/dose' })).toEqual({
      value: 640,
      unit: 'mcg',
    });
    expect(dailyDose({ value: 10, unit: 'mL' }, f('tid'), { value: 20, unit: 'mg/mL' })).toEqual({
      value: 600,
      unit: 'mg',
    });
  });

  it('averages weekly and every-other-day doses over the days', () => {
    expect(dailyDose({ value: 70, unit: 'mg' }, f('qw'), { value: 70, unit: 'mg' })).toEqual({
      value: 10,
      unit: 'mg',
    });
    expect(dailyDose({ value: 10, unit: 'mg' }, f('qod'), { value: 5, unit: 'mg' })).toEqual({
      value: 5,
      unit: 'mg',
    });
  });

  it('is null for prn, stat and non-positive doses', () => {
    expect(dailyDose({ value: 1, unit: 'tablet' }, f('prn'), { value: 500, unit: 'mg' })).toBeNull();
    expect(dailyDose({ value: 1, unit: 'tablet' }, f('stat'), { value: 500, unit: 'mg' })).toBeNull();
    expect(dailyDose({ value: 0, unit: 'mg' }, f('qd'), { value: 500, unit: 'mg' })).toBeNull();
    expect(dailyDose({ value: -5, unit: 'mg' }, f('qd'), { value: 500, unit: 'mg' })).toBeNull();
    expect(dailyDose({ value: Number.NaN, unit: 'mg' }, f('qd'), { value: 500, unit: 'mg' })).toBeNull();
  });
});

describe('convertAmount', () => {
  const s500 = { value: 500, unit: 'mg' } as const;
  it.each([
    [{ value: 3000, unit: 'mg' }, 'g', 3],
    [{ value: 0.25, unit: 'mg' }, 'mcg', 250],
    [{ value: 1000, unit: 'mg' }, 'tablet', 2],
    [{ value: 2, unit: 'capsule' }, 'tablet', 2],
    [{ value: 10, unit: 'IU' }, 'mg', null],
  ] as const)('%j in %s = %s', (amount, target, expected) => {
    expect(convertAmount(amount, target, s500)).toBe(expected);
  });
  it('amountPerDose keeps a count when the strength is a percentage', () => {
    expect(amountPerDose({ value: 1, unit: 'drop' }, { value: 0.5, unit: '%' })).toEqual({
      value: 1,
      unit: 'drop',
    });
  });
});

describe('doseTimesForDay', () => {
  it('gives the default times every day from the start', () => {
    expect(doseTimesForDay({ frequency: 'bid', startDate: '2026-03-01', day: '2026-03-01' })).toEqual([
      '08:00',
      '20:00',
    ]);
    expect(doseTimesForDay({ frequency: 'tid', startDate: '2026-03-01', day: '2026-03-09' })).toEqual([
      '08:00',
      '12:00',
      '18:00',
    ]);
    expect(doseTimesForDay({ frequency: 'qd', startDate: '2026-03-02', day: '2026-03-01' })).toEqual([]);
  });

  it('qod doses on days 0, 2, 4 ... from the start, across month ends', () => {
    const days = ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03'];
    expect(
      days.map((day) => doseTimesForDay({ frequency: 'qod', startDate: '2026-02-27', day }).length),
    ).toEqual([1, 0, 1, 0, 1]);
  });

  it('qw doses on the start weekday; biw on days 0 and 3 of each week', () => {
    const week = (frequency: 'qw' | 'biw') =>
      Array.from(
        { length: 14 },
        (_, i) =>
          doseTimesForDay({
            frequency,
            startDate: '2026-03-02',
            day: `2026-03-${String(2 + i).padStart(2, '0')}`,
          }).length,
      );
    expect(week('qw')).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(week('biw')).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
  });

  it('uses chosen times (sorted) instead of the defaults', () => {
    expect(
      doseTimesForDay({
        frequency: 'bid',
        chosenTimes: ['21:30', '07:15'],
        startDate: '2026-03-01',
        day: '2026-03-02',
      }),
    ).toEqual(['07:15', '21:30']);
    expect(
      doseTimesForDay({
        frequency: 'qw',
        chosenTimes: ['19:00'],
        startDate: '2026-03-01',
        day: '2026-03-08',
      }),
    ).toEqual(['19:00']);
    expect(
      doseTimesForDay({ frequency: 'tid', chosenTimes: [], startDate: '2026-03-01', day: '2026-03-01' }),
    ).toHaveLength(3);
  });

  it('prn has no scheduled times; stat only its chosen time on the start day', () => {
    expect(doseTimesForDay({ frequency: 'prn', startDate: '2026-03-01', day: '2026-03-01' })).toEqual([]);
    expect(
      doseTimesForDay({
        frequency: 'stat',
        chosenTimes: ['10:05'],
        startDate: '2026-03-01',
        day: '2026-03-01',
      }),
    ).toEqual(['10:05']);
    expect(
      doseTimesForDay({
        frequency: 'stat',
        chosenTimes: ['10:05'],
        startDate: '2026-03-01',
        day: '2026-03-02',
      }),
    ).toEqual([]);
  });

  it.each([
    [{ frequency: 'bid', chosenTimes: ['8:00', '20:00'] }],
    [{ frequency: 'bid', chosenTimes: ['24:00', '20:00'] }],
    [{ frequency: 'bid', chosenTimes: ['08:00'] }],
    [{ frequency: 'bid', chosenTimes: ['08:00', '08:00'] }],
    [{ frequency: 'q3h' }],
    [{ frequency: 'qd', startDate: '2026-02-30' }],
    [{ frequency: 'qd', day: '01/03/2026' }],
  ])('throws RangeError for %j', (bad) => {
    const args = { startDate: '2026-03-01', day: '2026-03-02', ...bad } as Parameters<
      typeof doseTimesForDay
    >[0];
    expect(() => doseTimesForDay(args)).toThrow(RangeError);
  });

  it('chosenTimesProblem names the problem', () => {
    expect(chosenTimesProblem('tid', ['08:00', '12:00', '18:00'])).toBeNull();
    expect(chosenTimesProblem('tid', ['08:00'])).toMatch(/needs 3/);
    expect(chosenTimesProblem('qd', ['25:00'])).toMatch(/HH:MM/);
    expect(chosenTimesProblem('prn', ['08:00'])).toMatch(/no times/);
  });
});

describe('adherenceRate (proportion of due doses taken; >= 80% adherent, Osterberg and Blaschke 2005)', () => {
  it('counts taken and late as taken and ignores pending doses', () => {
    const doses = [
      ...Array(7).fill({ status: 'taken' }),
      { status: 'late' },
      { status: 'skipped' },
      { status: 'missed' },
      { status: 'pending' },
      { status: 'pending' },
    ];
    expect(adherenceRate(doses)).toEqual({ rate: 0.8, taken: 7, late: 1, skipped: 1, missed: 1 });
    expect(adherenceRate(doses).rate! >= ADHERENCE_THRESHOLD).toBe(true);
  });

  it('is null when no dose fell due', () => {
    expect(adherenceRate([])).toEqual({ rate: null, taken: 0, late: 0, skipped: 0, missed: 0 });
    expect(adherenceRate([{ status: 'pending' }]).rate).toBeNull();
  });

  it('a week of bid doses with 3 missed is 11/14 = 78.6%: below the threshold', () => {
    const doses = [...Array(11).fill({ status: 'taken' }), ...Array(3).fill({ status: 'missed' })];
    expect(adherenceRate(doses).rate).toBeCloseTo(11 / 14, 10);
    expect(adherenceRate(doses).rate! < ADHERENCE_THRESHOLD).toBe(true);
  });
});
