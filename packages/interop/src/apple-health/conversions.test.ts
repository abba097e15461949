import { describe, expect, it } from 'vitest';
import { isValidLoinc } from '../checkup/loinc.ts';
import { createAppleHealthParser } from './parser.ts';
import { converterFor, QUANTITY_RULES, BLOOD_PRESSURE } from './quantities.ts';
import type { AppleHealthProblem, AppleHealthReading } from './types.ts';
import { parseAppleDate, parseDevice } from './values.ts';

function parse(body: string) {
  const readings: AppleHealthReading[] = [];
  const problems: AppleHealthProblem[] = [];
  const parser = createAppleHealthParser({
    onReading: (r) => readings.push(r),
    onProblem: (p) => problems.push(p),
  });
  parser.push(`<HealthData>\n${body}\n</HealthData>`);
  parser.end();
  return { readings, problems };
}

const rec = (type: string, unit: string, value: string, start: string, end = start, extra = '') =>
  `<Record type="${type}" sourceName="iPhone" unit="${unit}" startDate="${start}" endDate="${end}" value="${value}"${extra}/>`;

describe('Apple dates', () => {
  it.each([
    // Apple's format, as in every export ('yyyy-MM-dd HH:mm:ss Z')
    ['2019-01-27 09:15:00 +0800', '2019-01-27T09:15:00+08:00', Date.UTC(2019, 0, 27, 1, 15)],
    ['2014-09-13 10:27:54 +0100', '2014-09-13T10:27:54+01:00', Date.UTC(2014, 8, 13, 9, 27, 54)],
    ['2020-06-30 23:00:00 -0430', '2020-06-30T23:00:00-04:30', Date.UTC(2020, 6, 1, 3, 30)],
  ])('%s -> %s', (text, iso, epochMs) => {
    expect(parseAppleDate(text)).toMatchObject({ iso, epochMs });
  });

  it.each(['2019-02-29 09:15:00 +0800', '2019-01-27T09:15:00+08:00', '2019-01-27 24:00:00 +0800', ''])(
    'rejects %j',
    (text) => expect(parseAppleDate(text)).toBeUndefined(),
  );
});

describe('Apple units -> UCUM', () => {
  const value = (type: string, unit: string, raw: number) => {
    const rule = QUANTITY_RULES[type];
    return rule && converterFor(type, rule, unit)?.(raw);
  };

  it.each([
    // Apple's molar glucose unit carries the molar mass; 180.156 g/mol: 100 mg/dL = 5.55 mmol/L (clinical.md).
    ['HKQuantityTypeIdentifierBloodGlucose', 'mmol<180.1558800000541>/L', 5.6, 5.6],
    ['HKQuantityTypeIdentifierBloodGlucose', 'mg/dL', 100, 5.55],
    ['HKQuantityTypeIdentifierBloodGlucose', 'mg/dL', 126, 6.99],
    // 1 lb = 0.45359237 kg (International Yard and Pound Agreement, 1959): 150 lb = 68.04 kg
    ['HKQuantityTypeIdentifierBodyMass', 'lb', 150, 68.04],
    ['HKQuantityTypeIdentifierBodyMass', 'st', 10, 63.5],
    // HKUnit.percent() is a fraction: 0.97 -> 97 %
    ['HKQuantityTypeIdentifierOxygenSaturation', '%', 0.97, 97],
    ['HKQuantityTypeIdentifierBodyFatPercentage', '%', 0.254, 25.4],
    ['HKQuantityTypeIdentifierHeight', 'in', 70, 177.8],
    ['HKQuantityTypeIdentifierBodyTemperature', 'degF', 98.6, 37],
  ])('%s %s %s -> %s', (type, unit, raw, expected) => {
    const rule = QUANTITY_RULES[type];
    expect(rule && Math.round(value(type, unit, raw)! * 100) / 100).toBeCloseTo(expected, 2);
  });

  it('refuses a molar unit for another substance', () => {
    expect(value('HKQuantityTypeIdentifierBloodGlucose', 'mmol<18.01528>/L', 5)).toBeUndefined();
  });

  it('cites valid LOINC codes', () => {
    const codes = [...Object.values(QUANTITY_RULES).map((rule) => rule.loinc), BLOOD_PRESSURE.loinc];
    expect(codes.filter((code) => !isValidLoinc(code))).toEqual([]);
  });

  it('reads glucose with its meal time from the nested metadata', () => {
    const start = '2021-03-01 07:30:00 +0800';
    const { readings, problems } = parse(
      `<Record type="HKQuantityTypeIdentifierBloodGlucose" sourceName="OneTouch" unit="mg/dL" startDate="${start}" endDate="${start}" value="108">
  <MetadataEntry key="HKMetadataKeyBloodGlucoseMealTime" value="1"/>
  <MetadataEntry key="HKMetadataKeySyncVersion" value="2"/>
 </Record>`,
    );
    expect(problems).toEqual([]);
    expect(readings).toEqual([
      {
        kind: 'glucose',
        loinc: '15074-8',
        value: 5.99,
        unit: 'mmol/L',
        at: '2021-03-01T07:30:00+08:00',
        source: 'OneTouch',
        mealTime: 'before-meal',
        line: 2,
      },
    ]);
  });
});

