import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAppleHealthParser } from './parser.ts';
import { decodeEntities } from './tokenizer.ts';
import type { AppleHealthProblem, AppleHealthReading } from './types.ts';

function parseChunks(chunks: readonly string[]) {
  const readings: AppleHealthReading[] = [];
  const problems: AppleHealthProblem[] = [];
  const parser = createAppleHealthParser({
    onReading: (r) => readings.push(r),
    onProblem: (p) => problems.push(p),
  });
  for (const chunk of chunks) parser.push(chunk);
  const summary = parser.end();
  return { readings, problems, summary };
}

/** Cuts text at the given positions (sorted, deduplicated), including inside tags and attributes. */
function cut(text: string, positions: readonly number[]): string[] {
  const points = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const point of [...points, text.length]) {
    chunks.push(text.slice(last, point));
    last = point;
  }
  return chunks;
}

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 3 (it's "quoted" ] > here) -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
<!ATTLIST Record type CDATA #REQUIRED>
]>
<HealthData locale="zh_CN">
 <ExportDate value="2019-02-01 08:00:00 +0800"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1960-05-01"/>
 <!-- a comment with <Record type="fake"/> inside --->
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="李 &amp; 王&#x2019;s Watch" unit="count/min" startDate="2019-01-27 09:15:00 +0800" endDate="2019-01-27 09:15:00 +0800" value="72">
  <HeartRateVariabilityMetadataList>
   <InstantaneousBeatsPerMinute bpm="71" time="9:15:01.00 AM"/>
  </HeartRateVariabilityMetadataList>
 </Record>
 <Correlation type="HKCorrelationTypeIdentifierBloodPressure" sourceName="欧姆龙" startDate="2019-01-27 09:20:00 +0800" endDate="2019-01-27 09:20:00 +0800">
  <Record type="HKQuantityTypeIdentifierBloodPressureSystolic" sourceName="欧姆龙" unit="mmHg" startDate="2019-01-27 09:20:00 +0800" endDate="2019-01-27 09:20:00 +0800" value="142"/>
  <Record type="HKQuantityTypeIdentifierBloodPressureDiastolic" sourceName="欧姆龙" unit="mmHg" startDate="2019-01-27 09:20:00 +0800" endDate="2019-01-27 09:20:00 +0800" value="91"/>
 </Correlation>
 <Record type="HKQuantityTypeIdentifierBodyMass" sourceName="Health" unit="lb" startDate="2019-01-28 07:00:00 +0800" endDate="2019-01-28 07:00:00 +0800" value="150"/>
 <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="x" unit="count/min" startDate="2019-13-01 00:00:00 +0800" endDate="2019-13-01 00:00:00 +0800" value="72"/>
 <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="Watch" startDate="2019-01-27 23:00:00 +0800" endDate="2019-01-28 06:30:00 +0800" value="HKCategoryValueSleepAnalysisAsleepCore"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="30"><WorkoutEvent type="x" date="y"/></Workout>
 <![CDATA[ <Record type="not one"/> ]]>
</HealthData>
`;

describe('apple health parser properties', () => {
  it('reads the sample: entities decoded, comments and CDATA ignored, one problem', () => {
    const { readings, problems, summary } = parseChunks([SAMPLE]);
    expect(readings.map((r) => r.kind)).toEqual(['heart-rate', 'blood-pressure', 'weight', 'sleep']);
    expect(readings[0]?.source).toBe('李 & 王’s Watch');
    expect(readings[1]).toMatchObject({ systolic: 142, diastolic: 91, line: 16 });
    expect(readings[2]).toMatchObject({ value: 68.04, unit: 'kg' });
    expect(readings[3]).toMatchObject({ value: 450, night: '2019-01-27' });
    expect(problems.map((p) => [p.code, p.line])).toEqual([['bad-date', 21]]);
    expect(summary.skipped).toEqual({ Workout: 1 });
  });

  it('any chunking of the same text yields the same readings and problems', () => {
    const whole = parseChunks([SAMPLE]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (positions) => {
        expect(parseChunks(cut(SAMPLE, positions))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('random text, and random cuts of the sample, never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 10 }), (chunks) => {
        parseChunks(chunks);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const text = SAMPLE.slice(a % SAMPLE.length, (a % SAMPLE.length) + (b % SAMPLE.length));
        const { problems } = parseChunks([text]);
        expect(problems.every((p) => Number.isInteger(p.line) && p.line >= 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes the predefined entities and character references', () => {
    expect(decodeEntities('&lt;&lt;HKDevice&gt; &quot;a&apos; &#20013;&#x6587; &bogus; &#xD800;')).toBe(
      '<<HKDevice> "a\' 中文 &bogus; &#xD800;',
    );
  });

  it('parses 200,000 records well under 10 s', () => {
    const line = (i: number) =>
      ` <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Apple Watch" sourceVersion="10.2" device="&lt;&lt;HKDevice: 0x3012772a0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,7, software:10.2&gt;" unit="count/min" creationDate="2024-01-01 01:01:42 +0200" startDate="2024-01-01 01:01:36 +0200" endDate="2024-01-01 01:01:36 +0200" value="${60 + (i % 60)}"/>\n`;
    const block = Array.from({ length: 1000 }, (_, i) => line(i)).join('');
    let count = 0;
    const started = performance.now();
    const parser = createAppleHealthParser({ onReading: () => (count += 1) });
    parser.push('<HealthData locale="zh_CN">\n');
    for (let i = 0; i < 200; i += 1) {
      for (let at = 0; at < block.length; at += 65_536) parser.push(block.slice(at, at + 65_536));
    }
    parser.push('</HealthData>');
    const summary = parser.end();
    const seconds = (performance.now() - started) / 1000;
    expect(count).toBe(200_000);
    expect(summary.problems).toBe(0);
    expect(seconds).toBeLessThan(10);
  });
});
