import type { CheckupTrend } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { ABNORMAL_COLOR, NORMAL_COLOR, axisExtent, trendChartOption, trendSummary } from './trend-chart';

const trend = (
  values: number[],
  refLow: number | null = 3.9,
  refHigh: number | null = 6.1,
): CheckupTrend => ({
  code: '14771-0',
  name: '空腹血糖',
  unit: 'mmol/L',
  refLow,
  refHigh,
  points: values.map((value, i) => ({
    reportId: null,
    at: `202${i}-03-01T08:00:00+08:00`,
    value,
  })),
});

const labels = { reference: '参考范围', formatDate: (iso: string) => iso.slice(0, 10) };

describe('checkup trend chart', () => {
  it('shades the reference range as a band between low and high', () => {
    const option = trendChartOption(trend([5.2, 6.5]), labels);
    const band = option.series[0]?.markArea.data[0];
    expect(band).toEqual([{ name: '参考范围', yAxis: 3.9 }, { yAxis: 6.1 }]);
  });

  it('runs a one-sided band to the edge of the axis', () => {
    const option = trendChartOption(trend([4.8, 5.6], null, 5.2), labels);
    expect(option.series[0]?.markArea.data[0]).toEqual([
      { name: '参考范围', yAxis: option.yAxis.min },
      { yAxis: 5.2 },
    ]);
  });

  it('draws no band when there is no range', () => {
    expect(trendChartOption(trend([1, 2], null, null), labels).series[0]?.markArea.data).toEqual([]);
  });

  it('colours and reshapes points outside the range', () => {
    const data = trendChartOption(trend([5.2, 6.5, 3.1]), labels).series[0]?.data ?? [];
    expect(data.map((d) => [d.itemStyle.color, d.symbol])).toEqual([
      [NORMAL_COLOR, 'circle'],
      [ABNORMAL_COLOR, 'triangle'],
      [ABNORMAL_COLOR, 'triangle'],
    ]);
  });

  it('labels the x-axis with localized dates and the y-axis with the unit', () => {
    const option = trendChartOption(trend([5, 6]), labels);
    expect(option.xAxis.data).toEqual(['2020-03-01', '2021-03-01']);
    expect(option.yAxis.name).toBe('mmol/L');
  });

  it('keeps every value and the band on the axis, without going below zero for positive quantities', () => {
    const [min, max] = axisExtent([5.2, 9.8], 3.9, 6.1);
    expect(min).toBeLessThanOrEqual(3.9);
    expect(max).toBeGreaterThanOrEqual(9.8);
    expect(axisExtent([0.2, 0.4], 0, 0.5)[0]).toBe(0);
    expect(axisExtent([5, 5], null, null)).toEqual([4, 6]);
  });

  it('ends the axis on readable steps', () => {
    expect(axisExtent([5.6, 6.5], 3.9, 6.1)).toEqual([3.5, 7]);
    expect(axisExtent([128, 152], 90, 140)).toEqual([80, 165]);
  });

  it('summarises the latest value, the range and the direction for screen readers', () => {
    expect(trendSummary(trend([5.2, 5.9, 6.5]))).toEqual({
      latest: 6.5,
      latestAt: '2022-03-01T08:00:00+08:00',
      min: 5.2,
      max: 6.5,
      direction: 'rising',
      abnormalCount: 1,
    });
    expect(trendSummary(trend([6.0, 6.1]))?.direction).toBe('stable');
    expect(trendSummary(trend([7.5, 6.0]))?.direction).toBe('falling');
    expect(trendSummary(trend([7.5]))?.direction).toBe('single');
    expect(trendSummary(trend([]))).toBeNull();
  });
});
