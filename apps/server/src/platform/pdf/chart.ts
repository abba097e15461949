import { COLORS } from './blocks.ts';
import type { PdfNode, TrendSeriesView } from './types.ts';

// A small vector line chart of one item over time, drawn with pdfmake canvas primitives: the reference band shaded,
// the values joined by a line, out-of-range points in the "high" colour, dates on a time-scaled x axis. Text labels
// are detached nodes positioned relative to the chart's top-left corner, laid before the canvas that takes the space.

const PAD = { left: 34, right: 10, top: 12, bottom: 16 };
/** Space between the frame and the first and last points, so their labels clear the axis labels. */
const INSET = 16;
const LABEL_SIZE = 6.5;
const DAY_MS = 86_400_000;

interface Point {
  time: number;
  date: string;
  value: number;
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
}

/** Decimals to print the series with: as many as its most precise value has, at most two. */
function decimalsOf(values: number[]): number {
  return Math.min(2, Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length)));
}

function textAt(text: string, x: number, y: number, options: object = {}): PdfNode {
  return { text, fontSize: LABEL_SIZE, color: COLORS.muted, relativePosition: { x, y }, ...options };
}

/** Right-aligned text ending at `right`: a fixed-width column gives pdfmake a box to align in. */
function rightAlignedAt(text: string, right: number, y: number): PdfNode {
  return {
    columns: [{ width: right, text, alignment: 'right', fontSize: LABEL_SIZE, color: COLORS.muted }],
    relativePosition: { x: 0, y },
  };
}

/**
 * The chart of one series, `width` x `height` points, with its title above; null when it has no finite value.
 * The caller keeps it on one page (keepTogether), once for a whole row of charts.
 */
export function trendChart(series: TrendSeriesView, width: number, height = 118): PdfNode | null {
  const points: Point[] = series.points
    .map((p) => ({ time: Date.parse(`${p.date}T00:00:00Z`), date: p.date, value: p.value }))
    .filter((p) => Number.isFinite(p.value) && Number.isFinite(p.time))
    .sort((a, b) => a.time - b.time);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;

  const low = series.referenceLow ?? null;
  const high = series.referenceHigh ?? null;
  const bounds = [
    ...points.map((p) => p.value),
    ...(low === null ? [] : [low]),
    ...(high === null ? [] : [high]),
  ];
  let min = Math.min(...bounds);
  let max = Math.max(...bounds);
  const span = max - min || Math.abs(max) || 1;
  min -= span * 0.15;
  max += span * 0.15;

  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const timeSpan = Math.max(last.time - first.time, DAY_MS);
  const x = (time: number) =>
    points.length === 1
      ? PAD.left + plotW / 2
      : PAD.left + INSET + ((time - first.time) / timeSpan) * (plotW - 2 * INSET);
  const y = (value: number) => PAD.top + ((max - value) / (max - min)) * plotH;
  const outside = (v: number) => (low !== null && v < low) || (high !== null && v > high);

  const canvas: object[] = [];
  const labels: PdfNode[] = [];
  if (low !== null || high !== null) {
    const top = high === null ? PAD.top : y(high);
    const bottom = low === null ? PAD.top + plotH : y(low);
    canvas.push({ type: 'rect', x: PAD.left, y: top, w: plotW, h: bottom - top, color: COLORS.band });
  }

  const step = niceStep(max - min, 4);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let tick = Math.ceil(min / step) * step; tick <= max; tick += step) {
    const ty = y(tick);
    canvas.push({
      type: 'line',
      x1: PAD.left,
      y1: ty,
      x2: PAD.left + plotW,
      y2: ty,
      lineWidth: 0.3,
      lineColor: COLORS.rule,
    });
    labels.push(rightAlignedAt(tick.toFixed(decimals), PAD.left - 3, ty - LABEL_SIZE * 0.75));
  }
  canvas.push({
    type: 'rect',
    x: PAD.left,
    y: PAD.top,
    w: plotW,
    h: plotH,
    lineWidth: 0.6,
    lineColor: COLORS.rule,
  });

  // Segments rather than one polyline: pdfmake 0.3 copies vectors shallowly when it moves an unbreakable block to
  // the next page, so a polyline's shared points get offset twice and the line lands on the wrong page.
  points.slice(1).forEach((p, i) => {
    const from = points[i]!;
    canvas.push({
      type: 'line',
      x1: x(from.time),
      y1: y(from.value),
      x2: x(p.time),
      y2: y(p.value),
      lineWidth: 1.4,
      lineColor: COLORS.accent,
      lineCap: 'round',
    });
  });
  for (const p of points) {
    const color = outside(p.value) ? COLORS.high : COLORS.accent;
    canvas.push({ type: 'ellipse', x: x(p.time), y: y(p.value), r1: 2.3, r2: 2.3, color });
  }

  // Value labels above the points when they fit; dates under the axis, skipping any that would overlap.
  const valueLabels = points.length <= 6 ? points : [last];
  const valueDecimals = decimalsOf(points.map((p) => p.value));
  for (const p of valueLabels) {
    const text = p.value.toFixed(valueDecimals);
    labels.push(textAt(text, x(p.time) - text.length * 1.7, y(p.value) - 10, { color: COLORS.ink }));
  }
  let lastLabelRight = -Infinity;
  const dateWidth = 34;
  for (const p of points) {
    const left = Math.min(Math.max(x(p.time) - dateWidth / 2, PAD.left - 6), width - dateWidth);
    const isLast = p === last;
    if (left < lastLabelRight + 4 && !isLast) continue;
    if (left < lastLabelRight + 4 && isLast) labels.pop();
    labels.push(textAt(p.date, left, PAD.top + plotH + 3));
    lastLabelRight = left + dateWidth;
  }

  const title = series.unit ? `${series.name} (${series.unit})` : series.name;
  return {
    width,
    stack: [
      { text: title, bold: true, fontSize: 8.5, margin: [0, 0, 0, 2] },
      { stack: [...labels, { canvas, margin: [0, 0, 0, PAD.bottom] }] },
    ],
    margin: [0, 4, 0, 8],
  };
}
