import { describe, expect, it } from 'vitest';
import {
  curveChartOption,
  escapeHtml,
  tooltipHtml,
  type CurveLabels,
  type CurveSeries,
} from './series-chart';
import { axisExtent, seriesSummary, trendDirection } from './series-summary';
import { defaultTrendCode } from './default-code';
import { HIGH_COLOR, LOW_COLOR, NORMAL_COLOR } from './flags';

const labels: CurveLabels = {
  reference: '参考范围',
  language: 'zh-CN',
  formatAxis: (ms) => new Date(ms).toISOString().slice(0, 10),
  formatTime: (iso) => iso,
  formatNumber: (v) => String(v),
  flagText: (f) => `flag-${f}`,
  sourceText: (s) => `source-${s}`,
};

const glucose: CurveSeries = {
  name: '空腹血糖',
  unit: 'mmol/L',
  referenceLow: 3.9,
  referenceHigh: 6.1,
  points: [
    { id: 'a', at: '2024-01-01T00:00:00Z', value: 5.2, flag: 'N', source: 'lab' },
    { id: 'b', at: '2024-06-01T00:00:00Z', value: 6.8, flag: 'H', source: 'checkup' },
    { id: 'c', at: '2024-09-01T00:00:00Z', value: 3.1, flag: 'L', source: 'self' },
    { id: 'd', at: '2025-01-01T00:00:00Z', value: 7.4, flag: 'H', source: 'device' },
  ],
};

describe('curve chart option', () => {
  const option = curveChartOption([glucose], labels);
  const series = option.series[0]!;

  it('shades the reference band between low and high', () => {
    expect(series.markArea.data).toEqual([[{ name: '参考范围', yAxis: 3.9 }, { yAxis: 6.1 }]]);
  });

  it('colours and shapes abnormal points: red up triangles for high, orange down ones for low', () => {
    const [normal, high, low] = series.data;
    expect(normal).toMatchObject({ symbol: 'circle', itemStyle: { color: NORMAL_COLOR } });
    expect(high).toMatchObject({ symbol: 'triangle', symbolRotate: 0, itemStyle: { color: HIGH_COLOR } });
    expect(low).toMatchObject({ symbol: 'triangle', symbolRotate: 180, itemStyle: { color: LOW_COLOR } });
  });

  it('puts points on a time axis and keeps the band and every value inside the y-axis', () => {
    expect(option.xAxis.type).toBe('time');
    expect(series.data[0]!.value).toEqual([Date.parse('2024-01-01T00:00:00Z'), 5.2]);
    expect(option.yAxis.min).toBeLessThanOrEqual(3.1);
    expect(option.yAxis.max).toBeGreaterThanOrEqual(7.4);
  });

  it('draws no band when the series has no range, and a legend only for two series', () => {
    const bare = curveChartOption([{ ...glucose, referenceLow: null, referenceHigh: null }], labels);
    expect(bare.series[0]!.markArea.data).toEqual([]);
    expect(bare.legend).toBeUndefined();
    const bp = curveChartOption([glucose, { ...glucose, name: '舒张压' }], labels);
    expect(bp.legend?.data).toEqual(['空腹血糖', '舒张压']);
    expect(bp.series[1]!.markArea.data[0]![0]!.name).toBe('舒张压 参考范围');
  });

  it('writes the tooltip with value, unit, flag and source, escaping names', () => {
    const html = tooltipHtml({ ...glucose, name: '<b>x</b>' }, series.data[1]!, labels);
    expect(html).toContain('&#60;b&#62;x&#60;/b&#62;: 6.8 mmol/L (↑ flag-H)');
    expect(html).toContain('source-checkup');
    expect(escapeHtml('"a" & \'b\'')).toBe('&#34;a&#34; &#38; &#39;b&#39;');
  });
});

describe('series summary', () => {
  it('gives latest, range, direction and the abnormal count', () => {
    expect(seriesSummary(glucose.points)).toMatchObject({
      count: 4,
      latest: { value: 7.4, flag: 'H' },
      min: 3.1,
      max: 7.4,
      abnormalCount: 3,
    });
    expect(seriesSummary([])).toBeNull();
  });

  it('reads the direction from the fitted line, with small changes as stable', () => {
    const at = (d: number) => new Date(Date.UTC(2024, 0, d)).toISOString();
    expect(trendDirection([{ at: at(1), value: 5 }])).toBe('single');
    expect(trendDirection([1, 2, 3, 4].map((d) => ({ at: at(d), value: 5 + d })))).toBe('rising');
    expect(trendDirection([1, 2, 3, 4].map((d) => ({ at: at(d), value: 10 - d })))).toBe('falling');
    expect(trendDirection([1, 2, 3, 4].map((d) => ({ at: at(d), value: 120 + (d % 2) })))).toBe('stable');
  });

  it('pads the axis to round steps and never goes below zero for positive quantities', () => {
    expect(axisExtent([6.2, 7.4], 3.9, 6.1)).toEqual([3, 8]);
    expect(axisExtent([128, 150], 90, 139)).toEqual([80, 160]);
    expect(axisExtent([5, 6], 3.9, 6.1)[0]).toBeGreaterThanOrEqual(0);
    expect(axisExtent([], null, null)).toEqual([0, 1]);
    const [min, max] = axisExtent([-2, 2], null, null);
    expect(min).toBeLessThan(-2);
    expect(max).toBeGreaterThan(2);
  });
});

describe('default trend', () => {
  const code = (c: string, flag: 'H' | 'N' | null, at: string, numeric = true, count = 1) => ({
    code: c,
    codeSystem: 'loinc' as const,
    name: c,
    unit: null,
    count,
    numeric,
    latest: { value: 1, valueText: null, flag, at },
  });

  it('opens the latest abnormal item first, then glucose, then the item with most values', () => {
    expect(
      defaultTrendCode([
        code('2093-3', 'H', '2024-01-01T00:00:00Z'),
        code('4548-4', 'H', '2025-01-01T00:00:00Z'),
      ]),
    ).toBe('4548-4');
    expect(
      defaultTrendCode([
        code('8867-4', 'N', '2025-01-01T00:00:00Z', true, 9),
        code('14771-0', 'N', '2024-01-01T00:00:00Z'),
      ]),
    ).toBe('14771-0');
    expect(defaultTrendCode([code('8867-4', 'N', 'x', true, 2), code('29463-7', null, 'x', true, 9)])).toBe(
      '29463-7',
    );
    expect(defaultTrendCode([code('local-1', null, 'x', false)])).toBe('local-1');
    expect(defaultTrendCode([])).toBeNull();
  });
});
