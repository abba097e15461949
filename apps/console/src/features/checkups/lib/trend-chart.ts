import type { CheckupTrend } from '@careloop/contracts';
import { displayUnit, formatNumber } from './checkup-format';

// Colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics); abnormal points also change shape.
export const NORMAL_COLOR = '#0b5cd5';
export const ABNORMAL_COLOR = '#c41d1f';
const BAND_COLOR = 'rgba(35, 120, 4, 0.12)';

export type TrendDirection = 'rising' | 'falling' | 'stable' | 'single';

export interface TrendSummary {
  latest: number;
  latestAt: string;
  min: number;
  max: number;
  direction: TrendDirection;
  abnormalCount: number;
}

export function outsideRange(value: number, low: number | null, high: number | null): boolean {
  return (low !== null && value < low) || (high !== null && value > high);
}

/**
 * Latest value, the range of values and the direction from the first to the latest point; a change under 5% of
 * the first value counts as stable (lab variation of most checkup analytes is of that order).
 */
export function trendSummary(
  trend: Pick<CheckupTrend, 'points' | 'refLow' | 'refHigh'>,
): TrendSummary | null {
  const points = trend.points;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const values = points.map((p) => p.value);
  let direction: TrendDirection = 'single';
  if (points.length > 1) {
    const change = last.value - first.value;
    const scale = Math.max(Math.abs(first.value), 1e-9);
    direction = Math.abs(change) / scale < 0.05 ? 'stable' : change > 0 ? 'rising' : 'falling';
  }
  return {
    latest: last.value,
    latestAt: last.at,
    min: Math.min(...values),
    max: Math.max(...values),
    direction,
    abnormalCount: values.filter((v) => outsideRange(v, trend.refLow, trend.refHigh)).length,
  };
}

/** A y-axis extent that holds every value and the reference band, with some air above and below. */
export function axisExtent(
  values: readonly number[],
  low: number | null,
  high: number | null,
): [number, number] {
  const all = [...values, ...(low !== null ? [low] : []), ...(high !== null ? [high] : [])];
  if (all.length === 0) return [0, 1];
  let min = Math.min(...all);
  let max = Math.max(...all);
  const pad = max === min ? Math.max(Math.abs(max) * 0.1, 1) : (max - min) * 0.15;
  min -= pad;
  max += pad;
  // Quantities that cannot be negative should not get a negative axis.
  if (Math.min(...all) >= 0) min = Math.max(0, min);
  // Round outwards to a readable step (0.5 for a range of a few mmol/L, 5 for tens of mmHg).
  const step = 10 ** Math.floor(Math.log10(max - min)) / 2;
  const round = (value: number) => Number(value.toFixed(10));
  return [round(Math.floor(min / step) * step), round(Math.ceil(max / step) * step)];
}

export interface TrendLabels {
  /** The band's name, e.g. 参考范围. */
  reference: string;
  /** Dates on the x-axis and in the tooltip, in the UI language. */
  formatDate: (iso: string) => string;
}

/** The ECharts option of one item's trend: a line, the reference band shaded, abnormal points red triangles. */
export function trendChartOption(trend: CheckupTrend, labels: TrendLabels) {
  const { refLow, refHigh } = trend;
  const [yMin, yMax] = axisExtent(
    trend.points.map((p) => p.value),
    refLow,
    refHigh,
  );
  const band =
    refLow !== null || refHigh !== null
      ? [[{ name: labels.reference, yAxis: refLow ?? yMin }, { yAxis: refHigh ?? yMax }]]
      : [];
  const unit = displayUnit(trend.unit);
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) =>
        typeof value === 'number' ? `${formatNumber(value)}${unit ? ` ${unit}` : ''}` : String(value),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.points.map((p) => labels.formatDate(p.at)),
      axisLabel: { color: 'rgba(0, 0, 0, 0.75)' },
    },
    yAxis: {
      type: 'value',
      name: unit,
      min: yMin,
      max: yMax,
      axisLabel: { color: 'rgba(0, 0, 0, 0.75)' },
      nameTextStyle: { color: 'rgba(0, 0, 0, 0.75)' },
    },
    series: [
      {
        type: 'line',
        name: trend.name,
        lineStyle: { color: NORMAL_COLOR, width: 2 },
        itemStyle: { color: NORMAL_COLOR },
        data: trend.points.map((p) => {
          const abnormal = outsideRange(p.value, refLow, refHigh);
          return {
            value: p.value,
            symbol: abnormal ? 'triangle' : 'circle',
            symbolSize: abnormal ? 12 : 8,
            itemStyle: { color: abnormal ? ABNORMAL_COLOR : NORMAL_COLOR },
          };
        }),
        markArea: {
          silent: true,
          itemStyle: { color: BAND_COLOR },
          label: { color: '#237804', position: 'insideTopRight' },
          data: band,
        },
      },
    ],
  };
}
