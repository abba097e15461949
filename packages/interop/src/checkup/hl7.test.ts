import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hl7ToReports } from './hl7.ts';

// The same location the hl7v2 tests use: shared/testdata beside the project, wherever the clone lives.
const testdata = new URL('../../../../../shared/testdata/hl7v2/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, testdata), 'utf8');

const MSH = 'MSH|^~\\&|LIS|体检中心|CARELOOP|HOSP|20260301093000+0800||ORU^R01^ORU_R01|MSG0001|P|2.5.1';
const PID = 'PID|1||110105198005201231^^^公安部^NNCHN~TJ-0001^^^HOSP^MR||张^三||19800520|M|||||13800138000';
const OBR = 'OBR|1|PLC001|FIL001|CHECKUP^健康体检套餐A^L|||20260301080000+0800';
const obx = (n: number, rest: string) => `OBX|${n}|${rest}`;

describe('hl7ToReports: a Chinese checkup ORU^R01', () => {
  const text = [
    MSH,
    PID,
    OBR,
    obx(1, 'NM|14771-0^空腹血糖^LN||7.2|mmol/L|3.9-6.1|H|||F|||20260301081500+0800'),
    obx(2, 'NM|TC^总胆固醇^L||4.8|mmol/L|<5.2|N|||F'),
    obx(3, 'ST|URPRO^尿蛋白^L||阴性(-)||阴性||||F'),
    obx(4, 'NM|718-7^血红蛋白^LN||||||||X'),
    obx(5, 'SN|2160-0^肌酐^LN||<^40|umol/L|57-111|L|||F'),
  ].join('\r');
  const outcome = hl7ToReports(text);

  it('reads the patient from PID: national ID by its type, MRN, name, birth date, sex, phone', () => {
    expect(outcome.reports).toHaveLength(1);
    expect(outcome.reports[0]?.patient).toEqual({
      nationalId: '110105198005201231',
      mrn: 'TJ-0001',
      name: '张三',
      sex: 'male',
      birthDate: '1980-05-20',
      phone: '13800138000',
    });
  });

  it('reads the report from OBR: filler number, observation time, the panel, the sending facility', () => {
    expect(outcome.reports[0]).toMatchObject({
      externalId: 'FIL001',
      performedAt: '2026-03-01T08:00:00+08:00',
      packageName: '健康体检套餐A',
      center: '体检中心',
    });
  });

  it('reads one item per OBX, LOINC for the LN system, local codes otherwise', () => {
    const items = outcome.reports[0]?.items ?? [];
    expect(items.map((i) => i.localName)).toEqual(['空腹血糖', '总胆固醇', '尿蛋白', '肌酐']);
    expect(items[0]).toEqual({
      rowNo: 4,
      localName: '空腹血糖',
      code: { system: 'loinc', code: '14771-0' },
      valueText: '7.2',
      valueNum: 7.2,
      unit: 'mmol/L',
      refLow: 3.9,
      refHigh: 6.1,
      refText: '3.9-6.1',
      flag: 'H',
      observedAt: '2026-03-01T08:15:00+08:00',
    });
    expect(items[1]).toMatchObject({ code: { system: 'local', code: 'TC' }, refHigh: 5.2, flag: 'N' });
    expect(items[2]).toMatchObject({ valueText: '阴性(-)', refText: '阴性' });
    expect(items[2]?.valueNum).toBeUndefined();
    expect(items[3]).toMatchObject({ valueText: '<40', flag: 'L', rowNo: 8 });
  });

  it('reports an OBX without OBX-5 by its line and keeps the others', () => {
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rowNo: 7, code: 'missing_value', field: 'OBX-5' }),
    ]);
    expect(outcome.problems[0]?.message).toContain('血红蛋白');
  });
});

