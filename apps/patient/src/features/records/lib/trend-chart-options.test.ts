import { describe, expect, it } from 'vitest';
import {
  axisDateLabel,
  buildTrendOption,
  formatRange,
  pointStyle,
  referenceBand,
  timeAxisBounds,
  tooltipText,
  valueAxisBounds,
  type TrendChartText,
  type TrendSeries,
} from './trend-chart-options.ts';

const text: TrendChartText = {
  locale: 'zh-CN',
  flag: (f) => ({ H: '偏高', HH: '危急偏高', L: '偏低', LL: '危急偏低', A: '异常', N: '正常' })[f],
  referenceRange: '参考范围',
};

const glucose: TrendSeries = {
  code: '14771-0',
  name: '空腹血糖',
  unit: 'mmol/L',
  referenceLow: 3.9,
  referenceHigh: 6.1,
  points: [
    { id: 'a', at: '2025-01-10T00:00:00Z', value: 5.2, flag: 'N' },
    { id: 'b', at: '2025-06-10T00:00:00Z', value: 6.5, flag: 'H' },
    { id: 'c', at: '2025-09-10T00:00:00Z', value: 3.1, flag: 'L' },
  ],
};

const systolic: TrendSeries = {
  code: '8480-6',
  name: '收缩压',
  unit: 'mm[Hg]',
  referenceLow: 90,
  referenceHigh: 140,
  points: [{ id: 's', at: '2025-09-10T08:00:00Z', value: 152, flag: 'H' }],
};
const diastolic: TrendSeries = {
  code: '8462-4',
  name: '舒张压',
  unit: 'mm[Hg]',
  referenceLow: 60,
  referenceHigh: 90,
  points: [{ id: 'd', at: '2025-09-10T08:00:00Z', value: 95, flag: 'H' }],
};

type LineData = {
  value: [number, number];
  symbol: string;
  symbolRotate: number;
  itemStyle: { color: string };
};
type Line = { data: LineData[]; markArea?: { data: [{ yAxis: number }, { yAxis: number }][] } };

function lines(option: ReturnType<typeof buildTrendOption>): Line[] {
  return option.series as unknown as Line[];
}

describe('buildTrendOption', () => {
  it('shades the reference band between low and high', () => {
    const [line] = lines(buildTrendOption([glucose], text, { elder: false }));
    expect(line?.markArea?.data).toEqual([[{ yAxis: 3.9 }, { yAxis: 6.1 }]]);
  });

  it('marks high points as red upward triangles and low points as downward triangles', () => {
    const [line] = lines(buildTrendOption([glucose], text, { elder: false }));
    const [normal, high, low] = line?.data ?? [];
    expect(normal).toMatchObject({ symbol: 'circle', itemStyle: { color: '#0b5cd5' } });
    expect(high).toMatchObject({ symbol: 'triangle', symbolRotate: 0, itemStyle: { color: '#c41d2b' } });
    expect(low).toMatchObject({ symbol: 'triangle', symbolRotate: 180, itemStyle: { color: '#ad4e00' } });
  });

  it('puts the points on a time axis in time order', () => {
    const [line] = lines(buildTrendOption([glucose], text, { elder: false }));
    expect(line?.data.map((d) => d.value)).toEqual([
      [Date.parse('2025-01-10T00:00:00Z'), 5.2],
      [Date.parse('2025-06-10T00:00:00Z'), 6.5],
      [Date.parse('2025-09-10T00:00:00Z'), 3.1],
    ]);
  });

  it('draws systolic and diastolic together, each with its own band, with a legend', () => {
    const option = buildTrendOption([systolic, diastolic], text, { elder: false });
    const [sys, dia] = lines(option);
    expect(sys?.markArea?.data).toEqual([[{ yAxis: 90 }, { yAxis: 140 }]]);
    expect(dia?.markArea?.data).toEqual([[{ yAxis: 60 }, { yAxis: 90 }]]);
    expect(option.legend).toBeDefined();
    expect(option.yAxis).toMatchObject({ min: 50, max: 175 });
  });

  it('marks only the abnormal points of a long series', () => {
    const many = {
      ...glucose,
      points: Array.from({ length: 80 }, (_, i) => ({
        id: String(i),
        at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
        value: i === 40 ? 7.5 : 5.5,
        flag: i === 40 ? ('H' as const) : ('N' as const),
      })),
    };
    const data = lines(buildTrendOption([many], text, { elder: false }))[0]?.data ?? [];
    expect(data.filter((d) => d.symbol !== 'none')).toHaveLength(1);
    expect(data[40]?.symbol).toBe('triangle');
  });

  it('has no band when the item has no reference range', () => {
    const plain = { ...glucose, referenceLow: null, referenceHigh: null };
    expect(lines(buildTrendOption([plain], text, { elder: false }))[0]?.markArea).toBeUndefined();
  });

  it('draws bigger symbols in elder mode', () => {
    type Sized = { symbolSize: number };
    const normal = lines(buildTrendOption([glucose], text, { elder: false }))[0]?.data[0] as unknown as Sized;
    const elder = lines(buildTrendOption([glucose], text, { elder: true }))[0]?.data[0] as unknown as Sized;
    expect(elder.symbolSize).toBeGreaterThan(normal.symbolSize);
  });
});

