import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fhirToReports } from './fhir.ts';
import { isValidLoinc } from './loinc.ts';

// shared/testdata beside the project, as the fhir reader's tests find it.
const testdata = new URL('../../../../../shared/testdata/fhir/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, testdata), 'utf8');

const patient = {
  resourceType: 'Patient',
  id: 'p1',
  identifier: [
    { system: 'urn:oid:2.16.156.10011.1.3', value: '310115197511084563' },
    { type: { coding: [{ code: 'MR' }] }, value: 'MRN-88' },
  ],
  name: [{ family: '李', given: ['四'] }],
  gender: 'female',
  telecom: [{ system: 'phone', value: '139-0000-1111' }],
};
const observation = (id: string, code: string, display: string, value: object, extra: object = {}) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code, display }], text: display },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-01T08:30:00+08:00',
  ...value,
  ...extra,
});
const glucose = observation(
  'glu',
  '14771-0',
  '空腹血糖',
  { valueQuantity: { value: 7.2, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' } },
  {
    referenceRange: [{ low: { value: 3.9, unit: 'mmol/L' }, high: { value: 6.1, unit: 'mmol/L' } }],
    interpretation: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }],
      },
    ],
  },
);
const bundle = (...resources: object[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});
const report = {
  resourceType: 'DiagnosticReport',
  id: 'dr1',
  identifier: [{ value: 'TJ2026030100' }],
  status: 'final',
  code: { text: '入职体检套餐' },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-01',
  performer: [{ display: '某某医院健康管理中心' }],
  conclusion: '空腹血糖偏高',
  result: [{ reference: 'Observation/glu' }, { reference: 'Observation/bp' }],
};
const bp = observation('bp', '85354-9', '血压', {
  component: [
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: '收缩压' }] },
      valueQuantity: { value: 128, unit: 'mmHg' },
    },
    {
      code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: '舒张压' }] },
      valueQuantity: { value: 82, unit: 'mmHg' },
    },
  ],
});

describe('fhirToReports: a checkup bundle', () => {
  const outcome = fhirToReports(JSON.stringify(bundle(patient, report, glucose, bp)));

  it('makes one report of a DiagnosticReport and its results', () => {
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports).toHaveLength(1);
    expect(outcome.reports[0]).toMatchObject({
      externalId: 'TJ2026030100',
      performedAt: '2026-03-01',
      center: '某某医院健康管理中心',
      packageName: '入职体检套餐',
      conclusion: '空腹血糖偏高',
    });
  });

  it('reads the subject: national ID by its system, MR-typed record number, name, sex, phone', () => {
    expect(outcome.reports[0]?.patient).toEqual({
      nationalId: '310115197511084563',
      mrn: 'MRN-88',
      name: '李四',
      sex: 'female',
      birthDate: '1975-11-08',
      phone: '13900001111',
    });
  });

  it('reads values, ranges, interpretation and the components of a panel', () => {
    const [glu, sbp, dbp] = outcome.reports[0]?.items ?? [];
    expect(glu).toEqual({
      rowNo: 3,
      localName: '空腹血糖',
      code: { system: 'loinc', code: '14771-0' },
      valueText: '7.2',
      valueNum: 7.2,
      unit: 'mmol/L',
      refLow: 3.9,
      refHigh: 6.1,
      refText: '3.9-6.1',
      flag: 'H',
      observedAt: '2026-03-01T08:30:00+08:00',
    });
    expect(sbp).toMatchObject({
      rowNo: 4,
      localName: '收缩压',
      code: { code: '8480-6' },
      valueNum: 128,
      unit: 'mmHg',
    });
    expect(dbp).toMatchObject({ localName: '舒张压', valueNum: 82 });
  });

  it('groups Observations no report refers to by subject and date', () => {
    const later = {
      ...glucose,
      id: 'glu2',
      effectiveDateTime: '2026-04-01T08:00:00+08:00',
      valueQuantity: { value: 6.0, unit: 'mmol/L' },
    };
    const loose = fhirToReports(bundle(patient, glucose, { ...glucose, id: 'glu3' }, later));
    expect(loose.reports.map((r) => [r.performedAt, r.items.length, r.patient.name])).toEqual([
      ['2026-03-01T08:30:00+08:00', 2, '李四'],
      ['2026-04-01T08:00:00+08:00', 1, '李四'],
    ]);
  });
});

