import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.ts';
import { parseFlag } from './flag.ts';
import { isValidLoinc } from './loinc.ts';
import { parseNationalId, parseSex } from './patient-fields.ts';
import { parseReferenceRange } from './reference-range.ts';
import { parseResultValue } from './result-value.ts';

describe('parseReferenceRange', () => {
  it.each<[string, number | undefined, number | undefined]>([
    ['3.9-6.1', 3.9, 6.1],
    ['3.9～6.1', 3.9, 6.1],
    ['3.9~6.1', 3.9, 6.1],
    ['3.9--6.1', 3.9, 6.1],
    ['3.9 - 6.1', 3.9, 6.1],
    ['3.9—6.1', 3.9, 6.1],
    ['3.9至6.1', 3.9, 6.1],
    ['(3.9-6.1)', 3.9, 6.1],
    ['3.9-6.1 mmol/L', 3.9, 6.1],
    ['７０_１０５', 70, 105], // HL7's own OBX-7 example, in full-width digits
    ['-3-3', -3, 3],
    ['<5.2', undefined, 5.2],
    ['＜5.2', undefined, 5.2],
    ['≤40', undefined, 40],
    ['<=40', undefined, 40],
    ['>1.04', 1.04, undefined],
    ['≥1.04', 1.04, undefined],
  ])('reads %s as low %s, high %s', (text, low, high) => {
    const range = parseReferenceRange(text);
    expect(range.refLow).toBe(low);
    expect(range.refHigh).toBe(high);
    expect(range.refText).toBeDefined();
  });

  it('keeps qualitative ranges as text only', () => {
    expect(parseReferenceRange('阴性')).toEqual({ refText: '阴性' });
    expect(parseReferenceRange('阴性(-)')).toEqual({ refText: '阴性(-)' });
    expect(parseReferenceRange('')).toEqual({});
  });

  it('refuses a range whose low end is above its high end', () => {
    expect(parseReferenceRange('6.1-3.9')).toEqual({ refText: '6.1-3.9' });
  });

  it("picks the patient's sex from a sex-specific range", () => {
    const text = '男:40-150 女:35-135';
    expect(parseReferenceRange(text, 'male')).toEqual({ refText: text, refLow: 40, refHigh: 150 });
    expect(parseReferenceRange(text, 'female')).toEqual({ refText: text, refLow: 35, refHigh: 135 });
    expect(parseReferenceRange('男性：130-175；女性：115-150', 'female')).toMatchObject({
      refLow: 115,
      refHigh: 150,
    });
    expect(parseReferenceRange(text)).toEqual({ refText: text });
  });
});

describe('parseFlag', () => {
  it.each([
    ['↑', 'H'],
    ['↓', 'L'],
    ['H', 'H'],
    ['l', 'L'],
    ['偏高', 'H'],
    ['偏低', 'L'],
    ['↑↑', 'HH'],
    ['危急↓', 'LL'],
    ['危急', 'A'],
    ['异常', 'A'],
    ['N', 'N'],
    ['正常', 'N'],
  ])('reads %s as %s', (text, flag) => {
    expect(parseFlag(text)).toBe(flag);
  });

  it('has no flag for an empty or unknown text', () => {
    expect(parseFlag('')).toBeUndefined();
    expect(parseFlag('maybe')).toBeUndefined();
  });
});

describe('parseResultValue', () => {
  it.each([
    ['7.2', 7.2],
    [' 7.20 ', 7.2],
    ['-2.1', -2.1],
    ['1,234', 1234],
    ['１２.５', 12.5],
  ])('reads %s as the number %s', (text, value) => {
    expect(parseResultValue(text)).toMatchObject({ kind: 'number', valueNum: value });
  });

  it.each(['<0.1', '>1000', '≤5'])('keeps the censored value %s as text without a number', (text) => {
    const result = parseResultValue(text);
    expect(result.kind).toBe('censored');
    expect(result.valueNum).toBeUndefined();
  });

  it.each(['阴性(-)', '阳性(+)', '+', '++', '±', '0-3', '1:320', 'negative', '未见异常'])(
    'keeps %s as text',
    (text) => {
      expect(parseResultValue(text)).toMatchObject({ kind: 'text', valueText: text });
    },
  );

  it('splits a flag printed after the number', () => {
    expect(parseResultValue('7.2↑')).toEqual({ valueText: '7.2', valueNum: 7.2, flag: 'H', kind: 'number' });
    expect(parseResultValue('3.1 L')).toMatchObject({ valueNum: 3.1, flag: 'L' });
  });

  it.each(['7..2', '12a', '1O5', '7.2.1'])('calls %s a bad number', (text) => {
    expect(parseResultValue(text).kind).toBe('bad_number');
  });

  it('knows results that were not done', () => {
    expect(parseResultValue('弃检').kind).toBe('not_done');
    expect(parseResultValue('').kind).toBe('empty');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01', '2026-03-01'],
    ['2026.03.01', '2026-03-01', '2026-03-01'],
    ['2026年3月1日', '2026-03-01', '2026-03-01'],
    ['20260301', '2026-03-01', '2026-03-01'],
    ['2026-03-01 08:30', '2026-03-01', '2026-03-01T08:30:00'],
    ['2026-03-01T08:30:15', '2026-03-01', '2026-03-01T08:30:15'],
  ])('reads %s', (text, date, dateTime) => {
    expect(parseDate(text)).toEqual({ date, dateTime });
  });

  it.each(['2026-02-30', '2026-13-01', '1800-01-01', '01/03/2026', 'soon', '2026-03-01 25:00'])(
    'refuses %s',
    (text) => {
      expect(parseDate(text)).toBeUndefined();
    },
  );
});

describe('patient fields', () => {
  // GB 11643-1999 check character: the standard's own example number 11010519491231002X.
  it('accepts a resident ID with the right check character and reads birth date and sex', () => {
    expect(parseNationalId('11010519491231002x')).toEqual({
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('refuses a wrong check character, a bad birth date or a wrong length', () => {
    expect(parseNationalId('110105194912310021')).toBeUndefined();
    expect(parseNationalId('11010519491331002X')).toBeUndefined();
    expect(parseNationalId('1101051949123100')).toBeUndefined();
  });

  it.each([
    ['男', 'male'],
    ['F', 'female'],
    ['女性', 'female'],
    ['未知', 'unknown'],
  ])('reads sex %s', (text, sex) => {
    expect(parseSex(text)).toBe(sex);
  });
});

describe('isValidLoinc', () => {
  it.each(['2345-7', '14771-0', '718-7', '8480-6', '4548-4', '1554-5'])('accepts %s', (code) => {
    expect(isValidLoinc(code)).toBe(true);
  });

  it.each(['2345-6', '14771-1', 'abc', '2345', '-7'])('refuses %s', (code) => {
    expect(isValidLoinc(code)).toBe(false);
  });
});
