import { describe, expect, it } from 'vitest';
import { compareItem, distanceFromRange, type ComparableItem } from './comparison.ts';

const glucose = (valueNum: number, flag: ComparableItem['flag']): ComparableItem => ({
  valueNum,
  flag,
  refLow: 3.9,
  refHigh: 6.1,
  unit: 'mmol/L',
});

describe('compareItem', () => {
  it.each([
    ['abnormal now, absent before', glucose(7.2, 'H'), null, 'new'],
    ['abnormal now, normal before', glucose(7.2, 'H'), glucose(5.8, 'N'), 'new'],
    ['normal now, abnormal before', glucose(5.6, 'N'), glucose(6.4, 'H'), 'resolved'],
    ['normal both times', glucose(5.6, 'N'), glucose(5.0, 'N'), 'unchanged'],
    ['further from the range', glucose(7.2, 'H'), glucose(6.4, 'H'), 'worse'],
    ['closer to the range', glucose(6.4, 'H'), glucose(7.2, 'H'), 'better'],
    ['within 5% of the interval width', glucose(6.45, 'H'), glucose(6.4, 'H'), 'unchanged'],
    ['low, then lower', glucose(3.0, 'L'), glucose(3.6, 'L'), 'worse'],
    ['high, then low by the same distance', glucose(3.5, 'L'), glucose(6.5, 'H'), 'unchanged'],
  ] as const)('%s: %s', (_case, current, previous, expected) => {
    expect(compareItem(current, previous)).toBe(expected);
  });

  it('has nothing to say about a normal item that was not measured before', () => {
    expect(compareItem(glucose(5.0, 'N'), null)).toBeNull();
  });

  it('falls back to severity when there are no numbers', () => {
    const positive = { valueNum: null, flag: 'A', refLow: null, refHigh: null, unit: null } as const;
    const critical = { ...positive, flag: 'HH' } as const;
    expect(compareItem(critical, positive)).toBe('worse');
    expect(compareItem(positive, critical)).toBe('better');
    expect(compareItem(positive, positive)).toBe('unchanged');
  });

  it('does not compare numbers in different units', () => {
    const mgdl = { ...glucose(130, 'H'), unit: 'mg/dL' };
    expect(compareItem(glucose(6.4, 'H'), mgdl)).toBe('unchanged');
  });
});

describe('distanceFromRange', () => {
  it('is zero inside the range and the gap outside it', () => {
    expect(distanceFromRange(5, 3.9, 6.1)).toBe(0);
    expect(distanceFromRange(7.1, 3.9, 6.1)).toBeCloseTo(1.0);
    expect(distanceFromRange(3.4, 3.9, null)).toBeCloseTo(0.5);
  });
});