describe('fhirToReports: bad content is reported per entry', () => {
  it('reports unknown resource types and skips them', () => {
    const outcome = fhirToReports(bundle(patient, { resourceType: 'CheckupResult', id: 'x' }, glucose));
    expect(outcome.reports[0]?.items).toHaveLength(1);
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        rowNo: 2,
        code: 'unknown_resource',
        field: '$.entry[1].resource.resourceType',
      }),
    ]);
  });

  it('reports invalid codes and values per Observation and keeps the rest', () => {
    const badStatus = { ...glucose, id: 'a', status: 'done' };
    const badLoinc = observation('b', '14771-1', '空腹血糖', {
      valueQuantity: { value: 5.1, unit: 'mmol/L' },
    });
    const badValue = observation('c', '2093-3', '总胆固醇', {
      valueQuantity: { value: 'high', unit: 'mmol/L' },
    });
    const noValue = observation('d', '2571-8', '甘油三酯', {});
    const outcome = fhirToReports(bundle(patient, badStatus, badLoinc, badValue, noValue));
    expect(outcome.problems.map((p) => [p.rowNo, p.code])).toEqual([
      [2, 'invalid_code'],
      [4, 'invalid_value'],
      [3, 'invalid_code'],
      [4, 'missing_value'],
      [5, 'missing_value'],
    ]);
    expect(outcome.reports[0]?.items.map((i) => [i.localName, i.valueNum, i.code?.code])).toEqual([
      ['空腹血糖', 7.2, '14771-0'],
      // The wrong check digit is dropped; the name still says fasting glucose.
      ['空腹血糖', 5.1, '14771-0'],
    ]);
  });

  it.each([
    ['text that is not JSON', '{"resourceType": "Bundle", ', 'bad_json'],
    ['JSON that is not FHIR', '{"name": "张三"}', 'not_fhir'],
    ['an array', '[1, 2]', 'not_fhir'],
    ['a bundle without results', JSON.stringify(bundle(patient)), 'not_a_report'],
  ])('refuses %s', (_name, text, code) => {
    const outcome = fhirToReports(text);
    expect(outcome.reports).toEqual([]);
    expect(outcome.fatal?.code).toBe(code);
  });
});

describe('fhirToReports: the R4 specification examples and Synthea bundles', () => {
  it('reads the lipid report example: 4 results with units and ranges', () => {
    const outcome = fhirToReports(
      read('r4-official-examples/diagnosticreport-examples/diagnosticreport-example-lipids.json'),
    );
    const [lipids] = outcome.reports;
    expect(lipids).toMatchObject({
      externalId: '5234342',
      performedAt: '2011-03-04T08:30:00+11:00',
      packageName: 'Lipid Panel',
    });
    expect(lipids?.items.map((i) => [i.localName, i.valueNum, i.unit])).toEqual([
      ['Cholesterol', 6.3, 'mmol/L'],
      ['Triglyceride', 1.3, 'mmol/L'],
      ['Cholesterol in HDL', 1.3, 'mmol/L'],
      ['LDL Chol. (Calc)', 4.6, 'mmol/L'],
    ]);
    expect(lipids?.items[0]).toMatchObject({ code: { system: 'loinc', code: '35200-5' }, refHigh: 4.5 });
  });

  it('reads the blood pressure example as systolic 107 and diastolic 60 mmHg on 2012-09-17', () => {
    const outcome = fhirToReports(
      read('r4-official-examples/observation-examples/observation-example-bloodpressure.json'),
    );
    const items = outcome.reports[0]?.items ?? [];
    expect(items.map((i) => [i.code?.code, i.valueNum, i.unit])).toEqual([
      ['8480-6', 107, 'mmHg'],
      ['8462-4', 60, 'mmHg'],
    ]);
    expect(outcome.reports[0]?.performedAt).toBe('2012-09-17');
  });

  it('reports the unresolved results of a report whose Observations are not in the bundle', () => {
    const outcome = fhirToReports(
      read('r4-official-examples/diagnosticreport-examples/diagnosticreport-example-f001-bloodexam.json'),
    );
    expect(outcome.fatal?.code).toBe('not_a_report');
    expect(outcome.problems.filter((p) => p.code === 'unresolved_reference')).toHaveLength(5);
  });

  it('reads a Synthea bundle: every Observation value becomes an item of its day', () => {
    const outcome = fhirToReports(
      read('synthea/Samuel331_Terry864_1e610c5a-ff61-c754-2538-d059748636fc.json'),
    );
    const items = outcome.reports.flatMap((r) => r.items);
    expect(items).toHaveLength(520);
    expect(outcome.problems.filter((p) => p.code === 'missing_value')).toHaveLength(10);
    // fhir-data-pipes masks some codes ('5089AAAA…' under http://loinc.org): reported, kept as local codes.
    const masked = items.filter((i) => i.code?.code.includes('AAAA'));
    expect(masked.length).toBeGreaterThan(100);
    expect(masked.every((i) => i.code?.system === 'local')).toBe(true);
    expect(
      items.filter((i) => i.code?.system === 'loinc').every((i) => isValidLoinc(i.code?.code ?? '')),
    ).toBe(true);
    expect(outcome.problems.find((p) => p.rowNo === masked[0]?.rowNo)?.code).toBe('invalid_code');
    expect(outcome.reports.every((r) => r.patient.name === 'Samuel331 Terry864')).toBe(true);
    expect(outcome.reports[0]?.patient.phone).toBe('5559272575');
  });
});
