/** The nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** p50, p95, p99 and max of latencies in ms, rounded to 0.01 ms, with their count. */
export function latencyStats(ms: readonly number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    count: s.length,
    p50Ms: r(percentile(s, 50)),
    p95Ms: r(percentile(s, 95)),
    p99Ms: r(percentile(s, 99)),
    maxMs: r(s[s.length - 1] ?? 0),
  };
}
