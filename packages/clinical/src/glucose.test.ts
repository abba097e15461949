import { describe, expect, it } from 'vitest';
import {
  classifyFastingGlucose,
  classifyOgtt2h,
  hypoglycemiaLevel,
  isHba1cInDiabetesRange,
  type FastingGlucoseCategory,
  type HypoglycemiaLevel,
  type OgttCategory,
} from './glucose.ts';

const mmol = (value: number) => ({ value, unit: 'mmol/L' });

describe('classifyFastingGlucose (CDS 2020: < 6.1 normal, 6.1-6.9 IFG, >= 7.0 diabetes)', () => {
  it.each<[number, FastingGlucoseCategory]>([
    [5.0, 'normal'],
    [6.0, 'normal'],
    [6.09, 'normal'],
    [6.1, 'impaired-fasting-glucose'],
    [6.9, 'impaired-fasting-glucose'],
    [6.99, 'impaired-fasting-glucose'],
    [7.0, 'diabetes-range'],
    [11.0, 'diabetes-range'],
  ])('%d mmol/L is %s', (value, expected) => {
    expect(classifyFastingGlucose(mmol(value))).toBe(expected);
  });

  it.each<[number, FastingGlucoseCategory]>([
    [109, 'normal'], // 109 / 18.016 = 6.05
    [110, 'impaired-fasting-glucose'], // 6.11
    [126, 'impaired-fasting-glucose'], // 6.994, below 7.0
    [127, 'diabetes-range'], // 7.05
  ])('%d mg/dL is %s after conversion', (value, expected) => {
    expect(classifyFastingGlucose({ value, unit: 'mg/dL' })).toBe(expected);
  });
});

describe('classifyOgtt2h (CDS 2020: IGT 7.8-11.0, diabetes >= 11.1)', () => {
  it.each<[number, OgttCategory]>([
    [7.7, 'normal'],
    [7.8, 'impaired-glucose-tolerance'],
    [11.0, 'impaired-glucose-tolerance'],
    [11.1, 'diabetes-range'],
  ])('%d mmol/L is %s', (value, expected) => {
    expect(classifyOgtt2h(mmol(value))).toBe(expected);
  });
});

describe('hypoglycemiaLevel (CDS 2020: level 1 3.0 to < 3.9, level 2 < 3.0)', () => {
  it.each<[number, HypoglycemiaLevel]>([
    [3.9, 'none'],
    [3.89, 'level-1'],
    [3.0, 'level-1'],
    [2.99, 'level-2'],
  ])('%d mmol/L is %s', (value, expected) => {
    expect(hypoglycemiaLevel(mmol(value))).toBe(expected);
  });
});

describe('isHba1cInDiabetesRange (CDS 2020: >= 6.5%)', () => {
  it.each([
    [{ value: 6.4, unit: '%' }, false],
    [{ value: 6.5, unit: '%' }, true],
    [{ value: 47, unit: 'mmol/mol' }, false], // 47 / 10.929 + 2.15 = 6.45%
    [{ value: 48, unit: 'mmol/mol' }, true], // 6.54%
  ])('%o is %s', (hba1c, expected) => {
    expect(isHba1cInDiabetesRange(hba1c)).toBe(expected);
  });
});
