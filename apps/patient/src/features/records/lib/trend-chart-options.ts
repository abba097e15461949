import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { isAbnormalFlag, type Flag } from './flags.ts';

export type TrendChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | TooltipComponentOption
>;

export interface TrendPoint {
  id: string;
  at: string;
  value: number;
  flag: Flag | null;
}

/** One observation code over time, as GET /patients/:id/observations/series answers it. */
export interface TrendSeries {
  code: string;
  name: string;
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
  points: TrendPoint[];
}

/** The words the chart shows, in the reader's language. */
export interface TrendChartText {
  locale: string;
  /** The flag in words (偏高 / High) for each abnormal flag. */
  flag: (flag: Flag) => string;
  /** "Reference range" for the tooltip line and the shaded band. */
  referenceRange: string;
}

export interface TrendChartSettings {
  /** Elder mode: larger labels and symbols. */
  elder: boolean;
  /** The period shown (epoch ms); the points' own span when absent. */
  from?: number;
  to?: number;
}

const DAY_MS = 86_400_000;
/** Past this many points a series is drawn as a line with markers on its abnormal points only. */
export const DENSE_POINTS = 60;
const MIN_SPAN_MS = 14 * DAY_MS;

/** The time axis covers the chosen period, or the points' span; never less than two weeks, so a single reading
 *  sits in the middle of readable day labels instead of a day cut into hours. */
export function timeAxisBounds(
  series: readonly TrendSeries[],
  from?: number,
  to?: number,
): { min: number; max: number } | null {
  const times = series.flatMap((s) => s.points.map((p) => new Date(p.at).getTime()));
  if (times.length === 0 && (from === undefined || to === undefined)) return null;
  let min = from ?? Math.min(...times);
  let max = to ?? Math.max(...times);
  if (max - min < MIN_SPAN_MS) {
    const middle = (min + max) / 2;
    min = middle - MIN_SPAN_MS / 2;
    max = middle + MIN_SPAN_MS / 2;
  }
  return { min, max };
}

// Colours meet 3:1 against white for graphics (WCAG 1.4.11); shape and the tooltip's words say the same thing,
// so colour is never the only signal.
export const TREND_COLORS = {
  lines: ['#0b5cd5', '#6b3fa0'],
  bands: ['rgba(0, 128, 79, 0.12)', 'rgba(107, 63, 160, 0.08)'],
  high: '#c41d2b',
  low: '#ad4e00',
  abnormal: '#c41d2b',
} as const;

type PointStyle = { symbol: string; symbolRotate: number; color: string | null; sizeFactor: number };

/** How a point is drawn: normal points are small circles; high points triangles, low points triangles pointing
 *  down, critical ones larger; abnormal ones in red or orange. */
export function pointStyle(flag: Flag | null): PointStyle {
  switch (flag) {
    case 'HH':
      return { symbol: 'triangle', symbolRotate: 0, color: TREND_COLORS.high, sizeFactor: 1.6 };
    case 'H':
      return { symbol: 'triangle', symbolRotate: 0, color: TREND_COLORS.high, sizeFactor: 1.3 };
    case 'LL':
      return { symbol: 'triangle', symbolRotate: 180, color: TREND_COLORS.low, sizeFactor: 1.6 };
    case 'L':
      return { symbol: 'triangle', symbolRotate: 180, color: TREND_COLORS.low, sizeFactor: 1.3 };
    case 'A':
      return { symbol: 'diamond', symbolRotate: 0, color: TREND_COLORS.abnormal, sizeFactor: 1.3 };
    case 'N':
    case null:
      return { symbol: 'circle', symbolRotate: 0, color: null, sizeFactor: 1 };
  }
}

function niceStep(span: number): number {
  if (span <= 0) return 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  const nice = [1, 2, 2.5, 5, 10].find((n) => scaled <= n) ?? 10;
  return nice * magnitude;
}

/** The value axis covers every point and every reference limit, with some room, rounded to a tidy step. */
export function valueAxisBounds(series: readonly TrendSeries[]): { min: number; max: number } | null {
  const values: number[] = [];
  for (const s of series) {
    for (const p of s.points) values.push(p.value);
    if (s.referenceLow !== null) values.push(s.referenceLow);
    if (s.referenceHigh !== null) values.push(s.referenceHigh);
  }
  if (values.length === 0) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || Math.abs(high) || 1;
  const step = niceStep(span * 1.2);
  const min = Math.floor((low - span * 0.1) / step) * step;
  const max = Math.ceil((high + span * 0.1) / step) * step;
  // A measurement that cannot be negative keeps its axis at zero or above.
  return { min: low >= 0 ? Math.max(0, min) : min, max };
}

