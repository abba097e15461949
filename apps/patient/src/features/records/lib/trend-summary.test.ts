import { describe, expect, it } from 'vitest';
import type { TrendPoint } from './trend-chart-options.ts';
import { rangeStart, summarizeTrend, trendDirection } from './trend-summary.ts';

const point = (at: string, value: number, flag: TrendPoint['flag'] = 'N'): TrendPoint => ({
  id: at,
  at,
  value,
  flag,
});

describe('trendDirection', () => {
  it('calls a rising series up', () => {
    expect(trendDirection([point('2025-01-01', 5), point('2025-03-01', 5.6), point('2025-06-01', 6.4)])).toBe(
      'up',
    );
  });

  it('calls a falling series down', () => {
    expect(
      trendDirection([point('2025-01-01', 150), point('2025-03-01', 140), point('2025-06-01', 128)]),
    ).toBe('down');
  });

  it('calls small noise steady', () => {
    expect(
      trendDirection([point('2025-01-01', 70), point('2025-02-01', 70.5), point('2025-03-01', 69.8)]),
    ).toBe('steady');
  });

  it('needs at least two points', () => {
    expect(trendDirection([point('2025-01-01', 5)])).toBe('steady');
  });
});

describe('summarizeTrend', () => {
  it('gives the latest value, the range and the abnormal count', () => {
    const summary = summarizeTrend({
      code: 'x',
      name: 'x',
      unit: null,
      referenceLow: null,
      referenceHigh: null,
      points: [point('2025-01-01', 5), point('2025-02-01', 7, 'H'), point('2025-03-01', 6)],
    });
    expect(summary).toMatchObject({ min: 5, max: 7, count: 3, abnormalCount: 1, latest: { value: 6 } });
  });

  it('has nothing to say about an empty series', () => {
    expect(
      summarizeTrend({
        code: 'x',
        name: 'x',
        unit: null,
        referenceLow: null,
        referenceHigh: null,
        points: [],
      }),
    ).toBeNull();
  });
});

describe('rangeStart', () => {
  const now = new Date('2025-09-15T10:00:00Z');
  it('goes back three months, one year, or not at all', () => {
    expect(rangeStart('3m', now)?.slice(0, 7)).toBe('2025-06');
    expect(rangeStart('1y', now)?.slice(0, 7)).toBe('2024-09');
    expect(rangeStart('all', now)).toBeUndefined();
  });
});
