import type { CheckupItem } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import {
  displayUnit,
  flagArrow,
  formatNumber,
  formatRange,
  formatValue,
  groupByCategory,
  isAbnormal,
  splitAbnormal,
} from './checkup-format';

const range = (
  refLow: number | null,
  refHigh: number | null,
  unit: string | null = 'mmol/L',
  refText: string | null = null,
) => ({
  refLow,
  refHigh,
  unit,
  refText,
});

describe('checkup item formatting', () => {
  it('gives every abnormal flag an arrow or mark, so colour is never the only signal', () => {
    expect(['H', 'L', 'HH', 'LL', 'A'].map((f) => flagArrow(f as CheckupItem['flag']))).toEqual([
      '↑',
      '↓',
      '↑↑',
      '↓↓',
      '!',
    ]);
    expect(flagArrow('N')).toBe('');
    expect(flagArrow(null)).toBe('');
    expect(isAbnormal('N')).toBe(false);
    expect(isAbnormal('A')).toBe(true);
  });

  it('writes UCUM units the way people read them', () => {
    expect(displayUnit('mm[Hg]')).toBe('mmHg');
    expect(displayUnit('mmol/L')).toBe('mmol/L');
    expect(displayUnit(null)).toBe('');
    expect(formatRange({ refLow: 90, refHigh: 140, unit: 'mm[Hg]', refText: null })).toBe('90–140 mmHg');
  });

  it('prints numbers without float noise', () => {
    expect(formatNumber(6.1000000001)).toBe('6.1');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(140)).toBe('140');
  });

  it('prints a value with its unit, or the text result', () => {
    expect(formatValue({ valueNum: 7.2, valueText: null, unit: 'mmol/L' })).toBe('7.2 mmol/L');
    expect(formatValue({ valueNum: null, valueText: '阳性 (+)', unit: null })).toBe('阳性 (+)');
    expect(formatValue({ valueNum: 5, valueText: null, unit: null })).toBe('5');
  });

  it('prints two-sided, one-sided and textual reference ranges', () => {
    expect(formatRange(range(3.9, 6.1))).toBe('3.9–6.1 mmol/L');
    expect(formatRange(range(null, 5.2))).toBe('< 5.2 mmol/L');
    expect(formatRange(range(1.0, null))).toBe('≥ 1 mmol/L');
    expect(formatRange(range(null, null, null, '阴性'))).toBe('阴性');
    expect(formatRange(range(null, null, null, null))).toBe('');
  });

  it('groups items by category in report order, keeping the order within each group', () => {
    const items = [
      { id: 'a', category: 'liver' as const },
      { id: 'b', category: 'glucose' as const },
      { id: 'c', category: 'liver' as const },
      { id: 'd', category: 'vitals' as const },
    ];
    expect(groupByCategory(items).map((g) => [g.category, g.items.map((i) => i.id)])).toEqual([
      ['vitals', ['d']],
      ['glucose', ['b']],
      ['liver', ['a', 'c']],
    ]);
  });

  it('splits abnormal from normal items without reordering either', () => {
    const items = [
      { id: '1', flag: 'HH' as const },
      { id: '2', flag: 'N' as const },
      { id: '3', flag: 'L' as const },
      { id: '4', flag: null },
    ];
    const { abnormal, normal } = splitAbnormal(items);
    expect(abnormal.map((i) => i.id)).toEqual(['1', '3']);
    expect(normal.map((i) => i.id)).toEqual(['2', '4']);
  });
});
