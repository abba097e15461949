// Per-reading state of a rule: does the rule's condition hold as of this reading, and which readings show it.
// Runs of readings where it holds are the rule's episodes (see evaluate-monitoring-rules.ts).
import type {
  Comparison,
  Companion,
  ConsecutiveRule,
  MonitoringMetric,
  RateOfChangeRule,
  ThresholdRule,
  TrendRule,
} from './monitoring-rules.types.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;
// Differences of decimals (72.1 - 70.1) land a hair under the limit; derived values get this much slack.
const EPSILON = 1e-9;

export interface Point {
  readonly id: string;
  readonly t: number;
  readonly values: Readonly<Partial<Record<MonitoringMetric, number>>>;
  readonly isNew: boolean;
}

export type StateDetail =
  | { readonly type: 'value'; readonly value?: number; readonly companionValue?: number }
  | { readonly type: 'change'; readonly from: number; readonly to: number; readonly change: number };

export interface PointState {
  readonly point: Point;
  readonly holds: boolean;
  /** Readings behind the state, oldest first. */
  readonly evidence: readonly string[];
  readonly detail: StateDetail;
}

export function valueOf(point: Point, metric: MonitoringMetric): number | undefined {
  const v = point.values[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function meets(comparison: Comparison, value: number, limit: number): boolean {
  switch (comparison) {
    case 'below':
      return value < limit;
    case 'at-or-below':
      return value <= limit;
    case 'above':
      return value > limit;
    case 'at-or-above':
      return value >= limit;
  }
}

type LimitRule = ThresholdRule | ConsecutiveRule;

/** Each reading carrying the metric (or its companion) against the limit; other readings are skipped. */
export function limitStates(rule: LimitRule, points: readonly Point[]): PointState[] {
  const companion: Companion | undefined = rule.companion;
  const states: PointState[] = [];
  for (const point of points) {
    const value = valueOf(point, rule.metric);
    const companionValue = companion === undefined ? undefined : valueOf(point, companion.metric);
    if (value === undefined && companionValue === undefined) continue;
    const holds =
      (value !== undefined && meets(rule.comparison, value, rule.value)) ||
      (companion !== undefined &&
        companionValue !== undefined &&
        meets(rule.comparison, companionValue, companion.value));
    states.push({ point, holds, evidence: [point.id], detail: { type: 'value', value, companionValue } });
  }
  return states;
}

const signed = (direction: 'rise' | 'fall', from: number, to: number): number =>
  direction === 'rise' ? to - from : from - to;

/** Readings named as evidence per window at most: a dense series (a CGM) would otherwise name thousands. */
export const MAX_EVIDENCE_PER_WINDOW = 50;

/**
 * Mean over (t - W, t] against the mean over (t - 2W, t - W], at each reading of the metric. The series is in time
 * order, so both windows are index ranges whose ends only move forward: two pointers and prefix sums keep this
 * linear in the number of readings (a CGM sends 1,440 a day).
 */
export function trendStates(rule: TrendRule, points: readonly Point[]): PointState[] {
  const series = withMetric(points, rule.metric);
  const w = rule.windowDays * DAY_MS;
  const prefix = [0];
  for (const s of series) prefix.push(prefix[prefix.length - 1]! + s.value);
  const sum = (from: number, to: number) => prefix[to]! - prefix[from]!; // [from, to)
  const ids = (from: number, to: number) =>
    series.slice(Math.max(from, to - MAX_EVIDENCE_PER_WINDOW), to).map((s) => s.point.id);
  let currentStart = 0;
  let previousStart = 0;
  return series.map(({ point, value }, i) => {
    while (series[currentStart]!.point.t <= point.t - w) currentStart++;
    while (series[previousStart]!.point.t <= point.t - 2 * w) previousStart++;
    const current = i + 1 - currentStart;
    const previous = currentStart - previousStart;
    const enough = current >= rule.minReadingsPerWindow && previous >= rule.minReadingsPerWindow;
    if (!enough || current === 0 || previous === 0) {
      return { point, holds: false, evidence: [point.id], detail: { type: 'value', value } };
    }
    const from = sum(previousStart, currentStart) / previous;
    const to = sum(currentStart, i + 1) / current;
    const change = signed(rule.direction, from, to);
    const holds = change >= rule.minChange - EPSILON;
    return {
      point,
      holds,
      // Evidence is only read from states that hold: build it only for them.
      evidence: holds ? [...ids(previousStart, currentStart), ...ids(currentStart, i + 1)] : [point.id],
      detail: { type: 'change', from, to, change },
    };
  });
}

/** The largest change from an earlier reading at most withinDays before this one. */
export function rateStates(rule: RateOfChangeRule, points: readonly Point[]): PointState[] {
  const series = withMetric(points, rule.metric);
  const within = rule.withinDays * DAY_MS;
  let windowStart = 0;
  return series.map(({ point, value }, i) => {
    while (point.t - series[windowStart]!.point.t > within) windowStart++;
    let best: { id: string; from: number; change: number } | undefined;
    for (let j = windowStart; j < i; j++) {
      const earlier = series[j]!;
      const change = signed(rule.direction, earlier.value, value);
      if (best === undefined || change > best.change)
        best = { id: earlier.point.id, from: earlier.value, change };
    }
    if (best === undefined)
      return { point, holds: false, evidence: [point.id], detail: { type: 'value', value } };
    return {
      point,
      holds: best.change >= rule.minChange - EPSILON,
      evidence: [best.id, point.id],
      detail: { type: 'change', from: best.from, to: value, change: best.change },
    };
  });
}

function withMetric(points: readonly Point[], metric: MonitoringMetric): { point: Point; value: number }[] {
  const out: { point: Point; value: number }[] = [];
  for (const point of points) {
    const value = valueOf(point, metric);
    if (value !== undefined) out.push({ point, value });
  }
  return out;
}
