import { describe, expect, it } from 'vitest';
import { displayUnit, formatBytes, formatQuantity } from './units.ts';

describe('units as people read them', () => {
  it('shows UCUM units in everyday notation', () => {
    expect(displayUnit('mm[Hg]', '次/分')).toBe('mmHg');
    expect(displayUnit('/min', '次/分')).toBe('次/分');
    expect(displayUnit('umol/L', 'bpm')).toBe('μmol/L');
    expect(displayUnit('mmol/L', 'bpm')).toBe('mmol/L');
    expect(displayUnit(null, 'bpm')).toBe('');
  });

  it('formats a value with its unit, or the text result', () => {
    expect(formatQuantity(6.5, null, 'mmol/L', 'zh-CN', '次/分')).toBe('6.5 mmol/L');
    expect(formatQuantity(72, null, '/min', 'en-US', 'bpm')).toBe('72 bpm');
    expect(formatQuantity(null, '阳性', null, 'zh-CN', '次/分')).toBe('阳性');
    expect(formatQuantity(1234.567, null, null, 'en-US', 'bpm')).toBe('1,234.57');
  });

  it('formats file sizes', () => {
    expect(formatBytes(512, 'en-US')).toBe('512 B');
    expect(formatBytes(2048, 'en-US')).toBe('2 KB');
    expect(formatBytes(5.5 * 1024 * 1024, 'en-US')).toBe('5.5 MB');
  });
});
