import type { GlucoseSummary } from '@careloop/contracts';

// The consensus targets the summary checks (Battelino 2019), by the metric names the server sends, with the share
// of readings each one measures. A name the console does not know is still shown, under its own name.

export type TargetMetric =
  'time-in-range' | 'time-below-range' | 'time-very-low' | 'time-above-range' | 'time-very-high';

const TARGET_METRICS: readonly TargetMetric[] = [
  'time-in-range',
  'time-below-range',
  'time-very-low',
  'time-above-range',
  'time-very-high',
];

export function isTargetMetric(metric: string): metric is TargetMetric {
  return TARGET_METRICS.some((m) => m === metric);
}

/** The share of readings (percent) a target metric measures. */
export function targetPercent(metric: TargetMetric, percent: GlucoseSummary['percent']): number {
  switch (metric) {
    case 'time-in-range':
      return percent.inRange;
    case 'time-below-range':
      return percent.veryLow + percent.low;
    case 'time-very-low':
      return percent.veryLow;
    case 'time-above-range':
      return percent.high + percent.veryHigh;
    case 'time-very-high':
      return percent.veryHigh;
  }
}
