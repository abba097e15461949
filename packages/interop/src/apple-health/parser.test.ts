import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppleHealthParser } from './parser.ts';
import { MAX_TAG_LENGTH } from './tokenizer.ts';
import type { AppleHealthProblem, AppleHealthReading, AppleHealthSummary } from './types.ts';

// The same location the hl7v2 and fhir tests use: shared/testdata beside the project, wherever the clone lives.
const testdata = new URL('../../../../../shared/testdata/apple-health/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, testdata), 'utf8');

interface Parsed {
  readings: AppleHealthReading[];
  problems: AppleHealthProblem[];
  summary: AppleHealthSummary;
}

/** Feeds the text in pieces of a pseudo-random size (a fixed seed, so a failure repeats). */
function parse(text: string, seed = 1): Parsed {
  const readings: AppleHealthReading[] = [];
  const problems: AppleHealthProblem[] = [];
  const parser = createAppleHealthParser({
    onReading: (r) => readings.push(r),
    onProblem: (p) => problems.push(p),
  });
  let state = seed;
  for (let i = 0; i < text.length;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const size = 1 + (state % 97);
    parser.push(text.slice(i, i + size));
    i += size;
  }
  return { readings, problems, summary: parser.end() };
}

const wrap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="zh_CN">\n${body}\n</HealthData>\n`;
const record = (type: string, unit: string, value: string, start = '2019-01-27 09:15:00 +0800') =>
  ` <Record type="${type}" sourceName="华为健康" unit="${unit}" creationDate="${start}" startDate="${start}" endDate="${start}" value="${value}"/>`;

describe('tdda/applehealthdata export6s3sample.xml (DTD, comments, ActivitySummary, Workout)', () => {
  const text = read('tdda-applehealthdata/export6s3sample.xml');

  it('reads the 10 StepCount records of expected_csv/StepCount.csv, the first 329', () => {
    const { readings, problems, summary } = parse(text);
    expect(problems).toEqual([]);
    expect(summary.readings).toEqual({ steps: 10 });
    expect(readings[0]).toEqual({
      kind: 'steps',
      loinc: '55423-8',
      value: 329,
      unit: '{steps}',
      at: '2014-09-13T10:27:54+01:00',
      end: '2014-09-13T10:27:59+01:00',
      source: 'Health',
      line: 83,
    });
    const csv = read('tdda-applehealthdata/expected_csv/StepCount.csv').trim().split('\n').slice(1);
    expect(readings.map((r) => ('value' in r ? r.value : 0))).toEqual(
      csv.map((row) => Number(row.split(',').at(-1))),
    );
  });

  it('counts what it does not map: 5 DistanceWalkingRunning, 2 ActivitySummary, 1 Workout', () => {
    const { summary } = parse(text, 7);
    expect(summary.skipped).toEqual({
      HKQuantityTypeIdentifierDistanceWalkingRunning: 5,
      ActivitySummary: 2,
      Workout: 1,
    });
    expect(summary.exportDate).toBe('2016-04-15T07:27:26+01:00');
  });
});

describe("alxdrcirilo/apple-health-parser export.xml (no DTD, HKDevice strings, ' and ’)", () => {
  it('reads the heart rate with its device, decoding &lt; &gt; entities', () => {
    const { readings, problems, summary } = parse(read('alxdrcirilo-apple-health-parser/export.xml'));
    expect(problems).toEqual([]);
    expect(summary.readings).toEqual({ 'heart-rate': 1 });
    expect(summary.skipped).toEqual({
      HKQuantityTypeIdentifierActiveEnergyBurned: 2,
      HKQuantityTypeIdentifierAppleExerciseTime: 1,
      HKQuantityTypeIdentifierAppleStandTime: 1,
    });
    expect(readings[0]).toEqual({
      kind: 'heart-rate',
      loinc: '8867-4',
      value: 74,
      unit: '/min',
      at: '2024-01-01T01:01:36+02:00',
      source: "Alexandre's Apple Watch",
      device: {
        name: 'Apple Watch',
        manufacturer: 'Apple Inc.',
        model: 'Watch',
        hardware: 'Watch6,7',
        software: '10.2',
      },
      line: 9,
    });
  });
});

const BP = (sbp: string, dbp: string, unit = 'mmHg') => `
 <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="欧姆龙" creationDate="2019-01-27 09:15:00 +0800" startDate="2019-01-27 09:15:00 +0800" endDate="2019-01-27 09:15:00 +0800">
  <MetadataEntry key="HKWasUserEntered" value="1"/>
  ${record('HKQuantityTypeIdentifierBloodPressureDiastolic', unit, dbp)}
  ${record('HKQuantityTypeIdentifierBloodPressureSystolic', unit, sbp)}
 </Correlation>
${record('HKQuantityTypeIdentifierBloodPressureDiastolic', unit, dbp)}
${record('HKQuantityTypeIdentifierBloodPressureSystolic', unit, sbp)}`;

describe('blood pressure from correlations', () => {
  it('reads one reading per correlation and skips the top-level copies', () => {
    const { readings, problems } = parse(wrap(BP('128', '82')));
    expect(problems).toEqual([]);
    expect(readings).toEqual([
      {
        kind: 'blood-pressure',
        loinc: '85354-9',
        unit: 'mm[Hg]',
        systolic: 128,
        diastolic: 82,
        at: '2019-01-27T09:15:00+08:00',
        source: '欧姆龙',
        line: 4,
      },
    ]);
  });

  it.each([
    ['400', '90', 'impossible-value'],
    ['80', '120', 'impossible-value'],
    ['12o', '80', 'bad-number'],
  ])('rejects %s/%s mmHg as %s and keeps the next reading', (sbp, dbp, code) => {
    const { readings, problems } = parse(wrap(BP(sbp, dbp) + BP('120', '80')));
    expect(problems.map((p) => [p.code, p.line])).toEqual([[code, 4]]);
    expect(readings).toHaveLength(1);
  });

  it('reports a correlation without a diastolic, and an unknown unit', () => {
    const lone = `<Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="x" startDate="2019-01-27 09:15:00 +0800" endDate="2019-01-27 09:15:00 +0800">${record('HKQuantityTypeIdentifierBloodPressureSystolic', 'mmHg', '120')}</Correlation>`;
    const { problems } = parse(wrap(lone + BP('120', '80', 'kPa')));
    expect(problems.map((p) => p.code)).toEqual(['incomplete-blood-pressure', 'unknown-unit']);
  });
});

describe('bad input: rejected per reading, never a crash', () => {
  it('keeps the valid readings of a truncated file and reports one truncated problem', () => {
    const full = wrap(
      [1, 2, 3].map((i) => record('HKQuantityTypeIdentifierHeartRate', 'count/min', `${60 + i}`)).join('\n'),
    );
    const cut = full.slice(0, full.lastIndexOf('<Record') + 30);
    const { readings, problems } = parse(cut);
    expect(readings.map((r) => ('value' in r ? r.value : 0))).toEqual([61, 62]);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['truncated', 5]]);
  });

  it('names bad dates, numbers and units with their line', () => {
    const { readings, problems } = parse(
      wrap(
        [
          record('HKQuantityTypeIdentifierHeartRate', 'count/min', '72', '2019-02-30 09:15:00 +0800'),
          record('HKQuantityTypeIdentifierHeartRate', 'count/min', 'NaN'),
          record('HKQuantityTypeIdentifierBodyMass', 'oz', '2'),
          record('HKQuantityTypeIdentifierOxygenSaturation', '%', '97'),
          record('HKQuantityTypeIdentifierHeartRate', 'count/min', '72'),
        ].join('\n'),
      ),
    );
    expect(problems.map((p) => [p.line, p.code, p.type])).toEqual([
      [3, 'bad-date', 'HKQuantityTypeIdentifierHeartRate'],
      [4, 'bad-number', 'HKQuantityTypeIdentifierHeartRate'],
      [5, 'unknown-unit', 'HKQuantityTypeIdentifierBodyMass'],
      [6, 'impossible-value', 'HKQuantityTypeIdentifierOxygenSaturation'],
    ]);
    expect(readings).toHaveLength(1);
  });

  it('reports garbage as not an export', () => {
    const { readings, problems } = parse('PK\u0003\u0004 这不是 XML <<< > "\' & ]]> -->');
    expect(readings).toEqual([]);
    expect(problems.at(-1)?.code).toBe('not-health-data');
  });

  it('skips a tag over the cap, then carries on', () => {
    const huge = `<Record type="HKQuantityTypeIdentifierHeartRate" value="${'9'.repeat(MAX_TAG_LENGTH)}"/>`;
    const ok = record('HKQuantityTypeIdentifierHeartRate', 'count/min', '70');
    const { readings, problems } = parse(wrap(`${huge}\n${ok}`));
    expect(problems.map((p) => [p.code, p.line])).toEqual([['tag-too-long', 3]]);
    expect(readings).toHaveLength(1);
  });
});

describe('bounded output for hostile input', () => {
  it('caps the names the summary counts', () => {
    const types = Array.from({ length: 300 }, (_, i) => `<Record type="X${i}${'y'.repeat(500)}"/>`);
    const { summary } = parse(wrap(types.join('\n')));
    const names = Object.keys(summary.skipped);
    expect(names).toHaveLength(201);
    expect(Math.max(...names.map((name) => name.length))).toBeLessThanOrEqual(100);
    expect(summary.skipped['other']).toBe(100);
  });
});
