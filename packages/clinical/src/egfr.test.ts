import { describe, expect, it } from 'vitest';
import { egfrCkdEpi2021, gfrCategory, type EgfrInput, type GfrCategory } from './egfr.ts';

describe('egfrCkdEpi2021 (Inker et al., NEJM 2021)', () => {
  // Worked by hand from 142 x min(Scr/k,1)^a x max(Scr/k,1)^-1.2 x 0.9938^age x 1.012 (female):
  it.each<[string, EgfrInput, number]>([
    [
      // Scr/k = 1, so both power terms are 1; 0.9938^50 = 0.73274; 142 x 0.73274 = 104.05; x 1.012 = 105.30.
      'woman 50 y, Scr 0.7 mg/dL',
      { creatinine: { value: 0.7, unit: 'mg/dL' }, ageYears: 50, sex: 'female' },
      105.2976,
    ],
    [
      // Scr/k = 0.9/0.9 = 1; 142 x 0.73274 = 104.05 (no sex factor).
      'man 50 y, Scr 0.9 mg/dL',
      { creatinine: { value: 0.9, unit: 'mg/dL' }, ageYears: 50, sex: 'male' },
      104.049,
    ],
    [
      // Scr/k = 2; 2^-1.2 = 0.43528; 0.9938^60 = 0.68856; 142 x 0.43528 x 0.68856 = 42.56.
      'man 60 y, Scr 1.8 mg/dL',
      { creatinine: { value: 1.8, unit: 'mg/dL' }, ageYears: 60, sex: 'male' },
      42.559,
    ],
    [
      // Scr/k = 0.71429; 0.71429^-0.241 = 1.08447; 0.9938^40 = 0.77976; 142 x 1.08447 x 0.77976 x 1.012 = 121.52.
      'woman 40 y, Scr 0.5 mg/dL',
      { creatinine: { value: 0.5, unit: 'mg/dL' }, ageYears: 40, sex: 'female' },
      121.5193,
    ],
    [
      // Scr/k = 2; 2^-1.2 = 0.43528; 0.9938^70 = 0.64704; 142 x 0.43528 x 0.64704 x 1.012 = 40.47.
      'woman 70 y, Scr 1.4 mg/dL',
      { creatinine: { value: 1.4, unit: 'mg/dL' }, ageYears: 70, sex: 'female' },
      40.4727,
    ],
    [
      // Scr/k = 0.66667; 0.66667^-0.302 = 1.13026; 0.9938^30 = 0.82979; 142 x 1.13026 x 0.82979 = 133.18.
      'man 30 y, Scr 0.6 mg/dL',
      { creatinine: { value: 0.6, unit: 'mg/dL' }, ageYears: 30, sex: 'male' },
      133.1796,
    ],
    [
      // 61.894 umol/L / 88.42 = 0.7 mg/dL: the first row again, entered in SI units.
      'woman 50 y, Scr 61.894 umol/L',
      { creatinine: { value: 61.894, unit: 'umol/L' }, ageYears: 50, sex: 'female' },
      105.2976,
    ],
  ])('%s gives %d', (_label, input, expected) => {
    expect(egfrCkdEpi2021(input)).toBeCloseTo(expected, 3);
  });

  it('refuses a child, a non-positive creatinine, and an unknown unit', () => {
    const adult: EgfrInput = { creatinine: { value: 0.9, unit: 'mg/dL' }, ageYears: 40, sex: 'male' };
    expect(() => egfrCkdEpi2021({ ...adult, ageYears: 17 })).toThrow(RangeError);
    expect(() => egfrCkdEpi2021({ ...adult, creatinine: { value: 0, unit: 'mg/dL' } })).toThrow(RangeError);
    expect(() => egfrCkdEpi2021({ ...adult, creatinine: { value: 80, unit: 'mmol/L' } })).toThrow();
  });
});

describe('gfrCategory (KDIGO)', () => {
  it.each<[number, GfrCategory]>([
    [120, 'G1'],
    [90, 'G1'],
    [89, 'G2'],
    [60, 'G2'],
    [59, 'G3a'],
    [45, 'G3a'],
    [44, 'G3b'],
    [30, 'G3b'],
    [29, 'G4'],
    [15, 'G4'],
    [14, 'G5'],
    [0, 'G5'],
  ])('%d mL/min/1.73 m2 is %s', (egfr, expected) => {
    expect(gfrCategory(egfr)).toBe(expected);
  });
});
