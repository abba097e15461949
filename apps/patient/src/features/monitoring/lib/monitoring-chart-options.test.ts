import { describe, expect, it } from 'vitest';
import {
  buildMonitoringOption,
  DENSE_POINTS,
  tooltipText,
  valueBounds,
  type ChartSpec,
} from './monitoring-chart-options.ts';

const from = Date.parse('2025-03-01T00:00:00Z');
const to = Date.parse('2025-03-15T00:00:00Z');

const bp: ChartSpec = {
  lines: [
    {
      name: 'Systolic',
      points: [
        { at: '2025-03-02T07:00:00Z', value: 128 },
        { at: '2025-03-03T07:00:00Z', value: 142 },
      ],
    },
    {
      name: 'Diastolic',
      points: [
        { at: '2025-03-02T07:00:00Z', value: 82 },
        { at: '2025-03-03T07:00:00Z', value: 88 },
      ],
    },
  ],
  unit: 'mmHg',
  targets: [
    { value: 135, label: 'Target 135' },
    { value: 85, label: 'Target 85' },
  ],
  from,
  to,
};

describe('buildMonitoringOption', () => {
  it('draws the home BP targets as dashed lines on the first series', () => {
    const option = buildMonitoringOption(bp, { locale: 'en-US', elder: false });
    const series = option.series as { markLine?: { data: { yAxis: number; name: string }[] } }[];
    expect(series[0]?.markLine?.data).toEqual([
      { yAxis: 135, name: 'Target 135' },
      { yAxis: 85, name: 'Target 85' },
    ]);
    expect(series[1]?.markLine).toBeUndefined();
  });

  it('shades the glucose target band', () => {
    const spec: ChartSpec = {
      lines: [{ name: 'Glucose', points: [{ at: '2025-03-02T07:00:00Z', value: 6 }] }],
      unit: 'mmol/L',
      band: { low: 3.9, high: 10, label: 'Target range 3.9–10' },
      from,
      to,
    };
    const option = buildMonitoringOption(spec, { locale: 'en-US', elder: false });
    const series = option.series as { markArea?: { data: unknown } }[];
    expect(series[0]?.markArea?.data).toEqual([[{ yAxis: 3.9, name: 'Target range 3.9–10' }, { yAxis: 10 }]]);
  });

  it('keeps the period on the time axis and the targets inside the value axis', () => {
    const option = buildMonitoringOption(bp, { locale: 'en-US', elder: false });
    expect(option.xAxis).toMatchObject({ min: from, max: to });
    const bounds = valueBounds({
      ...bp,
      lines: [{ name: 'S', points: [{ at: '2025-03-02T07:00:00Z', value: 120 }] }],
    });
    expect(bounds!.min).toBeLessThanOrEqual(85);
    expect(bounds!.max).toBeGreaterThanOrEqual(135);
  });

  it('drops markers from a dense sensor line and uses larger text in elder mode', () => {
    const points = Array.from({ length: DENSE_POINTS + 1 }, (_, i) => ({
      at: new Date(from + i * 300_000).toISOString(),
      value: 6,
    }));
    const option = buildMonitoringOption(
      { lines: [{ name: 'Glucose', points }], unit: 'mmol/L', from, to },
      { locale: 'en-US', elder: true },
    );
    const series = option.series as { showSymbol?: boolean }[];
    expect(series[0]?.showSymbol).toBe(false);
    expect(option.xAxis).toMatchObject({ axisLabel: { fontSize: 16 } });
  });

  it('writes the tooltip with the values and unit, escaping names', () => {
    const text = tooltipText(
      { ...bp, lines: [{ name: '<b>S', points: bp.lines[0]!.points }] },
      [{ seriesIndex: 0, dataIndex: 1 }],
      'en-US',
    );
    expect(text).toContain('&#60;b&#62;S: <b>142 mmHg</b>');
  });
});
