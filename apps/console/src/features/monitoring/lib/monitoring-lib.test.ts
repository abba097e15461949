import { describe, expect, it } from 'vitest';
import { targetPercent } from './glucose-targets';
import { isAlertStatusFilter, periodOf } from './options';
import { TIME_OF_DAY, normalizeTime } from './plan-times';

describe('monitoring helpers', () => {
  it('reads the period from the URL, 14 days when absent or unknown', () => {
    expect(periodOf('30')).toBe(30);
    expect(periodOf('15')).toBe(14);
    expect(periodOf(null)).toBe(14);
  });

  it('knows the alert status filters', () => {
    expect(isAlertStatusFilter('active')).toBe(true);
    expect(isAlertStatusFilter('closed')).toBe(false);
  });

  it('measures each consensus target on its ranges', () => {
    const percent = { veryLow: 1, low: 2, inRange: 70, high: 20, veryHigh: 7 };
    expect(targetPercent('time-in-range', percent)).toBe(70);
    expect(targetPercent('time-below-range', percent)).toBe(3);
    expect(targetPercent('time-very-low', percent)).toBe(1);
    expect(targetPercent('time-above-range', percent)).toBe(27);
    expect(targetPercent('time-very-high', percent)).toBe(7);
  });

  it.each([
    ['7:30', '07:30'],
    ['0730', '07:30'],
    ['19：05', '19:05'],
    [' 21:00 ', '21:00'],
    ['noon', 'noon'],
  ])('writes the reminder time %s as %s', (typed, written) => {
    expect(normalizeTime(typed)).toBe(written);
  });

  it('accepts only real times of day', () => {
    expect(TIME_OF_DAY.test('23:59')).toBe(true);
    expect(TIME_OF_DAY.test('24:00')).toBe(false);
  });
});