describe('hl7ToReports: the python-hl7 and FHIR-Converter samples', () => {
  it("reads the spec's glucose example (sample_hl7.hl7)", () => {
    const outcome = hl7ToReports(read('python-hl7/sample_hl7.hl7'));
    const [report] = outcome.reports;
    expect(report?.externalId).toBe('1045813');
    expect(report?.performedAt).toBe('2002-02-15T07:30:00');
    expect(report?.center).toBe('ELAB-3');
    expect(report?.patient).toMatchObject({ mrn: '555-44-4444', name: 'EVE E EVERYWOMAN', sex: 'female' });
    // PID-7 196203520 is not a date: no birth date rather than a wrong one.
    expect(report?.patient.birthDate).toBeUndefined();
    expect(report?.items).toHaveLength(1);
    expect(report?.items[0]).toMatchObject({
      localName: 'GLUCOSE',
      code: { system: 'loinc', code: '1554-5' },
      valueNum: 182,
      unit: 'mg/dl',
      refLow: 70,
      refHigh: 105,
      flag: 'H',
    });
    // The second OBX declares value type FN (not an HL7 type) with an SN-shaped value: reported, not guessed.
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rowNo: 5, code: 'bad_number', field: 'OBX-5' }),
    ]);
  });

  it('reads LAB-ORU-1 (BOM, two OBRs) and reports the two OBX without a value', () => {
    const outcome = hl7ToReports(read('ms-fhir-converter/samples/LAB-ORU-1.hl7'));
    expect(outcome.fatal).toBeUndefined();
    const [report] = outcome.reports;
    expect(report?.patient).toMatchObject({
      mrn: '10006579',
      name: 'DONALD D DUCK',
      sex: 'male',
      birthDate: '1924-10-10',
    });
    expect(report?.externalId).toBe('82503246');
    expect(report?.items).toHaveLength(8);
    expect(report?.items.find((i) => i.code?.code === '20570-8')).toMatchObject({
      valueNum: 40.1,
      unit: '%',
      flag: 'N',
    });
    expect(outcome.problems.map((p) => [p.rowNo, p.code])).toEqual([
      [4, 'missing_value'],
      [6, 'missing_value'],
    ]);
  });

  it('reads a batch file of several messages as several reports, skipping non-result messages', () => {
    const oru = (id: string, value: string) =>
      [
        `MSH|^~\\&|LIS|C|R|H|20260301||ORU^R01|${id}|P|2.5`,
        `PID|1||${id}^^^H^MR||王^五`,
        `OBR|1||F${id}`,
        obx(1, `NM|8867-4^心率^LN||${value}|/min|60-100`),
      ].join('\r');
    const batch = [
      'FHS|^~\\&',
      'BHS|^~\\&',
      oru('A1', '72'),
      'MSH|^~\\&|HIS|C|R|H|20260301||ADT^A04|X|P|2.5',
      'PID|1||A9',
      oru('A2', '88'),
      'BTS|3',
      'FTS|1',
    ].join('\r');
    const outcome = hl7ToReports(batch);
    expect(outcome.reports.map((r) => [r.externalId, r.items[0]?.valueNum])).toEqual([
      ['FA1', 72],
      ['FA2', 88],
    ]);
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rowNo: 7, code: 'not_a_report', field: 'MSH-9' }),
    ]);
    expect(outcome.reports[1]?.items[0]?.rowNo).toBe(12);
  });
});

describe('hl7ToReports: malformed input is refused with the line it concerns', () => {
  it.each<[string, string, number]>([
    ['a segment before MSH', `PID|1||X\r${MSH}\r${OBR}`, 1],
    ['wrong delimiters in a segment', `${MSH}\rPID^1^^X\r${OBR}`, 2],
    ['a line that is not a segment', `${MSH}\r<html>\r${OBR}`, 2],
    ['an empty file', '   ', 1],
    ['an MSH without message type', 'MSH|^~\\&|A|B|C|D|20260301', 1],
  ])('%s', (_name, text, line) => {
    const outcome = hl7ToReports(text);
    expect(outcome.reports).toEqual([]);
    expect(outcome.fatal).toMatchObject({ code: 'unreadable_hl7', rowNo: line });
    expect(outcome.fatal?.messageZh).toMatch(/HL7/);
  });

  it('refuses ADT files with no results', () => {
    const outcome = hl7ToReports(read('python-hl7/sample_batch1.hl7'));
    expect(outcome.fatal?.code).toBe('not_a_report');
    // One problem per ADT^A04 message, then the refusal of the whole file.
    expect(outcome.problems.map((p) => [p.rowNo, p.code, p.field])).toEqual([
      [2, 'not_a_report', 'MSH-9'],
      [8, 'not_a_report', 'MSH-9'],
      [1, 'not_a_report', undefined],
    ]);
  });

  it('reads a message saved with its MLLP frame', () => {
    const framed = `\u000b${[MSH, PID, OBR, obx(1, 'NM|8867-4^心率^LN||72|/min')].join('\r')}\u001c\r`;
    expect(hl7ToReports(framed).reports[0]?.items[0]).toMatchObject({ valueNum: 72 });
  });

  it('reads a truncated message up to where it stops', () => {
    const text = [
      MSH,
      PID,
      OBR,
      obx(1, 'NM|14771-0^空腹血糖^LN||7.2|mmol/L|3.9-6.1|H'),
      'OBX|2|NM|2093-3^总胆固醇^LN||',
    ].join('\r');
    const outcome = hl7ToReports(text);
    expect(outcome.reports[0]?.items).toHaveLength(1);
    expect(outcome.problems).toEqual([expect.objectContaining({ rowNo: 5, code: 'missing_value' })]);
  });

  it('reports a LOINC-system code with a wrong check digit and keeps the item', () => {
    const outcome = hl7ToReports([MSH, PID, OBR, obx(1, 'NM|14771-1^空腹血糖^LN||7.2|mmol/L')].join('\r'));
    expect(outcome.problems).toEqual([expect.objectContaining({ code: 'invalid_code', field: 'OBX-3' })]);
    // The name still says which analyte it is.
    expect(outcome.reports[0]?.items[0]?.code).toEqual({ system: 'loinc', code: '14771-0' });
  });
});
