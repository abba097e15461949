import { describe, expect, it } from 'vitest';
import { ANALYTES, analyteByLoinc, resolveAnalyteKey } from './analytes.ts';

// A LOINC code ends in a mod-10 check digit (LOINC Users' Guide, "Check digit"): double every other digit of the
// code part starting from the rightmost, sum all digits of the results and the undoubled digits; the check digit
// is (10 - sum mod 10) mod 10. 2093-3: digits 2,0,9,3 -> doubled from the right 3*2=6, 0*2=0; 6+0+9+2 = 17 -> 3.
function loincCheckDigit(code: string): number {
  const digits = [...code].reverse().map(Number);
  const sum = digits.reduce((acc, d, i) => {
    if (i % 2 === 1) return acc + d;
    const doubled = d * 2;
    return acc + Math.floor(doubled / 10) + (doubled % 10);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

describe('ANALYTES', () => {
  it.each(ANALYTES.map((a) => [a.loinc, a.key] as const))(
    '%s (%s) carries a valid LOINC check digit',
    (loinc) => {
      const [code, check] = loinc.split('-');
      expect(loincCheckDigit(code ?? '')).toBe(Number(check));
    },
  );

  it('lists each LOINC code once', () => {
    const codes = ANALYTES.map((a) => a.loinc);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ['1558-6', 'fasting-glucose'],
    ['14771-0', 'fasting-glucose'],
    ['4548-4', 'hba1c'],
    ['2093-3', 'total-cholesterol'],
    ['13457-7', 'ldl-cholesterol'],
    ['18262-6', 'ldl-cholesterol'],
    ['2085-9', 'hdl-cholesterol'],
    ['2571-8', 'triglycerides'],
    ['2160-0', 'creatinine'],
    ['3084-1', 'uric-acid'],
    ['1742-6', 'alt'],
    ['1920-8', 'ast'],
    ['718-7', 'hemoglobin'],
    ['6690-2', 'wbc'],
    ['777-3', 'platelets'],
    ['2823-3', 'potassium'],
    ['2951-2', 'sodium'],
    ['8480-6', 'systolic-bp'],
    ['8462-4', 'diastolic-bp'],
    ['39156-5', 'bmi'],
    ['29463-7', 'body-weight'],
    ['8302-2', 'body-height'],
    ['8867-4', 'heart-rate'],
  ])('maps LOINC %s to %s', (loinc, key) => {
    expect(analyteByLoinc(loinc)?.key).toBe(key);
    expect(resolveAnalyteKey(loinc)).toBe(key);
  });

  it('resolves a key to itself and an unknown code to undefined', () => {
    expect(resolveAnalyteKey('potassium')).toBe('potassium');
    expect(resolveAnalyteKey('9999-9')).toBeUndefined();
  });

  it('names the fasting glucose code by its property: 14771-0 in mmol/L, 1558-6 in mg/dL', () => {
    expect(analyteByLoinc('14771-0')?.unit).toBe('mmol/L');
    expect(analyteByLoinc('1558-6')?.unit).toBe('mg/dL');
  });
});
