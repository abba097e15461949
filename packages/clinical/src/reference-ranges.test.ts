import { describe, expect, it } from 'vitest';
import { rangeFor, type SexAndAge, type ReferenceIntervalRow } from './reference-ranges.ts';

const man: SexAndAge = { sex: 'male', ageYears: 45 };
const woman: SexAndAge = { sex: 'female', ageYears: 45 };

describe('rangeFor', () => {
  it.each([
    // analyte, patient, low, high, highExclusive, unit, source fragment
    ['hemoglobin', man, 130, 175, undefined, 'g/L', 'WS/T 405-2012'],
    ['hemoglobin', woman, 115, 150, undefined, 'g/L', 'WS/T 405-2012'],
    ['wbc', man, 3.5, 9.5, undefined, '10*9/L', 'WS/T 405-2012'],
    ['wbc', woman, 3.5, 9.5, undefined, '10*9/L', 'WS/T 405-2012'],
    ['platelets', woman, 125, 350, undefined, '10*9/L', 'WS/T 405-2012'],
    ['alt', man, 9, 50, undefined, 'U/L', 'WS/T 404.1-2012'],
    ['alt', woman, 7, 40, undefined, 'U/L', 'WS/T 404.1-2012'],
    ['ast', man, 15, 40, undefined, 'U/L', 'WS/T 404.1-2012'],
    ['ast', woman, 13, 35, undefined, 'U/L', 'WS/T 404.1-2012'],
    ['total-cholesterol', man, undefined, 5.2, true, 'mmol/L', '2023'],
    ['ldl-cholesterol', woman, undefined, 3.4, true, 'mmol/L', '2023'],
    ['hdl-cholesterol', man, 1.0, undefined, undefined, 'mmol/L', '2023'],
    ['triglycerides', man, undefined, 1.7, true, 'mmol/L', '2023'],
    ['fasting-glucose', man, 3.9, 6.1, true, 'mmol/L', '2020'],
    ['uric-acid', woman, undefined, 420, undefined, 'umol/L', '2019'],
    ['bmi', man, 18.5, 24.0, true, 'kg/m2', 'WS/T 428-2013'],
    // Hypertension guideline 2018: hypertension is >= 140/90 mmHg, so 139/89 is within and 140/90 is high.
    ['systolic-bp', woman, undefined, 140, true, 'mm[Hg]', '2018'],
    ['diastolic-bp', man, undefined, 90, true, 'mm[Hg]', '2018'],
  ] as const)('%s for %o is %s-%s', (analyte, patient, low, high, highExclusive, unit, source) => {
    const range = rangeFor(analyte, patient);
    expect(range).toMatchObject({ analyte, unit });
    expect(range?.low).toBe(low);
    expect(range?.high).toBe(high);
    expect(range?.highExclusive).toBe(highExclusive);
    expect(range?.source).toContain(source);
  });

  it.each([
    ['718-7', 'hemoglobin'],
    ['14771-0', 'fasting-glucose'],
    ['1558-6', 'fasting-glucose'],
    ['1742-6', 'alt'],
  ])('accepts the LOINC code %s for %s', (loinc, analyte) => {
    expect(rangeFor(loinc, woman)?.analyte).toBe(analyte);
  });

  it('has no built-in range for a child, an unknown sex on a sex-specific analyte, or an unknown analyte', () => {
    expect(rangeFor('hemoglobin', { sex: 'male', ageYears: 12 })).toBeNull();
    expect(rangeFor('hemoglobin', { ageYears: 40 })).toBeNull();
    expect(rangeFor('hemoglobin', { sex: 'unknown', ageYears: 40 })).toBeNull();
    expect(rangeFor('wbc', { sex: 'other', ageYears: 40 })?.high).toBe(9.5);
    expect(rangeFor('wbc', { ageYears: 40 })?.high).toBe(9.5);
    expect(rangeFor('9999-9', man)).toBeNull();
    expect(rangeFor('sodium', man)).toBeNull();
  });

  it('lets an org-configured range win over the built-in one', () => {
    const overrides: ReferenceIntervalRow[] = [
      { analyte: 'alt', sex: 'male', low: 0, high: 40, unit: 'U/L', source: 'Org lab 2025' },
      { analyte: 'sodium', low: 137, high: 147, unit: 'mmol/L', source: 'Org lab 2025' },
      { analyte: 'hemoglobin', maxAgeYears: 17, low: 110, high: 160, unit: 'g/L', source: 'Org paediatric' },
    ];
    expect(rangeFor('alt', man, overrides)).toEqual({
      analyte: 'alt',
      low: 0,
      high: 40,
      unit: 'U/L',
      source: 'Org lab 2025',
    });
    expect(rangeFor('alt', woman, overrides)?.high).toBe(40);
    expect(rangeFor('alt', woman, overrides)?.source).toContain('WS/T 404.1-2012');
    expect(rangeFor('2951-2', man, overrides)?.low).toBe(137);
    expect(rangeFor('hemoglobin', { sex: 'male', ageYears: 12 }, overrides)?.low).toBe(110);
    expect(rangeFor('hemoglobin', man, overrides)?.low).toBe(130);
  });
});
