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

export function isTimeRange(value: string | null): value is TimeRange {
  return value === '3m' || value === '1y' || value === 'all';
}