describe('valueAxisBounds', () => {
  it('covers every point and both reference limits', () => {
    const bounds = valueAxisBounds([glucose]);
    expect(bounds?.min).toBeLessThanOrEqual(3.1);
    expect(bounds?.max).toBeGreaterThanOrEqual(6.5);
  });

  it('keeps a measurement that cannot be negative at zero or above', () => {
    const bounds = valueAxisBounds([
      { ...glucose, points: [{ id: 'x', at: '2025-01-01T00:00:00Z', value: 0.2, flag: 'L' }] },
    ]);
    expect(bounds?.min).toBeGreaterThanOrEqual(0);
  });

  it('has nothing to bound without points or limits', () => {
    expect(valueAxisBounds([{ ...glucose, points: [], referenceLow: null, referenceHigh: null }])).toBeNull();
  });
});

describe('referenceBand', () => {
  it('shades a one-sided range to the edge of the axis', () => {
    const hdl = { ...glucose, referenceLow: 1.0, referenceHigh: null };
    expect(referenceBand(hdl, { min: 0, max: 3 })).toEqual([1.0, 3]);
  });
});

describe('tooltipText', () => {
  it('names the value with its unit, the flag in words and the reference range', () => {
    const html = tooltipText([glucose], [{ seriesIndex: 0, dataIndex: 1 }], text);
    expect(html).toContain('空腹血糖: <b>6.5 mmol/L</b> (偏高)');
    expect(html).toContain('参考范围 3.9–6.1');
  });

  it('escapes names so they cannot inject markup', () => {
    const html = tooltipText([{ ...glucose, name: '<img src=x>' }], [{ seriesIndex: 0, dataIndex: 0 }], text);
    expect(html).not.toContain('<img');
  });

  it('is empty for a point that does not exist', () => {
    expect(tooltipText([glucose], [{ seriesIndex: 3, dataIndex: 0 }], text)).toBe('');
  });
});

describe('labels', () => {
  it('formats ranges, one-sided ranges and axis dates in the reader language', () => {
    expect(formatRange(3.9, 6.1, 'en-US')).toBe('3.9–6.1');
    expect(formatRange(1, null, 'en-US')).toBe('≥ 1');
    expect(formatRange(null, 5.2, 'en-US')).toBe('≤ 5.2');
    expect(formatRange(null, null, 'en-US')).toBeNull();
    expect(axisDateLabel(Date.UTC(2025, 5, 10, 12), 'en-US', false)).toBe('6/10');
    expect(axisDateLabel(Date.UTC(2025, 5, 10, 12), 'zh-CN', false)).toBe('6/10');
    expect(axisDateLabel(Date.UTC(2025, 5, 10, 12), 'zh-CN', true)).toBe('25年6月');
    expect(axisDateLabel(Date.UTC(2025, 5, 10, 12), 'en-US', true)).toBe('Jun 25');
  });

  it('gives critical values a bigger symbol than plain high values', () => {
    expect(pointStyle('HH').sizeFactor).toBeGreaterThan(pointStyle('H').sizeFactor);
  });
});

describe('timeAxisBounds', () => {
  it('covers the chosen period', () => {
    expect(timeAxisBounds([glucose], 1000, 9e12)).toEqual({ min: 1000, max: 9e12 });
  });

  it('spreads a single reading over two weeks', () => {
    const one = { ...glucose, points: glucose.points.slice(0, 1) };
    const at = Date.parse('2025-01-10T00:00:00Z');
    expect(timeAxisBounds([one])).toEqual({ min: at - 7 * 86_400_000, max: at + 7 * 86_400_000 });
  });

  it('uses the span of the points when no period is given', () => {
    expect(timeAxisBounds([glucose])).toEqual({
      min: Date.parse('2025-01-10T00:00:00Z'),
      max: Date.parse('2025-09-10T00:00:00Z'),
    });
  });
});
