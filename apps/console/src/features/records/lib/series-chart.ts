import { flagColor, isAbnormalFlag, flagView } from './flags';
import { displayUnit } from './format';
import type { ObservationFlagCode, RecordSource } from './record-types';
import { axisExtent } from './series-summary';

// The ECharts option of a health curve: one line per series over a time axis, each series' reference band shaded
// (markArea), abnormal points coloured and shaped (triangle up for high, down for low, diamond for critical) so
// colour is not the only signal. Used for one analyte, or systolic and diastolic together.

export interface CurvePoint {
  id: string;
  at: string;
  value: number;
  flag: ObservationFlagCode | null;
  source: RecordSource;
}

export interface CurveSeries {
  name: string;
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
  points: readonly CurvePoint[];
}

export interface CurveLabels {
  /** The band's name, e.g. 参考范围. */
  reference: string;
  language: string;
  formatAxis: (epochMs: number) => string;
  formatTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  flagText: (flag: ObservationFlagCode) => string;
  sourceText: (source: RecordSource) => string;
}

const LINE_COLORS = ['#0b5cd5', '#5b2c98'];
const BAND_COLORS = ['rgba(35, 120, 4, 0.12)', 'rgba(35, 120, 4, 0.08)'];
const AXIS_TEXT = 'rgba(0, 0, 0, 0.75)';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

interface PointDatum {
  value: [number, number];
  at: string;
  flag: ObservationFlagCode | null;
  source: RecordSource;
  symbol: string;
  symbolSize: number;
  symbolRotate: number;
  itemStyle: { color: string };
}

function pointDatum(point: CurvePoint, lineColor: string, many: boolean): PointDatum {
  const abnormal = isAbnormalFlag(point.flag);
  const view = flagView(point.flag);
  const critical = view?.critical ?? false;
  return {
    value: [new Date(point.at).getTime(), point.value],
    at: point.at,
    flag: point.flag,
    source: point.source,
    symbol: !abnormal ? 'circle' : critical ? 'diamond' : view?.direction === 'none' ? 'rect' : 'triangle',
    symbolSize: abnormal ? (critical ? 14 : 11) : many ? 5 : 7,
    symbolRotate: view?.direction === 'down' ? 180 : 0,
    itemStyle: { color: abnormal ? flagColor(point.flag) : lineColor },
  };
}

/** The tooltip of one point: time, series, value with unit, flag in words, source. HTML-escaped throughout. */
export function tooltipHtml(series: CurveSeries, datum: PointDatum, labels: CurveLabels): string {
  const value = `${labels.formatNumber(datum.value[1])}${series.unit ? ` ${displayUnit(series.unit)}` : ''}`;
  const flag =
    datum.flag && datum.flag !== 'N'
      ? ` (${flagView(datum.flag)?.arrow ?? ''} ${labels.flagText(datum.flag)})`
      : '';
  return [
    escapeHtml(labels.formatTime(datum.at)),
    `<strong>${escapeHtml(series.name)}: ${escapeHtml(value + flag)}</strong>`,
    escapeHtml(labels.sourceText(datum.source)),
  ].join('<br/>');
}

/** `xExtent`: the time axis from and to (epoch ms), e.g. the chosen period; else the data decides. */
export function curveChartOption(
  series: readonly CurveSeries[],
  labels: CurveLabels,
  xExtent?: readonly [number, number],
) {
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const lows = series.map((s) => s.referenceLow).filter((v): v is number => v !== null);
  const highs = series.map((s) => s.referenceHigh).filter((v): v is number => v !== null);
  const [yMin, yMax] = axisExtent(
    values,
    lows.length ? Math.min(...lows) : null,
    highs.length ? Math.max(...highs) : null,
  );
  const unit = displayUnit(series[0]?.unit);
  const many = values.length > 120;
  return {
    animation: false,
    aria: { enabled: false },
    grid: { left: 56, right: 32, top: series.length > 1 ? 56 : 40, bottom: 40 },
    legend:
      series.length > 1
        ? { top: 8, data: series.map((s) => s.name), textStyle: { color: AXIS_TEXT } }
        : undefined,
    tooltip: {
      trigger: 'item',
      formatter: (params: { seriesIndex?: number; data?: unknown }) => {
        const line = series[params.seriesIndex ?? 0];
        const datum = params.data as PointDatum | undefined;
        return line && datum && Array.isArray(datum.value) ? tooltipHtml(line, datum, labels) : '';
      },
    },
    xAxis: {
      type: 'time',
      min: xExtent?.[0],
      max: xExtent?.[1],
      axisLabel: {
        color: AXIS_TEXT,
        formatter: (value: number) => labels.formatAxis(value),
        hideOverlap: true,
      },
    },
    yAxis: {
      type: 'value',
      name: unit,
      min: yMin,
      max: yMax,
      axisLabel: { color: AXIS_TEXT, formatter: (value: number) => labels.formatNumber(value) },
      nameTextStyle: { color: AXIS_TEXT },
    },
    series: series.map((s, i) => {
      const color = LINE_COLORS[i % LINE_COLORS.length] ?? '#0b5cd5';
      const hasBand = s.referenceLow !== null || s.referenceHigh !== null;
      return {
        type: 'line',
        name: s.name,
        showAllSymbol: true,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        data: s.points.map((p) => pointDatum(p, color, many)),
        markArea: {
          silent: true,
          itemStyle: { color: BAND_COLORS[i % BAND_COLORS.length] },
          label: { color: '#237804', position: 'insideTopRight' },
          data: hasBand
            ? [
                [
                  {
                    name: series.length > 1 ? `${s.name} ${labels.reference}` : labels.reference,
                    yAxis: s.referenceLow ?? yMin,
                  },
                  { yAxis: s.referenceHigh ?? yMax },
                ],
              ]
            : [],
        },
      };
    }),
  };
}
