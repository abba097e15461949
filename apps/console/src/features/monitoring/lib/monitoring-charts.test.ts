import type { Reading } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import {
  agpBins,
  agpChartOption,
  bpChartOption,
  escapeHtml,
  glucoseAxisMax,
  tirChartOption,
} from './monitoring-charts';

const text = {
  formatAxis: (ms: number) => String(ms),
  formatTime: (ms: number) => new Date(ms).toISOString(),
  formatNumber: (value: number) => String(value),
};

function bp(at: string, systolic: number, diastolic: number): Reading {
  return {
    id: at,
    type: 'blood-pressure',
    takenAt: at,
    endAt: null,
    systolic,
    diastolic,
    pulse: null,
    value: null,
    unit: 'mm[Hg]',
    context: null,
    source: 'device',
    deviceId: null,
    flag: null,
  };
}

const bin = (minute: number, p50: number | null) => ({
  minute,
  count: 10,
  p5: p50 === null ? null : p50 - 2,
  p25: p50 === null ? null : p50 - 1,
  p50,
  p75: p50 === null ? null : p50 + 1,
  p95: p50 === null ? null : p50 + 3,
});

describe('monitoring charts', () => {
  it('draws blood pressure oldest first with the 135/85 home targets as lines', () => {
    const option = bpChartOption(
      [bp('2025-03-05T08:00:00Z', 150, 95), bp('2025-03-04T08:00:00Z', 130, 80)],
      { ...text, systolic: 'SBP', diastolic: 'DBP', systolicTarget: '135', diastolicTarget: '85' },
      [0, 1],
    );
    const [systolic, diastolic] = option.series;
    expect(systolic?.data.map((p) => p[1])).toEqual([130, 150]);
    expect(diastolic?.data.map((p) => p[1])).toEqual([80, 95]);
    expect(systolic?.markLine.data).toEqual([{ yAxis: 135 }]);
    expect(diastolic?.markLine.data).toEqual([{ yAxis: 85 }]);
  });

  it('keeps only the AGP bins with all five percentiles, by time of day', () => {
    const bins = agpBins([bin(60, 7), bin(0, 6), bin(30, null)]);
    expect(bins.map((b) => b.minute)).toEqual([0, 60]);
  });

  it('draws the AGP bands as a lower edge plus the band height', () => {
    const option = agpChartOption([bin(0, 6)], {
      median: 'median',
      iqr: '25-75',
      outer: '5-95',
      band: 'range',
      unit: 'mmol/L',
      formatNumber: String,
    });
    const data = option.series.map((s) => s.data[0]);
    // 5% edge 4, 5-95 height 5 (4..9), 25% edge 5, 25-75 height 2 (5..7), median 6.
    expect(data).toEqual([
      [0, 4],
      [0, 5],
      [0, 5],
      [0, 2],
      [0, 6],
    ]);
  });

  it('stacks the five glucose ranges from very low to very high', () => {
    const option = tirChartOption(
      { veryLow: 1, low: 3, inRange: 70, high: 20, veryHigh: 6 },
      {
        ranges: { veryLow: 'VL', low: 'L', inRange: 'IR', high: 'H', veryHigh: 'VH' },
        formatPercent: (v) => `${v}%`,
      },
    );
    expect(option.series.map((s) => [s.name, s.data[0]])).toEqual([
      ['VL', 1],
      ['L', 3],
      ['IR', 70],
      ['H', 20],
      ['VH', 6],
    ]);
    expect(option.series.map((s) => s.label.show)).toEqual([false, false, true, true, true]);
  });

  it('tops a glucose axis at a step of 3 above the readings and the range', () => {
    expect(glucoseAxisMax([7, 8])).toBe(12);
    expect(glucoseAxisMax([16.2])).toBe(18);
  });

  it('escapes text put into tooltips', () => {
    expect(escapeHtml('<b>"x"</b>')).toBe('&#60;b&#62;&#34;x&#34;&#60;/b&#62;');
  });
});
