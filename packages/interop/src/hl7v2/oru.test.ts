import { describe, expect, it } from 'vitest';
import { hl7TimestampToIso, parseMessage, parseReferenceRange, readOruResults } from './index.ts';

const oru = (...segments: string[]) =>
  parseMessage(
    ['MSH|^~\\&|LAB|HOSP|EHR|CLINIC|20240301093000||ORU^R01|MSG1|P|2.5.1', ...segments].join('\r'),
  );

describe('readOruResults', () => {
  it('groups each OBR’s OBX results under it', () => {
    const { requests } = readOruResults(
      oru(
        'PID|1||MRN1^^^HOSP^MR~999^^^SSA^SS||DOE^JANE^Q||19800102|F',
        'OBR|1||F1|24331-1^Lipid panel^LN',
        'OBX|1|NM|2093-3^Cholesterol^LN||181|mg/dL|<200||||F|||20240301081500-0500',
        'OBX|2|NM|2571-8^Triglyceride^LN||95|mg/dL|<150||||F',
        'OBR|2||F2|4548-4^HbA1c^LN',
        'OBX|1|NM|4548-4^Hemoglobin A1c^LN||6.9|%|4.0-5.6|H~A|||F|||20240301',
      ),
    );
    expect(requests.map((r) => [r.setId, r.code?.code, r.observations.length])).toEqual([
      ['1', '24331-1', 2],
      ['2', '4548-4', 1],
    ]);
    expect(requests[0]?.observations[0]).toEqual({
      setId: '1',
      valueType: 'NM',
      code: { code: '2093-3', display: 'Cholesterol', system: 'http://loinc.org' },
      value: 181,
      unit: 'mg/dL',
      referenceRange: { text: '<200', high: 200 },
      abnormalFlags: [],
      status: 'F',
      observedAt: '2024-03-01T08:15:00-05:00',
      problems: [],
    });
    expect(requests[1]?.observations[0]).toMatchObject({
      value: 6.9,
      referenceRange: { low: 4, high: 5.6 },
      abnormalFlags: ['H', 'A'],
      observedAt: '2024-03-01',
    });
  });

  it('reads the patient’s identifiers, name, birth date and sex from PID', () => {
    const { patient } = readOruResults(oru('PID|1||MRN1^^^HOSP^MR~999^^^SSA^SS||DOE^JANE^Q||19800102|F'));
    expect(patient).toEqual({
      identifiers: [
        { value: 'MRN1', assigningAuthority: 'HOSP', typeCode: 'MR' },
        { value: '999', assigningAuthority: 'SSA', typeCode: 'SS' },
      ],
      family: 'DOE',
      given: ['JANE', 'Q'],
      birthDate: '1980-01-02',
      sex: 'F',
    });
  });

  it('reports a result without OBX-5 as MISSING_VALUE and keeps the others', () => {
    const { requests } = readOruResults(
      oru(
        'OBR|1',
        'OBX|1|NM|1554-5^Glucose^LN||""|mg/dL',
        'OBX|2|NM|2345-7^Glucose^LN',
        'OBX|3|NM|2823-3^K^LN||4.1|mmol/L',
      ),
    );
    expect(requests[0]?.observations.map((o) => [o.setId, o.value, o.problems])).toEqual([
      ['1', undefined, ['MISSING_VALUE']],
      ['2', undefined, ['MISSING_VALUE']],
      ['3', 4.1, []],
    ]);
  });

  it('keeps an NM value that is not a number as text, flagged BAD_NUMBER', () => {
    const { requests } = readOruResults(oru('OBR|1', 'OBX|1|NM|2823-3^K^LN||hemolysed'));
    expect(requests[0]?.observations[0]).toMatchObject({ value: 'hemolysed', problems: ['BAD_NUMBER'] });
  });

  it('gives text values as strings and SN with a comparator as its text', () => {
    const { requests } = readOruResults(
      oru(
        'OBR|1',
        'OBX|1|ST|8251-1^Comment^LN||see note \\T\\ call',
        'OBX|2|SN|1751-7^Albumin^LN||<^2.0|g/dL',
      ),
    );
    expect(requests[0]?.observations.map((o) => o.value)).toEqual(['see note & call', '<2.0']);
  });

  it('keeps OBX before any OBR in a request of their own and passes unknown coding systems through', () => {
    const { requests } = readOruResults(oru('OBX|1|NM|X1^Local thing^99LOCAL||3'));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.code).toBeUndefined();
    expect(requests[0]?.observations[0]?.code).toEqual({
      code: 'X1',
      display: 'Local thing',
      system: '99LOCAL',
    });
  });

  it('stays quick on a megabyte of digits in OBX-5 and OBX-7', () => {
    const digits = '1'.repeat(1_000_000);
    const started = performance.now();
    const { requests } = readOruResults(oru('OBR|1', `OBX|1|NM|1^X^LN||${digits}x||${digits}-x`));
    expect(requests[0]?.observations[0]?.problems).toEqual(['BAD_NUMBER']);
    expect(requests[0]?.observations[0]?.referenceRange?.low).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseReferenceRange', () => {
  it.each([
    ['70-105', 70, 105],
    ['70_105', 70, 105], // HL7 v2.4 chapter 7's glucose example
    ['3.5 - 5.1', 3.5, 5.1],
    ['-2-2', -2, 2],
    ['<5', undefined, 5],
    ['<=5', undefined, 5],
    ['>60', 60, undefined],
    ['negative', undefined, undefined],
    ['', undefined, undefined],
  ])('reads "%s" as low %s, high %s', (text, low, high) => {
    const range = parseReferenceRange(text);
    expect(range.text).toBe(text);
    expect(range.low).toBe(low);
    expect(range.high).toBe(high);
  });
});

describe('hl7TimestampToIso', () => {
  it.each([
    ['20020101120000+0800', '2002-01-01T12:00:00+08:00'],
    ['200202150930', '2002-02-15T09:30:00'],
    ['20141006062700+0700', '2014-10-06T06:27:00+07:00'],
    ['20210817151943.4+0200', '2021-08-17T15:19:43.4+02:00'],
    ['201203141259-0215', '2012-03-14T12:59:00-02:15'],
    ['20020101', '2002-01-01'],
    ['200201', '2002-01'],
    ['2002', '2002'],
  ])('turns %s into %s', (hl7, iso) => {
    expect(hl7TimestampToIso(hl7)).toBe(iso);
  });

  it.each(['196203520', '20021301', '20020230', '2002010125', 'yesterday', '', null, undefined])(
    'refuses %s',
    (hl7) => {
      expect(hl7TimestampToIso(hl7)).toBeUndefined();
    },
  );
});
