import type { GlucoseSummary, Reading } from '@careloop/contracts';
import { minuteOfDay } from './monitoring-format';

// ECharts options of the monitoring tab, built from plain data and the words to show (no i18next here, so the
// builders are tested on their own). Targets drawn: home blood pressure 135/85 mmHg (Chinese hypertension
// guideline 2018, home BP); glucose range 3.9-10.0 mmol/L and the five ranges of the AGP report (Battelino et al.,
// Diabetes Care 2019). Lines and symbols keep 3:1 against white; bands are tints behind them.

export const BP_TARGET = { systolic: 135, diastolic: 85 } as const;
export const GLUCOSE_RANGE = { low: 3.9, high: 10.0 } as const;

const AXIS_TEXT = 'rgba(0, 0, 0, 0.75)';
const SYSTOLIC_COLOR = '#0b5cd5';
const DIASTOLIC_COLOR = '#5b2c98';
const TARGET_COLOR = '#ad5b00';
const BAND_COLOR = 'rgba(35, 120, 4, 0.12)';
const GLUCOSE_COLOR = '#0b5cd5';
const WEIGHT_COLOR = '#0b5cd5';

/** AGP report colours, very low to very high: dark red, red, green, amber, dark amber. White text passes 4.5:1. */
export const RANGE_COLORS = {
  veryLow: '#7f0d12',
  low: '#c41d1f',
  inRange: '#237804',
  high: '#ad5b00',
  veryHigh: '#873800',
} as const;
export type GlucoseRangeKey = keyof typeof RANGE_COLORS;
export const RANGE_KEYS: readonly GlucoseRangeKey[] = ['veryLow', 'low', 'inRange', 'high', 'veryHigh'];

