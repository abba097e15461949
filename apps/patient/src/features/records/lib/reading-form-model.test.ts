import type { AnalyteInfo } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import {
  BLOOD_PRESSURE,
  checkReading,
  emptyDraft,
  localDateTimeValue,
  parseNumber,
  readingItems,
  serverFieldFor,
  type ReadingDraft,
  type ReadingItem,
} from './reading-form-model.ts';

const analyte = (
  loinc: string,
  key: string,
  zh: string,
  en: string,
  unit: string,
  units = [unit],
  kind: 'vital' | 'lab' = 'lab',
): AnalyteInfo => ({
  loinc,
  key,
  zh,
  en,
  kind,
  unit,
  units,
});

const ANALYTES: AnalyteInfo[] = [
  analyte('2093-3', 'total-cholesterol', '总胆固醇', 'Total cholesterol', 'mmol/L', ['mmol/L', 'mg/dL']),
  analyte('1558-6', 'fasting-glucose', '空腹血糖', 'Fasting glucose', 'mmol/L', ['mmol/L', 'mg/dL']),
  analyte('14771-0', 'fasting-glucose', '空腹血糖', 'Fasting glucose', 'mmol/L', ['mmol/L', 'mg/dL']),
  analyte('8462-4', 'diastolic-bp', '舒张压', 'Diastolic blood pressure', 'mm[Hg]', ['mm[Hg]'], 'vital'),
  analyte('8480-6', 'systolic-bp', '收缩压', 'Systolic blood pressure', 'mm[Hg]', ['mm[Hg]'], 'vital'),
  analyte('29463-7', 'body-weight', '体重', 'Body weight', 'kg', ['kg'], 'vital'),
  analyte('8867-4', 'heart-rate', '心率', 'Heart rate', '/min', ['/min'], 'vital'),
];

const NOW = new Date('2025-09-15T08:30:00');
const items = readingItems(ANALYTES, 'zh-CN');
const item = (id: string): ReadingItem => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const draft = (changes: Partial<ReadingDraft>, itemId = BLOOD_PRESSURE): ReadingDraft => ({
  ...emptyDraft(itemId, item(itemId).unit, NOW),
  ...changes,
});

describe('readingItems', () => {
  it('puts blood pressure (as one item), fasting glucose, weight and heart rate first', () => {
    expect(items.map((i) => i.id)).toEqual([BLOOD_PRESSURE, '14771-0', '29463-7', '8867-4', '2093-3']);
    expect(item(BLOOD_PRESSURE).codes).toEqual(['8480-6', '8462-4']);
  });

  it('lists an analyte with two codes once', () => {
    expect(items.filter((i) => i.key === 'fasting-glucose')).toHaveLength(1);
  });

  it('has no blood pressure item when the table lacks either half', () => {
    expect(
      readingItems(
        ANALYTES.filter((a) => a.loinc !== '8462-4'),
        'en-US',
      ).map((i) => i.id),
    ).not.toContain(BLOOD_PRESSURE);
  });
});

describe('checkReading', () => {
  it('gives two observations for a blood pressure reading, in mm[Hg], at the chosen local time', () => {
    const checked = checkReading(
      draft({ value: '152', value2: '95', note: ' 早上 ' }),
      item(BLOOD_PRESSURE),
      NOW,
    );
    expect(checked.errors).toEqual({});
    const at = new Date(localDateTimeValue(NOW)).toISOString();
    expect(checked.inputs).toEqual([
      { code: '8480-6', codeSystem: 'loinc', value: 152, unit: 'mm[Hg]', effectiveAt: at, note: '早上' },
      { code: '8462-4', codeSystem: 'loinc', value: 95, unit: 'mm[Hg]', effectiveAt: at, note: '早上' },
    ]);
  });

  it('asks for both blood pressure values', () => {
    expect(checkReading(draft({ value: '', value2: '' }), item(BLOOD_PRESSURE), NOW).errors).toEqual({
      value: { code: 'required' },
      value2: { code: 'required' },
    });
  });

  it('refuses a diastolic value at or above the systolic one', () => {
    const { errors, inputs } = checkReading(draft({ value: '90', value2: '120' }), item(BLOOD_PRESSURE), NOW);
    expect(errors.value2).toEqual({ code: 'systolic_not_above_diastolic' });
    expect(inputs).toBeNull();
  });

  it('refuses values no person can have, naming the plausible range in the chosen unit', () => {
    const mmol = checkReading(draft({ value: '500' }, '14771-0'), item('14771-0'), NOW);
    expect(mmol.errors.value).toEqual({ code: 'out_of_range', min: 0.1, max: 200, unit: 'mmol/L' });
    // The same number is a real (very high) glucose in mg/dL.
    expect(
      checkReading(draft({ value: '500', unit: 'mg/dL' }, '14771-0'), item('14771-0'), NOW).errors,
    ).toEqual({});
  });

  it('reads full-width digits and a decimal comma', () => {
    const checked = checkReading(draft({ value: '６.５' }, '14771-0'), item('14771-0'), NOW);
    expect(checked.inputs?.[0]?.value).toBe(6.5);
    expect(parseNumber('6,5')).toBe(6.5);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1e5')).toBeNull();
  });

  it('refuses text that is not a number', () => {
    expect(checkReading(draft({ value: '高' }, '29463-7'), item('29463-7'), NOW).errors.value).toEqual({
      code: 'not_a_number',
    });
  });

  it('refuses a time in the future but allows a few minutes of clock drift', () => {
    const later = new Date(NOW.getTime() + 60 * 60_000);
    const soon = new Date(NOW.getTime() + 2 * 60_000);
    const base = { value: '70' };
    expect(
      checkReading(draft({ ...base, effectiveAt: localDateTimeValue(later) }, '8867-4'), item('8867-4'), NOW)
        .errors,
    ).toEqual({
      effectiveAt: { code: 'in_future' },
    });
    expect(
      checkReading(draft({ ...base, effectiveAt: localDateTimeValue(soon) }, '8867-4'), item('8867-4'), NOW)
        .errors,
    ).toEqual({});
    expect(checkReading(draft({ ...base, effectiveAt: '' }, '8867-4'), item('8867-4'), NOW).errors).toEqual({
      effectiveAt: { code: 'required' },
    });
  });

  it('limits the note', () => {
    const checked = checkReading(
      draft({ value: '70', note: 'x'.repeat(1001) }, '8867-4'),
      item('8867-4'),
      NOW,
    );
    expect(checked.errors.note).toEqual({ code: 'too_long', max: 1000 });
  });

  it('asks for an item first', () => {
    expect(checkReading(draft({ value: '1' }), undefined, NOW).errors).toEqual({
      itemId: { code: 'required' },
    });
  });

  it('falls back to the item unit when the chosen unit is not one the item takes', () => {
    const checked = checkReading(draft({ value: '60', unit: 'lb' }, '29463-7'), item('29463-7'), NOW);
    expect(checked.inputs?.[0]?.unit).toBe('kg');
  });
});

describe('serverFieldFor', () => {
  it('puts the server value error of the second blood pressure request on the diastolic field', () => {
    expect(serverFieldFor('value', 0)).toBe('value');
    expect(serverFieldFor('body.value', 1)).toBe('value2');
    expect(serverFieldFor('/unit', 0)).toBe('unit');
    expect(serverFieldFor('patientId', 0)).toBeNull();
    expect(serverFieldFor('code', 0)).toBe('itemId');
  });
});
