// Small statistics shared by the monitoring metrics. Pure: no I/O, no clock; times come in as Date or ISO strings.

/** A reading's time as a Date; throws RangeError for a string or Date that is not a valid instant. */
export function toInstant(at: Date | string): Date {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid time: ${String(at)}`);
  return date;
}

/** Throws RangeError unless every value is a finite number (a device glitch must not become a silent NaN). */
export function assertFinite(values: readonly number[], what: string): void {
  for (const value of values) {
    if (!Number.isFinite(value))
      throw new RangeError(`${what} must be a finite number, got ${String(value)}`);
  }
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of no values');
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (n - 1 denominator, as R's sd() and most CGM software); 0 for a single value. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * The p-th percentile (0-100) by linear interpolation between order statistics: Hyndman and Fan (Am Stat 1996)
 * definition 7, the default of R quantile(), NumPy percentile() and Excel PERCENTILE.INC. Rank h = (n - 1) p / 100
 * on the sorted values x[0..n-1]; result x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0-100, got ${p}`);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const low = sorted[lo] ?? 0;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)] ?? low;
  return low + (h - lo) * (high - low);
}

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Ordinary least-squares slope of y on x; null when x does not vary (fewer than two distinct x). */
export function leastSquaresSlope(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2) return null;
  const mx = mean(points.map((p) => p.x));
  const my = mean(points.map((p) => p.y));
  let sxy = 0;
  let sxx = 0;
  for (const { x, y } of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}
