import { describe, expect, it } from 'vitest';
import { analyteLabel, analyteName, matchesAnalyte } from './analytes';

const analyte = (loinc: string, zh: string, en: string, unit: string) => ({
  loinc,
  key: loinc,
  zh,
  en,
  kind: 'lab' as const,
  unit,
  units: [unit],
});
const glucose = analyte('14771-0', '空腹血糖', 'Fasting glucose', 'mmol/L');
const alt = analyte('1742-6', '谷丙转氨酶', 'Alanine aminotransferase', 'U/L');

describe('analyte picker helpers', () => {
  it('finds analytes by Chinese or English name or code, ignoring case and spaces', () => {
    expect(matchesAnalyte(glucose, '空腹')).toBe(true);
    expect(matchesAnalyte(glucose, 'fasting GLU')).toBe(true);
    expect(matchesAnalyte(glucose, '14771')).toBe(true);
    expect(matchesAnalyte(alt, '空腹')).toBe(false);
    expect(matchesAnalyte(alt, '')).toBe(true);
  });

  it('labels in the UI language with code and unit', () => {
    expect(analyteLabel(glucose, 'zh-CN')).toBe('空腹血糖 (14771-0, mmol/L)');
    expect(analyteLabel(alt, 'en-US')).toBe('Alanine aminotransferase (1742-6, U/L)');
  });

  it('names a code, or shows the code when the table does not know it', () => {
    expect(analyteName([glucose, alt], '1742-6', 'zh-CN')).toBe('谷丙转氨酶');
    expect(analyteName([glucose], '9999-9', 'en-US')).toBe('9999-9');
    expect(analyteName(undefined, '14771-0', 'en-US')).toBe('14771-0');
  });
});
