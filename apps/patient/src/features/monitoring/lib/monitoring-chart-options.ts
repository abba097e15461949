import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { axisDateLabel, formatNumber, TREND_COLORS } from '../../records/lib/trend-chart-options.ts';

export type MonitoringChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

export interface ChartPoint {
  at: string;
  value: number;
}

export interface ChartLine {
  name: string;
  points: readonly ChartPoint[];
}

/** One chart: its lines, the target lines or band drawn behind them, and the period on the time axis. */
export interface ChartSpec {
  lines: readonly ChartLine[];
  unit: string;
  /** Dashed horizontal lines (home BP target 135 and 85). */
  targets?: readonly { value: number; label: string }[];
  /** A shaded band (glucose target range). */
  band?: { low: number; high: number; label: string };
  from: number;
  to: number;
}

export interface ChartSettings {
  locale: string;
  elder: boolean;
}

/** Past this many points a line drops its markers and is thinned for drawing (a sensor sends 288 a day). */
export const DENSE_POINTS = 200;
const TARGET_COLOR = '#595959';
const BAND_COLOR = 'rgba(0, 128, 79, 0.14)';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tidy tick step giving about five ticks over the span. */
function niceStep(span: number): number {
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / magnitude;
  const nice = [1, 2, 2.5, 5, 10].find((n) => scaled <= n) ?? 10;
  return nice * magnitude;
}

/** The value axis covers every point, target line and band edge, with some room, on whole ticks. */
export function valueBounds(spec: ChartSpec): { min: number; max: number; interval: number } | null {
  const values = spec.lines.flatMap((l) => l.points.map((p) => p.value));
  if (values.length === 0) return null;
  for (const t of spec.targets ?? []) values.push(t.value);
  if (spec.band) values.push(spec.band.low, spec.band.high);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const room = Math.max((high - low) * 0.08, Math.abs(high) * 0.02, 0.5);
  const interval = niceStep(high + room - Math.max(0, low - room));
  return {
    min: Math.max(0, Math.floor((low - room) / interval) * interval),
    max: Math.ceil((high + room) / interval) * interval,
    interval,
  };
}

interface TooltipParam {
  seriesIndex?: number;
  dataIndex?: number;
}

export function tooltipText(spec: ChartSpec, params: readonly TooltipParam[], locale: string): string {
  let at: string | null = null;
  const lines: string[] = [];
  for (const param of params) {
    const line = spec.lines[param.seriesIndex ?? -1];
    const point = line?.points[param.dataIndex ?? -1];
    if (!line || !point) continue;
    at ??= point.at;
    lines.push(
      `${escapeHtml(line.name)}: <b>${formatNumber(point.value, locale)} ${escapeHtml(spec.unit)}</b>`,
    );
  }
  if (at === null) return '';
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(at),
  );
  return [escapeHtml(when), ...lines].join('<br/>');
}

/** The ECharts option of a monitoring chart: readings over the period, target lines or band, localized axes. */
export function buildMonitoringOption(spec: ChartSpec, settings: ChartSettings): MonitoringChartOption {
  const bounds = valueBounds(spec) ?? { min: 0, max: 1, interval: 0.2 };
  const fontSize = settings.elder ? 16 : 12;
  const symbolSize = settings.elder ? 9 : 6;
  const multiYear = new Date(spec.from).getFullYear() !== new Date(spec.to).getFullYear();
  const series: LineSeriesOption[] = spec.lines.map((line, index) => {
    const color = TREND_COLORS.lines[index % TREND_COLORS.lines.length] ?? TREND_COLORS.lines[0];
    const dense = line.points.length > DENSE_POINTS;
    return {
      type: 'line',
      name: line.name,
      showSymbol: !dense,
      symbol: index === 0 ? 'circle' : 'rect',
      symbolSize,
      sampling: dense ? 'lttb' : undefined,
      lineStyle: {
        color,
        // A sensor's dense line is drawn thin, so its ups and downs stay apart.
        width: dense ? 1 : settings.elder ? 3 : 2,
        type: index === 0 ? 'solid' : 'dashed',
      },
      itemStyle: { color },
      data: line.points.map((p) => [new Date(p.at).getTime(), p.value]),
      markLine:
        index === 0 && spec.targets && spec.targets.length > 0
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 1.5 },
              label: { formatter: '{b}', position: 'insideEndTop', color: TARGET_COLOR, fontSize },
              data: spec.targets.map((t) => ({ yAxis: t.value, name: t.label })),
            }
          : undefined,
      markArea:
        index === 0 && spec.band
          ? {
              silent: true,
              itemStyle: { color: BAND_COLOR },
              // Named for the tooltip and screen readers; the text under the chart says what the band is.
              label: { show: false },
              data: [[{ yAxis: spec.band.low, name: spec.band.label }, { yAxis: spec.band.high }]],
            }
          : undefined,
    };
  });
  return {
    animation: false,
    grid: {
      left: 8,
      right: 16,
      top: spec.lines.length > 1 ? 36 : 16,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    legend: spec.lines.length > 1 ? { top: 0, textStyle: { fontSize } } : undefined,
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontSize: settings.elder ? 18 : 14 },
      formatter: (params) => tooltipText(spec, Array.isArray(params) ? params : [params], settings.locale),
    },
    xAxis: {
      type: 'time',
      min: spec.from,
      max: spec.to,
      minInterval: 86_400_000,
      axisLabel: {
        fontSize,
        color: '#595959',
        hideOverlap: true,
        formatter: (value: number) => axisDateLabel(value, settings.locale, multiYear),
      },
    },
    yAxis: {
      type: 'value',
      min: bounds.min,
      max: bounds.max,
      interval: bounds.interval,
      axisLabel: {
        fontSize,
        color: '#595959',
        formatter: (value: number) => formatNumber(value, settings.locale),
      },
    },
    series,
  };
}