/** The shaded reference band between low and high; a one-sided range is shaded to the edge of the axis. */
export function referenceBand(s: TrendSeries, bounds: { min: number; max: number }): [number, number] | null {
  if (s.referenceLow === null && s.referenceHigh === null) return null;
  return [s.referenceLow ?? bounds.min, s.referenceHigh ?? bounds.max];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatRange(low: number | null, high: number | null, locale: string): string | null {
  if (low === null && high === null) return null;
  if (low !== null && high !== null) return `${formatNumber(low, locale)}–${formatNumber(high, locale)}`;
  if (low !== null) return `≥ ${formatNumber(low, locale)}`;
  return `≤ ${formatNumber(high ?? 0, locale)}`;
}

interface TooltipParam {
  seriesIndex?: number;
  dataIndex?: number;
}

/** The tooltip for one time: the date, then each series' value, unit and flag in words, and its reference range. */
export function tooltipText(
  series: readonly TrendSeries[],
  params: readonly TooltipParam[],
  text: TrendChartText,
): string {
  const lines: string[] = [];
  let at: string | null = null;
  for (const param of params) {
    const s = series[param.seriesIndex ?? -1];
    const point = s?.points[param.dataIndex ?? -1];
    if (!s || !point) continue;
    at ??= point.at;
    const flag = isAbnormalFlag(point.flag) ? ` (${text.flag(point.flag)})` : '';
    const unit = s.unit ? ` ${s.unit}` : '';
    lines.push(
      `${escapeHtml(s.name)}: <b>${formatNumber(point.value, text.locale)}${escapeHtml(unit)}</b>${escapeHtml(flag)}`,
    );
    const range = formatRange(s.referenceLow, s.referenceHigh, text.locale);
    if (range) lines.push(`<span style="color:#595959">${escapeHtml(text.referenceRange)} ${range}</span>`);
  }
  if (at === null) return '';
  const when = new Intl.DateTimeFormat(text.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(at),
  );
  return [escapeHtml(when), ...lines].join('<br/>');
}

/** Axis dates: month and day, with the year where the span crosses years. */
export function axisDateLabel(value: number, locale: string, spansYears: boolean): string {
  const options: Intl.DateTimeFormatOptions = spansYears
    ? { year: '2-digit', month: 'short' }
    : { month: 'numeric', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(value));
}

function spansYears(series: readonly TrendSeries[]): boolean {
  const years = new Set(series.flatMap((s) => s.points.map((p) => new Date(p.at).getFullYear())));
  return years.size > 1;
}

/**
 * The ECharts option for one or more series drawn together (blood pressure: systolic and diastolic on one axis):
 * a line per series, its reference band shaded (markArea), abnormal points marked by colour and shape, localized
 * time axis, and a tap-friendly tooltip.
 */
export function buildTrendOption(
  series: readonly TrendSeries[],
  text: TrendChartText,
  settings: TrendChartSettings,
): TrendChartOption {
  const bounds = valueAxisBounds(series) ?? { min: 0, max: 1 };
  const fontSize = settings.elder ? 16 : 12;
  const baseSymbol = settings.elder ? 10 : 7;
  const multiYear = spansYears(series);
  const time = timeAxisBounds(series, settings.from, settings.to);
  const lines: LineSeriesOption[] = series.map((s, index) => {
    const color = TREND_COLORS.lines[index % TREND_COLORS.lines.length] ?? TREND_COLORS.lines[0];
    const band = referenceBand(s, bounds);
    const dense = s.points.length > DENSE_POINTS;
    return {
      type: 'line',
      name: s.name,
      showSymbol: true,
      connectNulls: true,
      lineStyle: {
        color,
        width: (settings.elder ? 3 : 2) - (dense ? 0.5 : 0),
        type: index === 0 ? 'solid' : 'dashed',
      },
      itemStyle: { color },
      data: s.points.map((p) => {
        const style = pointStyle(p.flag);
        // Among many readings only the abnormal ones keep a marker, so the line stays readable.
        const hidden = dense && style.color === null;
        return {
          value: [new Date(p.at).getTime(), p.value],
          symbol: hidden ? 'none' : style.symbol,
          symbolRotate: style.symbolRotate,
          symbolSize: Math.round(baseSymbol * style.sizeFactor),
          itemStyle: { color: style.color ?? color },
        };
      }),
      markArea: band
        ? {
            silent: true,
            itemStyle: { color: TREND_COLORS.bands[index % TREND_COLORS.bands.length] },
            data: [[{ yAxis: band[0] }, { yAxis: band[1] }]],
          }
        : undefined,
    };
  });
  return {
    animation: false,
    grid: {
      left: 8,
      right: 16,
      top: series.length > 1 ? 36 : 16,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: series.length > 1 ? { top: 0, textStyle: { fontSize } } : undefined,
    tooltip: {
      trigger: 'axis',
      // The default trigger ('mousemove|click'): a tap shows the tooltip on a phone, the pointer on a desktop.
      confine: true,
      axisPointer: { type: 'line' },
      textStyle: { fontSize: settings.elder ? 18 : 14 },
      formatter: (params) => tooltipText(series, Array.isArray(params) ? params : [params], text),
    },
    xAxis: {
      type: 'time',
      ...(time ?? {}),
      // Ticks no closer than a day: readings are shown by day, not by hour.
      minInterval: DAY_MS,
      axisLabel: {
        fontSize,
        color: '#595959',
        hideOverlap: true,
        formatter: (value: number) => axisDateLabel(value, text.locale, multiYear),
      },
    },
    yAxis: {
      type: 'value',
      min: bounds.min,
      max: bounds.max,
      scale: true,
      axisLabel: {
        fontSize,
        color: '#595959',
        formatter: (value: number) => formatNumber(value, text.locale),
      },
    },
    series: lines,
  };
}
