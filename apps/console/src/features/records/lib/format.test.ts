import { describe, expect, it } from 'vitest';
import {
  displayUnit,
  formatBytes,
  formatNumber,
  formatRange,
  formatValue,
  fromLocalInput,
  timeAgo,
  toLocalInput,
} from './format';

describe('record formatting', () => {
  it('prints measured values without float noise', () => {
    expect(formatNumber(7.199999999, 'en-US')).toBe('7.2');
    expect(formatNumber(120, 'en-US')).toBe('120');
    expect(formatNumber(0.0456, 'en-US')).toBe('0.046');
    expect(formatNumber(1234.56, 'en-US')).toBe('1234.6');
  });

  it('shows values with people-friendly units, and text results as they are', () => {
    expect(formatValue(142, null, 'mm[Hg]', 'zh-CN')).toBe('142 mmHg');
    expect(formatValue(5.6, null, '10*9/L', 'en-US')).toBe('5.6 ×10⁹/L');
    expect(formatValue(null, '阴性', null)).toBe('阴性');
    expect(displayUnit('mmol/L')).toBe('mmol/L');
    expect(displayUnit(null)).toBe('');
  });

  it('writes reference ranges with one or both limits', () => {
    expect(formatRange(3.9, 6.1, null, 'en-US')).toBe('3.9–6.1');
    expect(formatRange(null, 5.2, null, 'en-US')).toBe('≤ 5.2');
    expect(formatRange(1, null, null, 'en-US')).toBe('≥ 1');
    expect(formatRange(null, null, '阴性', 'zh-CN')).toBe('阴性');
    expect(formatRange(null, null, null)).toBe('');
  });

  it('gives file sizes in B, KB and MB', () => {
    expect(formatBytes(12, 'en-US')).toBe('12 B');
    expect(formatBytes(2048, 'en-US')).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en-US')).toBe('1.5 MB');
  });

  it('says how long ago in the largest unit that fits, in the UI language', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(timeAgo('2025-03-07T12:00:00Z', 'en-US', now)).toBe('3 days ago');
    expect(timeAgo('2025-03-10T09:00:00Z', 'en-US', now)).toBe('3 hours ago');
    expect(timeAgo('2025-03-07T12:00:00Z', 'zh-CN', now)).toBe('3天前');
    expect(timeAgo('not a time', 'en-US', now)).toBe('');
  });

  it('round-trips datetime-local values', () => {
    const local = toLocalInput('2025-03-04T01:30:00.000Z');
    expect(fromLocalInput(local)).toBe('2025-03-04T01:30:00.000Z');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2025-03-04')).toBeNull();
  });
});
