import { describe, expect, it } from 'vitest';
import {
  classifyLdlCholesterol,
  classifyTotalCholesterol,
  classifyTriglycerides,
  isHdlCholesterolLow,
  type LipidBand,
} from './lipids.ts';

const mmol = (value: number) => ({ value, unit: 'mmol/L' });

describe('Chinese lipid guideline 2023 bands', () => {
  it.each<[number, LipidBand]>([
    [5.19, 'desirable'],
    [5.2, 'borderline'],
    [6.1, 'borderline'],
    [6.19, 'borderline'],
    [6.2, 'high'],
  ])('total cholesterol %d mmol/L is %s', (value, expected) => {
    expect(classifyTotalCholesterol(mmol(value))).toBe(expected);
  });

  it.each<[number, LipidBand]>([
    [2.59, 'ideal'],
    [2.6, 'desirable'],
    [3.39, 'desirable'],
    [3.4, 'borderline'],
    [4.0, 'borderline'],
    [4.1, 'high'],
  ])('LDL-C %d mmol/L is %s', (value, expected) => {
    expect(classifyLdlCholesterol(mmol(value))).toBe(expected);
  });

  it.each<[number, LipidBand]>([
    [1.69, 'desirable'],
    [1.7, 'borderline'],
    [2.2, 'borderline'],
    [2.3, 'high'],
  ])('triglycerides %d mmol/L is %s', (value, expected) => {
    expect(classifyTriglycerides(mmol(value))).toBe(expected);
  });

  it.each([
    [0.99, true],
    [1.0, false],
  ])('HDL-C %d mmol/L low: %s', (value, expected) => {
    expect(isHdlCholesterolLow(mmol(value))).toBe(expected);
  });

  it('converts mg/dL first: 240 mg/dL TC = 6.21 mmol/L is high, 150 mg/dL TG = 1.694 mmol/L desirable', () => {
    expect(classifyTotalCholesterol({ value: 240, unit: 'mg/dL' })).toBe('high');
    expect(classifyTriglycerides({ value: 150, unit: 'mg/dL' })).toBe('desirable');
  });
});
