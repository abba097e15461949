import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  convert,
  roundTo,
  sameUnit,
  unitsFor,
  UnitConversionError,
  type ConvertibleAnalyte,
} from './units.ts';

describe('convert', () => {
  // Each expected value is the clinical.md factor applied by hand.
  it.each<[ConvertibleAnalyte, number, string, string, number]>([
    ['glucose', 7.0, 'mmol/L', 'mg/dL', 126.112], // 7.0 x 18.016
    ['fasting-glucose', 5.5, 'mmol/L', 'mg/dL', 99.088], // 5.5 x 18.016
    ['glucose', 180.16, 'mg/dL', 'mmol/L', 10], // 180.16 / 18.016
    ['total-cholesterol', 5.2, 'mmol/L', 'mg/dL', 201.084], // 5.2 x 38.67
    ['ldl-cholesterol', 3.4, 'mmol/L', 'mg/dL', 131.478], // 3.4 x 38.67
    ['hdl-cholesterol', 38.67, 'mg/dL', 'mmol/L', 1], // 38.67 / 38.67
    ['triglycerides', 1.7, 'mmol/L', 'mg/dL', 150.569], // 1.7 x 88.57
    ['triglycerides', 177.14, 'mg/dL', 'mmol/L', 2], // 177.14 / 88.57
    ['creatinine', 88.42, 'umol/L', 'mg/dL', 1], // 88.42 / 88.42
    ['creatinine', 1.2, 'mg/dL', 'umol/L', 106.104], // 1.2 x 88.42
    ['uric-acid', 420, 'umol/L', 'mg/dL', 7.061197041022192], // 420 / 59.48
    ['uric-acid', 6, 'mg/dL', 'umol/L', 356.88], // 6 x 59.48
    ['hba1c', 6.5, '%', 'mmol/mol', 47.54115], // (6.5 - 2.15) x 10.929 = 4.35 x 10.929 = 43.716 + 3.82515
    ['hba1c', 7.0, '%', 'mmol/mol', 53.00565], // 4.85 x 10.929
    ['hba1c', 48, 'mmol/mol', '%', 6.541984628053802], // 48 / 10.929 + 2.15 = 4.39198... + 2.15
  ])('converts %s %d %s to %s as %d', (analyte, value, from, to, expected) => {
    expect(convert({ value, unit: from }, to, analyte)).toBeCloseTo(expected, 9);
  });

  it('returns the value unchanged when the units already match', () => {
    expect(convert({ value: 5.43, unit: 'mmol/L' }, 'mmol/L', 'glucose')).toBe(5.43);
  });

  it.each([
    [{ value: 5, unit: 'mmol/L' }, 'mg/dL', 'sodium', 'UNKNOWN_ANALYTE'],
    [{ value: 5, unit: 'mmol/L' }, 'mg/dL', 'toString', 'UNKNOWN_ANALYTE'],
    [{ value: 5, unit: 'mmol/L' }, 'umol/L', 'glucose', 'UNSUPPORTED_UNIT'],
    [{ value: 5, unit: 'mmol/l' }, 'mg/dL', 'glucose', 'UNSUPPORTED_UNIT'],
    [{ value: 80, unit: 'mmol/L' }, 'mg/dL', 'creatinine', 'UNSUPPORTED_UNIT'],
    [{ value: 80, unit: 'umol/L' }, 'umol/L', 'hba1c', 'UNSUPPORTED_UNIT'],
    [{ value: Number.NaN, unit: 'mmol/L' }, 'mg/dL', 'glucose', 'NOT_A_NUMBER'],
    [{ value: Infinity, unit: 'mmol/L' }, 'mg/dL', 'glucose', 'NOT_A_NUMBER'],
  ])('rejects %o to %s for %s with %s', (quantity, to, analyte, code) => {
    expect(() => convert(quantity, to, analyte)).toThrow(UnitConversionError);
    try {
      convert(quantity, to, analyte);
    } catch (error) {
      expect((error as UnitConversionError).code).toBe(code);
    }
  });

  it('lists the units of a known analyte and none for an unknown one', () => {
    expect(unitsFor('creatinine')).toEqual(['umol/L', 'mg/dL']);
    expect(unitsFor('sodium')).toEqual([]);
  });

  it.each<[ConvertibleAnalyte, string, string]>([
    ['glucose', 'mmol/L', 'mg/dL'],
    ['total-cholesterol', 'mmol/L', 'mg/dL'],
    ['triglycerides', 'mmol/L', 'mg/dL'],
    ['creatinine', 'umol/L', 'mg/dL'],
    ['uric-acid', 'umol/L', 'mg/dL'],
    ['hba1c', '%', 'mmol/mol'],
  ])('round-trips %s %s -> %s -> back within 1e-9 relative', (analyte, base, other) => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), (value) => {
        const there = convert({ value, unit: base }, other, analyte);
        const back = convert({ value: there, unit: other }, base, analyte);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-9 * Math.abs(value));
      }),
    );
  });
});

describe('roundTo', () => {
  it.each([
    [126.112, 1, 126.1],
    [1.005, 2, 1.01], // 1.005 is stored as 1.00499999..., rounded as written
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [7.061197041022192, 2, 7.06],
    [-0.001, 2, 0],
    [104.049, 0, 104],
  ])('rounds %d to %d decimals as %d', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it('refuses a negative or fractional number of decimals', () => {
    expect(() => roundTo(1, -1)).toThrow(RangeError);
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
  });
});

describe('sameUnit', () => {
  it.each([
    ['mmHg', 'mm[Hg]', true],
    ['µmol/L', 'umol/L', true],
    ['μmol/L', 'umol/L', true],
    ['10^9/L', '10*9/L', true],
    ['mg/dl', 'mg/dL', true],
    ['mmol/L', 'mg/dL', false],
    ['g/L', 'g/dL', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameUnit(a, b)).toBe(same);
  });
});

describe('hemoglobin', () => {
  it('converts g/dL and g/L by the SI prefix (13.5 g/dL = 135 g/L)', () => {
    expect(convert({ value: 13.5, unit: 'g/dL' }, 'g/L', 'hemoglobin')).toBeCloseTo(135, 9);
    expect(convert({ value: 142, unit: 'g/L' }, 'g/dL', 'hemoglobin')).toBeCloseTo(14.2, 9);
  });
});
