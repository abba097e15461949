import type { ObservationFlagCode } from './record-types';
import { isAbnormalFlag } from './flags';

export interface ChartPoint {
  id: string;
  at: string;
  value: number;
  flag: ObservationFlagCode | null;
}

export type TrendDirection = 'rising' | 'falling' | 'stable' | 'single';

export interface SeriesSummary {
  count: number;
  latest: ChartPoint;
  min: number;
  max: number;
  direction: TrendDirection;
  abnormalCount: number;
}

/**
 * The direction of a series: the least-squares line through the points (time on x), and how far it moves over the
 * whole span relative to the mean. Under 5% counts as stable: about the within-person variation of the vitals and
 * common labs charted here, so noise in home readings does not read as a trend.
 */
export function trendDirection(points: readonly Pick<ChartPoint, 'at' | 'value'>[]): TrendDirection {
  if (points.length < 2) return 'single';
  const xs = points.map((p) => new Date(p.at).getTime());
  const ys = points.map((p) => p.value);
  const n = points.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - meanX;
    num += dx * ((ys[i] ?? 0) - meanY);
    den += dx * dx;
  }
  if (den === 0) return 'stable';
  const span = Math.max(...xs) - Math.min(...xs);
  const change = (num / den) * span;
  const scale = Math.max(Math.abs(meanY), 1e-9);
  if (Math.abs(change) / scale < 0.05) return 'stable';
  return change > 0 ? 'rising' : 'falling';
}

/** What the chart shows, in numbers: for the screen-reader summary and the caption under the chart. */
export function seriesSummary(points: readonly ChartPoint[]): SeriesSummary | null {
  const latest = points[points.length - 1];
  if (!latest) return null;
  const values = points.map((p) => p.value);
  return {
    count: points.length,
    latest,
    min: Math.min(...values),
    max: Math.max(...values),
    direction: trendDirection(points),
    abnormalCount: points.filter((p) => isAbnormalFlag(p.flag)).length,
  };
}

/** A round step of about a fifth of the span (1, 2 or 5 times a power of ten), for axis ticks people can read. */
export function niceStep(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A y-axis extent that holds every value and the reference band, with some air above and below, rounded out to
 * whole steps so the first and last tick read as round numbers (4, not 3.38).
 */
export function axisExtent(
  values: readonly number[],
  low: number | null,
  high: number | null,
): [number, number] {
  const all = [...values, ...(low !== null ? [low] : []), ...(high !== null ? [high] : [])];
  if (all.length === 0) return [0, 1];
  const lowest = Math.min(...all);
  const highest = Math.max(...all);
  const pad = highest === lowest ? Math.max(Math.abs(highest) * 0.1, 1) : (highest - lowest) * 0.1;
  const step = niceStep(highest - lowest + 2 * pad);
  let min = Math.floor((lowest - pad) / step) * step;
  const max = Math.ceil((highest + pad) / step) * step;
  // Quantities that cannot be negative should not get a negative axis.
  if (lowest >= 0) min = Math.max(0, min);
  const round = (n: number) => Number(n.toPrecision(12));
  return [round(min), round(max)];
}
