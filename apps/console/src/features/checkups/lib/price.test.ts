import { describe, expect, it } from 'vitest';
import { centsToYuan, formatPrice, yuanToCents } from './price';

describe('package prices', () => {
  it('converts yuan typed in the form to fen without float error', () => {
    expect(yuanToCents(19.99)).toBe(1999);
    expect(yuanToCents(0.29)).toBe(29);
    expect(yuanToCents(null)).toBeNull();
    expect(yuanToCents(undefined)).toBeNull();
    expect(centsToYuan(128000)).toBe(1280);
    expect(centsToYuan(null)).toBeNull();
  });

  it('shows money in the UI language', () => {
    expect(formatPrice(128000, 'zh-CN')).toBe('¥1,280.00');
    expect(formatPrice(128000, 'en-US')).toContain('1,280.00');
  });
});