export interface TimeChartText {
  formatAxis: (epochMs: number) => string;
  formatTime: (epochMs: number) => string;
  formatNumber: (value: number) => string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Oldest first, as a line is drawn. */
function chronological(readings: readonly Reading[]): Reading[] {
  return [...readings].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

type Point = [number, number];

interface AxisTooltipParam {
  seriesName?: string;
  value?: unknown;
  marker?: string;
}

/** "3月4日 08:30<br/>收缩压: 152 mmHg<br/>舒张压: 96 mmHg", escaped. */
function axisTooltip(text: TimeChartText, unit: string) {
  return (params: AxisTooltipParam | AxisTooltipParam[]) => {
    const list = Array.isArray(params) ? params : [params];
    const first = list[0]?.value;
    if (!Array.isArray(first)) return '';
    const lines = list
      .filter((p) => Array.isArray(p.value))
      .map((p) => {
        const [, y] = p.value as Point;
        return `${p.marker ?? ''}${escapeHtml(`${p.seriesName ?? ''}: ${text.formatNumber(y)} ${unit}`)}`;
      });
    return [escapeHtml(text.formatTime((first as Point)[0])), ...lines].join('<br/>');
  };
}

function timeAxis(text: TimeChartText, extent: readonly [number, number]) {
  return {
    type: 'time' as const,
    min: extent[0],
    max: extent[1],
    axisLabel: { color: AXIS_TEXT, hideOverlap: true, formatter: (value: number) => text.formatAxis(value) },
  };
}

function valueAxis(
  unit: string,
  text: Pick<TimeChartText, 'formatNumber'>,
  min?: number,
  max?: number,
  interval?: number,
) {
  return {
    type: 'value' as const,
    name: unit,
    min,
    max,
    interval,
    scale: true,
    nameTextStyle: { color: AXIS_TEXT },
    axisLabel: { color: AXIS_TEXT, formatter: (value: number) => text.formatNumber(value) },
  };
}

function symbolsFor(count: number) {
  return { showSymbol: count <= 200, symbolSize: count > 60 ? 4 : 6 };
}

export interface BpChartText extends TimeChartText {
  systolic: string;
  diastolic: string;
  /** "目标 <135" */
  systolicTarget: string;
  diastolicTarget: string;
}

/** Systolic and diastolic over the period with the home targets as dashed lines. */
export function bpChartOption(
  readings: readonly Reading[],
  text: BpChartText,
  extent: readonly [number, number],
) {
  const bp = chronological(readings).filter((r) => r.systolic !== null && r.diastolic !== null);
  const at = (r: Reading) => new Date(r.takenAt).getTime();
  const systolic: Point[] = bp.map((r) => [at(r), r.systolic ?? 0]);
  const diastolic: Point[] = bp.map((r) => [at(r), r.diastolic ?? 0]);
  const values = bp.flatMap((r) => [r.systolic ?? 0, r.diastolic ?? 0]);
  const low = Math.min(60, ...values);
  const high = Math.max(160, ...values);
  const targetLine = (value: number, label: string) => ({
    silent: true,
    symbol: 'none',
    lineStyle: { color: TARGET_COLOR, type: 'dashed' as const, width: 1.5 },
    label: { color: TARGET_COLOR, formatter: label, position: 'insideEndTop' as const },
    data: [{ yAxis: value }],
  });
  return {
    animation: false,
    aria: { enabled: false },
    grid: { left: 56, right: 32, top: 48, bottom: 40 },
    legend: { top: 8, data: [text.systolic, text.diastolic], textStyle: { color: AXIS_TEXT } },
    tooltip: { trigger: 'axis' as const, formatter: axisTooltip(text, 'mmHg') },
    xAxis: timeAxis(text, extent),
    // Whole steps of 20 mm Hg, wide enough to show both target lines whatever the readings.
    yAxis: valueAxis('mmHg', text, Math.floor((low - 10) / 20) * 20, Math.ceil((high + 10) / 20) * 20, 20),
    series: [
      {
        type: 'line' as const,
        name: text.systolic,
        data: systolic,
        ...symbolsFor(bp.length),
        lineStyle: { color: SYSTOLIC_COLOR, width: 2 },
        itemStyle: { color: SYSTOLIC_COLOR },
        markLine: targetLine(BP_TARGET.systolic, text.systolicTarget),
      },
      {
        type: 'line' as const,
        name: text.diastolic,
        data: diastolic,
        ...symbolsFor(bp.length),
        symbol: 'triangle',
        lineStyle: { color: DIASTOLIC_COLOR, width: 2 },
        itemStyle: { color: DIASTOLIC_COLOR },
        markLine: targetLine(BP_TARGET.diastolic, text.diastolicTarget),
      },
    ],
  };
}

/** The top of a glucose axis: a whole step of 3 mmol/L above the highest value and above the 10.0 limit. */
export function glucoseAxisMax(values: readonly number[]): number {
  return Math.ceil(Math.max(GLUCOSE_RANGE.high + 1, ...values) / 3) * 3;
}

/** The 3.9-10.0 band behind a glucose curve; its words are in the caption under the chart. */
function glucoseBand(name: string) {
  return {
    silent: true,
    itemStyle: { color: BAND_COLOR },
    label: { show: false },
    data: [[{ name, yAxis: GLUCOSE_RANGE.low }, { yAxis: GLUCOSE_RANGE.high }]],
  };
}

export interface SingleChartText extends TimeChartText {
  name: string;
  unit: string;
  /** The band's name ("目标范围 3.9–10.0"); only the glucose chart has one. */
  band?: string;
}

/** Glucose readings over the period on the 3.9-10.0 band. */
export function glucoseChartOption(
  readings: readonly Reading[],
  text: SingleChartText,
  extent: readonly [number, number],
) {
  const points: Point[] = chronological(readings)
    .filter((r) => r.value !== null)
    .map((r) => [new Date(r.takenAt).getTime(), r.value ?? 0]);
  const max = glucoseAxisMax(points.map((p) => p[1]));
  return {
    animation: false,
    aria: { enabled: false },
    grid: { left: 56, right: 32, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis' as const, formatter: axisTooltip(text, text.unit) },
    xAxis: timeAxis(text, extent),
    yAxis: valueAxis(text.unit, text, 0, max, 3),
    series: [
      {
        type: 'line' as const,
        name: text.name,
        data: points,
        ...symbolsFor(points.length),
        lineStyle: { color: GLUCOSE_COLOR, width: points.length > 200 ? 1 : 2 },
        itemStyle: { color: GLUCOSE_COLOR },
        markArea: glucoseBand(text.band ?? ''),
      },
    ],
  };
}

/** Weight over the period. */
export function weightChartOption(
  readings: readonly Reading[],
  text: SingleChartText,
  extent: readonly [number, number],
) {
  const points: Point[] = chronological(readings)
    .filter((r) => r.value !== null)
    .map((r) => [new Date(r.takenAt).getTime(), r.value ?? 0]);
  return {
    animation: false,
    aria: { enabled: false },
    grid: { left: 56, right: 32, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis' as const, formatter: axisTooltip(text, text.unit) },
    xAxis: timeAxis(text, extent),
    yAxis: valueAxis(text.unit, text),
    series: [
      {
        type: 'line' as const,
        name: text.name,
        data: points,
        ...symbolsFor(points.length),
        lineStyle: { color: WEIGHT_COLOR, width: 2 },
        itemStyle: { color: WEIGHT_COLOR },
      },
    ],
  };
}

export interface AgpChartText {
  median: string;
  iqr: string;
  outer: string;
  band: string;
  unit: string;
  formatNumber: (value: number) => string;
}

type AgpBin = GlucoseSummary['agp'][number];
type FullBin = { [K in keyof AgpBin]: NonNullable<AgpBin[K]> };

function complete(bin: AgpBin): bin is FullBin {
  return bin.p5 !== null && bin.p25 !== null && bin.p50 !== null && bin.p75 !== null && bin.p95 !== null;
}

/** The AGP bins that have all five percentiles, in time-of-day order. */
export function agpBins(agp: GlucoseSummary['agp']): FullBin[] {
  return agp.filter(complete).sort((a, b) => a.minute - b.minute);
}

/**
 * The ambulatory glucose profile: median line with the 25-75% and 5-95% bands by time of day. Bands are stacked
 * areas (an invisible lower edge, then the band's height), the way ECharts draws a band between two lines.
 */
export function agpChartOption(agp: GlucoseSummary['agp'], text: AgpChartText) {
  const bins = agpBins(agp);
  const at = (b: FullBin, value: number): Point => [b.minute, value];
  const max = glucoseAxisMax(bins.map((b) => b.p95));
  const edge = (stack: string, data: Point[]) => ({
    type: 'line' as const,
    stack,
    data,
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  });
  const band = (stack: string, name: string, data: Point[], color: string) => ({
    type: 'line' as const,
    name,
    stack,
    data,
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    areaStyle: { color },
    itemStyle: { color },
    tooltip: { show: false },
  });
  return {
    animation: false,
    aria: { enabled: false },
    grid: { left: 56, right: 32, top: 48, bottom: 40 },
    legend: { top: 8, data: [text.median, text.iqr, text.outer], textStyle: { color: AXIS_TEXT } },
    tooltip: {
      trigger: 'axis' as const,
      formatter: (params: AxisTooltipParam | AxisTooltipParam[]) => {
        const list = Array.isArray(params) ? params : [params];
        const point = list.find((p) => p.seriesName === text.median)?.value;
        if (!Array.isArray(point)) return '';
        const bin = bins.find((b) => b.minute === point[0]);
        if (!bin) return '';
        const n = text.formatNumber;
        return [
          escapeHtml(minuteOfDay(bin.minute)),
          escapeHtml(`${text.median}: ${n(bin.p50)} ${text.unit}`),
          escapeHtml(`${text.iqr}: ${n(bin.p25)}–${n(bin.p75)}`),
          escapeHtml(`${text.outer}: ${n(bin.p5)}–${n(bin.p95)}`),
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value' as const,
      min: 0,
      max: 1440,
      interval: 180,
      axisLabel: { color: AXIS_TEXT, formatter: (value: number) => minuteOfDay(value) },
    },
    // Whole steps of 3 mmol/L: the axis needs no decimals (the tooltip keeps one).
    yAxis: valueAxis(text.unit, { formatNumber: (value) => String(value) }, 0, max, 3),
    series: [
      edge(
        'outer',
        bins.map((b) => at(b, b.p5)),
      ),
      band(
        'outer',
        text.outer,
        bins.map((b) => at(b, b.p95 - b.p5)),
        'rgba(11, 92, 213, 0.14)',
      ),
      edge(
        'inner',
        bins.map((b) => at(b, b.p25)),
      ),
      band(
        'inner',
        text.iqr,
        bins.map((b) => at(b, b.p75 - b.p25)),
        'rgba(11, 92, 213, 0.32)',
      ),
      {
        type: 'line' as const,
        name: text.median,
        data: bins.map((b) => at(b, b.p50)),
        symbol: 'none',
        smooth: true,
        lineStyle: { color: '#0b3d91', width: 2.5 },
        itemStyle: { color: '#0b3d91' },
        markArea: glucoseBand(text.band),
      },
    ],
  };
}

export interface TirChartText {
  /** The names of the five ranges ("极低 <3.0", ...). */
  ranges: Record<GlucoseRangeKey, string>;
  formatPercent: (value: number) => string;
}

/** Time in ranges as one stacked bar, very low at the left, each share written on its segment when it fits. */
export function tirChartOption(percent: GlucoseSummary['percent'], text: TirChartText) {
  return {
    animation: false,
    aria: { enabled: false },
    // The list under the chart names the ranges and their shares, so the bar needs no legend of its own.
    grid: { left: 8, right: 8, top: 8, bottom: 8 },
    tooltip: { show: false },
    xAxis: { type: 'value' as const, min: 0, max: 100, show: false },
    yAxis: { type: 'category' as const, data: [''], show: false },
    series: RANGE_KEYS.map((key) => ({
      type: 'bar' as const,
      name: text.ranges[key],
      stack: 'tir',
      barWidth: 40,
      data: [percent[key]],
      itemStyle: { color: RANGE_COLORS[key] },
      label: {
        show: percent[key] >= 6,
        color: '#fff',
        formatter: () => text.formatPercent(percent[key]),
      },
    })),
  };
}