describe('sleep analysis -> minutes per night', () => {
  const sleep = (value: string, start: string, end: string, source = 'Apple Watch') =>
    rec(
      'HKCategoryTypeIdentifierSleepAnalysis',
      '',
      `HKCategoryValueSleepAnalysis${value}`,
      start,
      end,
    ).replace('iPhone', source);

  it('adds the Asleep stages of one night and keeps in-bed time beside them', () => {
    const { readings, problems } = parse(
      [
        sleep('InBed', '2023-05-01 22:40:00 +0800', '2023-05-02 06:40:00 +0800', 'iPhone'),
        sleep('AsleepCore', '2023-05-01 23:00:00 +0800', '2023-05-02 02:00:00 +0800'),
        sleep('Awake', '2023-05-02 02:00:00 +0800', '2023-05-02 02:10:00 +0800'),
        sleep('AsleepDeep', '2023-05-02 02:10:00 +0800', '2023-05-02 03:10:00 +0800'),
        sleep('AsleepREM', '2023-05-02 03:10:00 +0800', '2023-05-02 06:00:00 +0800'),
        sleep('AsleepCore', '2023-05-02 22:30:00 +0800', '2023-05-03 06:00:00 +0800'),
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(
      readings.map((r) => r.kind === 'sleep' && [r.night, r.source, r.value, r.basis, r.inBedMinutes]),
    ).toEqual([
      ['2023-05-01', 'iPhone', 480, 'in-bed', 480],
      ['2023-05-01', 'Apple Watch', 410, 'asleep', 0],
      ['2023-05-02', 'Apple Watch', 450, 'asleep', 0],
    ]);
    expect(readings[1]).toMatchObject({ at: '2023-05-01T23:00:00+08:00', end: '2023-05-02T06:00:00+08:00' });
  });

  it('rejects an unknown sleep value', () => {
    const { problems } = parse(sleep('Dozing', '2023-05-01 23:00:00 +0800', '2023-05-02 06:00:00 +0800'));
    expect(problems.map((p) => p.code)).toEqual(['impossible-value']);
  });
});

describe('HKDevice strings', () => {
  it('keeps commas inside a field (hardware:Watch6,7)', () => {
    expect(
      parseDevice(
        '<<HKDevice: 0x3012772a0>, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,7, software:10.2>',
      ),
    ).toEqual({
      name: 'Apple Watch',
      manufacturer: 'Apple Inc.',
      model: 'Watch',
      hardware: 'Watch6,7',
      software: '10.2',
    });
  });
});
