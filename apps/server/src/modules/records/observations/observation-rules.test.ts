import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { ageYearsAt, flagReading, normalizeReading } from './observation-rules.ts';

const man = { sex: 'male' as const, birthDate: '1970-06-15' };
const woman = { sex: 'female' as const, birthDate: '1990-01-01' };
const at = new Date('2024-06-01T08:00:00Z');

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('ageYearsAt', () => {
  it.each([
    ['1970-06-15', '2024-06-14T23:59:59Z', 53],
    ['1970-06-15', '2024-06-15T00:00:00Z', 54],
    ['2000-02-29', '2021-02-28T12:00:00Z', 20],
    ['2000-02-29', '2021-03-01T00:00:00Z', 21],
  ])('born %s, at %s: %i', (birth, when, age) => {
    expect(ageYearsAt(birth, new Date(when))).toBe(age);
  });
});

describe('normalizeReading', () => {
  it('converts glucose typed in mg/dL into mmol/L (clinical.md: mg/dL = mmol/L x 18.016)', () => {
    const r = normalizeReading({ code: '14771-0', value: 126, unit: 'mg/dL', effectiveAt: at.toISOString() });
    expect(r).toMatchObject({ codeSystem: 'loinc', unit: 'mmol/L', valueNum: 6.99 });
  });

  it('accepts the usual spellings of a unit (mmHg for mm[Hg])', () => {
    const r = normalizeReading({ code: '8480-6', value: 135, unit: 'mmHg', effectiveAt: at.toISOString() });
    expect(r).toMatchObject({ unit: 'mm[Hg]', valueNum: 135 });
  });

  it('uses the reported unit when none is given', () => {
    expect(normalizeReading({ code: '4548-4', value: 6.8, effectiveAt: at.toISOString() }).unit).toBe('%');
  });

  it('refuses an impossible value with 422 naming the value (glucose 500 mmol/L)', () => {
    const e = failure(() =>
      normalizeReading({ code: '14771-0', value: 500, unit: 'mmol/L', effectiveAt: at.toISOString() }),
    );
    expect(e.code).toBe('RECORD_IMPOSSIBLE_VALUE');
    expect(e.errors?.[0]?.path).toBe('value');
  });

  it('accepts the same number in mg/dL, where it is possible (500 mg/dL = 27.75 mmol/L)', () => {
    const r = normalizeReading({ code: '14771-0', value: 500, unit: 'mg/dL', effectiveAt: at.toISOString() });
    expect(r.valueNum).toBe(27.75);
  });

  it('refuses a unit the analyte cannot be in, naming the unit', () => {
    const e = failure(() =>
      normalizeReading({ code: '8480-6', value: 18, unit: 'kPa', effectiveAt: at.toISOString() }),
    );
    expect(e.code).toBe('RECORD_UNKNOWN_UNIT');
    expect(e.errors?.[0]).toMatchObject({ path: 'unit', message: expect.stringContaining('mm[Hg]') });
  });

  it('keeps other codes as local codes, which need a name', () => {
    const r = normalizeReading({
      code: 'peak-flow',
      name: '呼气峰流速',
      value: 420,
      unit: 'L/min',
      effectiveAt: at.toISOString(),
    });
    expect(r).toMatchObject({ codeSystem: 'local', code: 'peak-flow', name: '呼气峰流速', unit: 'L/min' });
    const e = failure(() =>
      normalizeReading({ code: 'peak-flow', value: 420, effectiveAt: at.toISOString() }),
    );
    expect(e.errors?.[0]?.path).toBe('name');
  });

  it('refuses a LOINC code outside the analyte table when the caller says it is LOINC', () => {
    const e = failure(() =>
      normalizeReading({ code: '99999-9', codeSystem: 'loinc', value: 1, effectiveAt: at.toISOString() }),
    );
    expect(e.errors?.[0]).toEqual({ path: 'code', message: 'unknown_loinc' });
  });
});

const reading = (
  code: string,
  valueNum: number | null,
  unit: string | null,
  ref: [number | null, number | null] = [null, null],
) => ({
  codeSystem: 'loinc' as const,
  code,
  valueNum,
  unit,
  refLow: ref[0],
  refHigh: ref[1],
});

describe('flagReading', () => {
  it('flags fasting glucose 6.5 mmol/L high against 3.9-6.1 (CDS 2020)', () => {
    expect(flagReading(reading('14771-0', 6.5, 'mmol/L'), man, at)).toEqual({
      flag: 'H',
      refLow: 3.9,
      refHigh: 6.1,
    });
  });

  it('flags a critical glucose HH whatever the printed range (clinical.md: > 22.2 mmol/L)', () => {
    expect(flagReading(reading('14771-0', 25, 'mmol/L', [3.9, 6.1]), man, at).flag).toBe('HH');
  });

  it('uses the sex-specific range: hemoglobin 120 g/L is low for a man, normal for a woman (WS/T 405-2012)', () => {
    expect(flagReading(reading('718-7', 120, 'g/L'), man, at).flag).toBe('L');
    expect(flagReading(reading('718-7', 120, 'g/L'), woman, at).flag).toBe('N');
  });

  it('judges by the range the lab printed when there is one', () => {
    expect(flagReading(reading('1742-6', 45, 'U/L', [0, 40]), man, at)).toEqual({
      flag: 'H',
      refLow: 0,
      refHigh: 40,
    });
  });

  it('flags blood pressure at the hypertension threshold (140/90 mmHg, guideline 2018)', () => {
    expect(flagReading(reading('8480-6', 150, 'mm[Hg]'), man, at).flag).toBe('H');
    expect(flagReading(reading('8480-6', 139, 'mm[Hg]'), man, at).flag).toBe('N');
    expect(flagReading(reading('8462-4', 90, 'mm[Hg]'), man, at).flag).toBe('H');
  });

  it('gives no flag when no range applies (heart rate) or the value is text', () => {
    expect(flagReading(reading('8867-4', 150, '/min'), man, at).flag).toBeNull();
    expect(flagReading(reading('14771-0', null, null), man, at).flag).toBeNull();
  });

  it('says nothing but HH/LL when only critical limits are known (potassium 5.8 is not "normal")', () => {
    expect(flagReading(reading('2823-3', 5.8, 'mmol/L'), man, at).flag).toBeNull();
    expect(flagReading(reading('2823-3', 6.5, 'mmol/L'), man, at).flag).toBe('HH');
  });

  it('does not apply adult ranges to a child', () => {
    const child = { sex: 'male' as const, birthDate: '2018-01-01' };
    expect(flagReading(reading('718-7', 120, 'g/L'), child, at).flag).toBeNull();
  });
});
