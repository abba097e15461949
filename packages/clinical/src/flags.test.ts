import { describe, expect, it } from 'vitest';
import { criticalLimitsFor, interpret, type CriticalLimits, type Flag } from './flags.ts';
import { rangeFor, type SexAndAge } from './reference-ranges.ts';
import { UnitConversionError } from './units.ts';

const man: SexAndAge = { sex: 'male', ageYears: 50 };
const woman: SexAndAge = { sex: 'female', ageYears: 50 };

function flag(analyte: string, value: number, unit: string, patient: SexAndAge = man): Flag {
  return interpret(value, unit, rangeFor(analyte, patient), criticalLimitsFor(analyte));
}

describe('interpret', () => {
  it.each<[string, number, string, SexAndAge, Flag]>([
    // Critical values (typical): potassium < 2.8 or > 6.2 mmol/L; no range configured, so in between is N.
    ['potassium', 2.79, 'mmol/L', man, 'LL'],
    ['potassium', 2.8, 'mmol/L', man, 'N'],
    ['potassium', 6.2, 'mmol/L', man, 'N'],
    ['potassium', 6.21, 'mmol/L', man, 'HH'],
    // Sodium < 120 or > 160 mmol/L.
    ['sodium', 119.9, 'mmol/L', man, 'LL'],
    ['sodium', 120, 'mmol/L', man, 'N'],
    ['sodium', 160, 'mmol/L', man, 'N'],
    ['sodium', 160.1, 'mmol/L', man, 'HH'],
    // Glucose < 2.8 or > 22.2 mmol/L; fasting range 3.9 to < 6.1 (CDS 2020).
    ['fasting-glucose', 2.7, 'mmol/L', man, 'LL'],
    ['fasting-glucose', 2.8, 'mmol/L', man, 'L'],
    ['fasting-glucose', 3.8, 'mmol/L', man, 'L'],
    ['fasting-glucose', 3.9, 'mmol/L', man, 'N'],
    ['fasting-glucose', 6.0, 'mmol/L', man, 'N'],
    ['fasting-glucose', 6.1, 'mmol/L', man, 'H'],
    ['fasting-glucose', 22.2, 'mmol/L', man, 'H'],
    ['fasting-glucose', 22.3, 'mmol/L', man, 'HH'],
    // Unit conversion first: 108 mg/dL = 5.99 mmol/L (N); 110 mg/dL = 6.11 (H); 50 mg/dL = 2.78 (LL);
    // 401 mg/dL = 22.26 (HH).
    ['fasting-glucose', 108, 'mg/dL', man, 'N'],
    ['fasting-glucose', 110, 'mg/dL', man, 'H'],
    ['fasting-glucose', 50, 'mg/dL', man, 'LL'],
    ['fasting-glucose', 401, 'mg/dL', man, 'HH'],
    // Hemoglobin < 50 g/L critical; men 130-175, women 115-150 (WS/T 405-2012).
    ['hemoglobin', 49, 'g/L', woman, 'LL'],
    ['hemoglobin', 50, 'g/L', woman, 'L'],
    ['hemoglobin', 114, 'g/L', woman, 'L'],
    ['hemoglobin', 115, 'g/L', woman, 'N'],
    ['hemoglobin', 150, 'g/L', woman, 'N'],
    ['hemoglobin', 151, 'g/L', woman, 'H'],
    ['hemoglobin', 129, 'g/L', man, 'L'],
    ['hemoglobin', 130, 'g/L', man, 'N'],
    ['hemoglobin', 175, 'g/L', man, 'N'],
    ['hemoglobin', 176, 'g/L', man, 'H'],
    // Platelets < 30 critical; 125-350.
    ['platelets', 29, '10*9/L', man, 'LL'],
    ['platelets', 30, '10*9/L', man, 'L'],
    ['platelets', 125, '10*9/L', man, 'N'],
    ['platelets', 350, '10*9/L', man, 'N'],
    ['platelets', 351, '10*9/L', man, 'H'],
    // WBC < 1.5 or > 30 critical; 3.5-9.5.
    ['wbc', 1.4, '10*9/L', man, 'LL'],
    ['wbc', 1.5, '10*9/L', man, 'L'],
    ['wbc', 3.4, '10*9/L', man, 'L'],
    ['wbc', 3.5, '10*9/L', man, 'N'],
    ['wbc', 9.5, '10*9/L', man, 'N'],
    ['wbc', 9.6, '10*9/L', man, 'H'],
    ['wbc', 30, '10*9/L', man, 'H'],
    ['wbc', 30.1, '10*9/L', man, 'HH'],
    // ALT men 9-50, women 7-40 U/L (WS/T 404.1-2012).
    ['alt', 50, 'U/L', man, 'N'],
    ['alt', 51, 'U/L', man, 'H'],
    ['alt', 41, 'U/L', woman, 'H'],
    ['alt', 6, 'U/L', woman, 'L'],
    // AST men 15-40, women 13-35 U/L.
    ['ast', 14, 'U/L', man, 'L'],
    ['ast', 40, 'U/L', man, 'N'],
    ['ast', 35, 'U/L', woman, 'N'],
    ['ast', 36, 'U/L', woman, 'H'],
    // Lipids (2023): TC < 5.2, LDL-C < 3.4, TG < 1.7 desirable; HDL-C < 1.0 low. 200 mg/dL TC = 5.17 mmol/L.
    ['total-cholesterol', 5.19, 'mmol/L', man, 'N'],
    ['total-cholesterol', 5.2, 'mmol/L', man, 'H'],
    ['total-cholesterol', 200, 'mg/dL', man, 'N'],
    ['ldl-cholesterol', 3.39, 'mmol/L', man, 'N'],
    ['ldl-cholesterol', 3.4, 'mmol/L', man, 'H'],
    ['hdl-cholesterol', 0.99, 'mmol/L', man, 'L'],
    ['hdl-cholesterol', 1.0, 'mmol/L', man, 'N'],
    ['triglycerides', 1.69, 'mmol/L', man, 'N'],
    ['triglycerides', 1.7, 'mmol/L', man, 'H'],
    // Uric acid > 420 umol/L; 7.1 mg/dL = 422.3 umol/L.
    ['uric-acid', 420, 'umol/L', woman, 'N'],
    ['uric-acid', 421, 'umol/L', woman, 'H'],
    ['uric-acid', 7.0, 'mg/dL', woman, 'N'],
    ['uric-acid', 7.1, 'mg/dL', woman, 'H'],
  ])('flags %s %d %s for %o as %s', (analyte, value, unit, patient, expected) => {
    expect(flag(analyte, value, unit, patient)).toBe(expected);
  });

  it('flags N when there is neither a range nor critical limits', () => {
    expect(interpret(140, 'mmol/L', null, null)).toBe('N');
  });

  it('refuses to compare a value in a unit it cannot convert', () => {
    expect(() => interpret(8.4, 'mmol/L', rangeFor('hemoglobin', man), null)).toThrow(UnitConversionError);
    expect(() => interpret(4, 'mg/dL', null, criticalLimitsFor('potassium'))).toThrow(UnitConversionError);
  });

  it('refuses a value that is not a finite number', () => {
    expect(() => interpret(Number.NaN, 'g/L', rangeFor('hemoglobin', man), null)).toThrow(RangeError);
  });

  it("uses the org's critical limits when it configures them", () => {
    const org: CriticalLimits[] = [
      { analyte: 'potassium', low: 3.0, high: 6.0, unit: 'mmol/L', source: 'Org critical list 2025' },
    ];
    expect(interpret(2.9, 'mmol/L', null, criticalLimitsFor('2823-3', org))).toBe('LL');
    expect(interpret(6.1, 'mmol/L', null, criticalLimitsFor('2823-3', org))).toBe('HH');
    expect(criticalLimitsFor('sodium', org)?.low).toBe(120);
    expect(criticalLimitsFor('alt', org)).toBeNull();
    expect(criticalLimitsFor('9999-9', org)).toBeNull();
  });
});
