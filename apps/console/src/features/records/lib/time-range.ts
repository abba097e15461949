export type TimeRange = '3m' | '1y' | 'all';
export const TIME_RANGES: readonly TimeRange[] = ['3m', '1y', 'all'];

/** The start of a range as an ISO instant (undefined for all time). Months are calendar months back from now. */
export function rangeStart(range: TimeRange, now: Date = new Date()): string | undefined {
  if (range === 'all') return undefined;
  const start = new Date(now.getTime());
  if (range === '3m') start.setMonth(start.getMonth() - 3);
  else start.setFullYear(start.getFullYear() - 1);
  // Whole days, so the query key stays the same within a day and the cache is reused.
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

const DAY = 86_400_000;

/**
 * The x-axis of a curve: the chosen period (its start to now), or for all time the first to the last point. A
 * span under two weeks is widened around its points, so one reading does not stretch over hours of axis.
 */
export function timeExtent(
  times: readonly number[],
  from: string | undefined,
  now = Date.now(),
): [number, number] {
  let min = from ? new Date(from).getTime() : times.length ? Math.min(...times) : now - 30 * DAY;
  let max = from ? now : times.length ? Math.max(...times) : now;
  if (max - min < 14 * DAY) {
    const middle = (min + max) / 2;
    min = middle - 7 * DAY;
    max = Math.min(middle + 7 * DAY, Math.max(now, max));
  }
  return [min, max];
}

export function isTimeRange(value: string | null): value is TimeRange {
  return value === '3m' || value === '1y' || value === 'all';
}
