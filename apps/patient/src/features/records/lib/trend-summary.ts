import type { TrendPoint, TrendSeries } from './trend-chart-options.ts';

export type TrendDirection = 'up' | 'down' | 'steady';
export type TrendRange = '3m' | '1y' | 'all';
export const TREND_RANGES: readonly TrendRange[] = ['3m', '1y', 'all'];

export interface TrendSummary {
  latest: TrendPoint;
  min: number;
  max: number;
  count: number;
  direction: TrendDirection;
  abnormalCount: number;
}

/** Where a range starts, as an ISO time for the series route's `from` (undefined: everything). */
export function rangeStart(range: TrendRange, now: Date): string | undefined {
  if (range === 'all') return undefined;
  const start = new Date(now);
  if (range === '3m') start.setMonth(start.getMonth() - 3);
  else start.setFullYear(start.getFullYear() - 1);
  return start.toISOString();
}

/**
 * Whether the values went up, down or stayed about the same: the least-squares slope over the period, as a
 * share of the mean. A change under 5% over the whole period counts as steady, so noise is not called a trend.
 */
export function trendDirection(points: readonly TrendPoint[]): TrendDirection {
  if (points.length < 2) return 'steady';
  const xs = points.map((p) => new Date(p.at).getTime());
  const ys = points.map((p) => p.value);
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - meanX;
    sxy += dx * ((ys[i] ?? 0) - meanY);
    sxx += dx * dx;
  }
  if (sxx === 0 || meanY === 0) return 'steady';
  const span = Math.max(...xs) - Math.min(...xs);
  const change = ((sxy / sxx) * span) / Math.abs(meanY);
  if (change > 0.05) return 'up';
  if (change < -0.05) return 'down';
  return 'steady';
}

export function summarizeTrend(series: TrendSeries): TrendSummary | null {
  const latest = series.points.at(-1);
  if (!latest) return null;
  const values = series.points.map((p) => p.value);
  return {
    latest,
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
    direction: trendDirection(series.points),
    abnormalCount: series.points.filter((p) => p.flag !== null && p.flag !== 'N').length,
  };
}
