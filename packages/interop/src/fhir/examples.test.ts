import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  extractDiagnosticReports,
  extractObservations,
  extractPatient,
  extractPatients,
  readBundle,
} from '../index.ts';

const testdata = new URL('../../../../../shared/testdata/fhir/', import.meta.url);
const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, testdata), 'utf8')) as unknown;
const example = (path: string) => readJson(`r4-official-examples/${path}`);

describe('test data location', () => {
  // shared/ stands beside the project in every checkout (development and CI), wherever that is.
  it('resolves to shared/testdata/fhir beside the project', () => {
    expect(fileURLToPath(testdata)).toMatch(/\/shared\/testdata\/fhir\/$/);
  });
});

// Expected values from the R4 (4.0.1) specification's examples and their narratives.
describe('the R4 blood-pressure Observation example', () => {
  const read = readBundle(example('observation-examples/observation-example-bloodpressure.json'));
  const { observations, problems } = extractObservations(read);

  it('reads a single resource without problems', () => {
    expect(read.bundleType).toBeUndefined();
    expect(read.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(read.byType.get('Observation')).toHaveLength(1);
  });

  it('has the panel code, status, subject, effective date and interpretation L', () => {
    const [bp] = observations;
    expect(bp).toMatchObject({
      id: 'blood-pressure',
      path: '$',
      code: { system: 'http://loinc.org', code: '85354-9' },
      status: 'final',
      subject: 'Patient/example',
      effective: '2012-09-17',
      interpretation: ['L'],
    });
    expect(bp?.value).toBeUndefined();
  });

  it('has systolic 107 mmHg (N) and diastolic 60 mmHg (L) components, preferring LOINC codes', () => {
    expect(observations[0]?.components).toEqual([
      {
        code: { system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' },
        codeText: 'Systolic blood pressure',
        value: {
          kind: 'quantity',
          value: 107,
          unit: 'mmHg',
          ucum: 'mm[Hg]',
          system: 'http://unitsofmeasure.org',
          code: 'mm[Hg]',
        },
        interpretation: ['N'],
      },
      {
        code: { system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' },
        codeText: 'Diastolic blood pressure',
        value: {
          kind: 'quantity',
          value: 60,
          unit: 'mmHg',
          ucum: 'mm[Hg]',
          system: 'http://unitsofmeasure.org',
          code: 'mm[Hg]',
        },
        interpretation: ['L'],
      },
    ]);
  });
});

describe('the R4 glucose lab Observation example (f001)', () => {
  const { observations, problems } = extractObservations(
    readBundle(example('observation-examples/observation-example-f001-glucose.json')),
  );

  it('reads 6.3 mmol/l, range 3.1-6.2, flag H, effectivePeriod.start and issued', () => {
    expect(problems).toEqual([]);
    expect(observations[0]).toMatchObject({
      code: { system: 'http://loinc.org', code: '15074-8', display: 'Glucose [Moles/volume] in Blood' },
      value: { kind: 'quantity', value: 6.3, unit: 'mmol/l', ucum: 'mmol/L' },
      referenceRange: { low: 3.1, high: 6.2, unit: 'mmol/l' },
      interpretation: ['H'],
      effective: '2013-04-02T09:30:10+01:00',
      issued: '2013-04-03T15:30:10+01:00',
      status: 'final',
      subject: 'Patient/f001',
      components: [],
    });
  });
});

describe('the R4 lipid panel DiagnosticReport example (a collection Bundle)', () => {
  const read = readBundle(example('diagnosticreport-examples/diagnosticreport-example-lipids.json'));
  const { reports, observations, problems } = extractDiagnosticReports(read);

  it('reads the collection without problems', () => {
    expect(read.bundleType).toBe('collection');
    expect(read.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(observations).toHaveLength(4);
  });

  it('resolves Observation/id result references to the bundle observations, in order', () => {
    const [report] = reports;
    expect(report).toMatchObject({
      id: 'lipids',
      fullUrl: 'https://example.com/base/DiagnosticReport/lipids',
      code: { system: 'http://loinc.org', code: '24331-1' },
      codeText: 'Lipid Panel',
      status: 'final',
      effective: '2011-03-04T08:30:00+11:00',
      issued: '2013-01-27T11:45:33+11:00',
      subject: 'Patient/pat2',
    });
    expect(report?.resultReferences).toEqual([
      'Observation/cholesterol',
      'Observation/triglyceride',
      'Observation/hdlcholesterol',
      'Observation/ldlcholesterol',
    ]);
    expect(
      report?.results.map((o) => [o.code?.code, o.value?.kind === 'quantity' ? o.value.value : undefined]),
    ).toEqual([
      ['35200-5', 6.3],
      ['35217-9', 1.3],
      ['2085-9', 1.3],
      ['13457-7', 4.6],
    ]);
    expect(report?.results[0]?.referenceRange).toEqual({ high: 4.5, unit: 'mmol/L' });
    expect(report?.results[2]?.referenceRange).toEqual({ low: 1.5, unit: 'mmol/L' });
  });
});

describe('the R4 Chinese-name Patient example', () => {
  const { patient, problems } = extractPatient(
    readBundle(example('patient-examples/patient-example-chinese.json')),
  );

  it('reads name 张无忌, gender, birth date and the MRN with its system', () => {
    expect(problems).toEqual([]);
    expect(patient).toMatchObject({
      id: 'ch-example',
      name: { use: 'official', text: '张无忌', full: '张无忌', given: [] },
      gender: 'male',
      birthDate: '1974-12-25',
      identifiers: [
        { system: 'urn:oid:1.2.36.146.595.217.0.1', value: '3112219680806371X', use: 'usual', type: 'MR' },
      ],
    });
  });
});

describe('all 324 R4 official examples', () => {
  const files = readdirSync(new URL('r4-official-examples/', testdata), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('read and extract without throwing; the only problems are results outside their bundle and one bare identifier', () => {
    expect(files).toHaveLength(324);
    const found = files.flatMap((file) => {
      const read = readBundle(example(file));
      const problems = [
        ...read.problems,
        ...extractObservations(read).problems,
        ...extractDiagnosticReports(read).problems,
        ...extractPatients(read).problems,
      ];
      return problems.map((p) => `${file.split('/')[1]} ${p.code} ${p.path}`);
    });
    expect(found.filter((p) => !p.includes(' UNRESOLVED_REFERENCE '))).toEqual([
      'patient-example-f001-pieter.json MISSING_FIELD $.identifier[1].value',
    ]);
    // e.g. the f001 blood exam report lists Observation/f001..f005, which its collection does not hold.
    expect(found.filter((p) => p.startsWith('diagnosticreport-example-f001-bloodexam.json'))).toHaveLength(5);
  });

  it('read interpretation codes from v3 codings only, skipping SNOMED ones (f203 bicarbonate: N)', () => {
    const read = readBundle(example('observation-examples/observation-example-f203-bicarbonate.json'));
    expect(extractObservations(read).observations[0]?.interpretation).toEqual(['N']);
  });
});

describe('a Synthea transaction Bundle (Wally311 Blanda868)', () => {
  const counts = readJson('synthea/resource_counts.json') as Record<
    string,
    { bundleType: string; entries: number; counts: Record<string, number>; patient: { birthDate: string } }
  >;
  const name = 'Wally311_Blanda868_879c534d-c512-35c0-58c2-98730ba5f171.json';
  const expected = counts[name];
  const read = readBundle(readJson(`synthea/${name}`));

  it('reproduces the bundle type, entry count and every per-type count of resource_counts.json', () => {
    expect(expected).toBeDefined();
    expect(read.problems).toEqual([]);
    expect(read.bundleType).toBe(expected?.bundleType);
    expect(read.entries).toHaveLength(expected?.entries ?? -1);
    expect(Object.fromEntries([...read.byType].map(([type, list]) => [type, list.length]))).toEqual(
      expected?.counts,
    );
  });

  it('extracts as many Observations and DiagnosticReports as counted, and the patient', () => {
    const { observations } = extractObservations(read);
    const { reports, problems } = extractDiagnosticReports(read);
    expect(observations).toHaveLength(expected?.counts['Observation'] ?? -1);
    expect(reports).toHaveLength(expected?.counts['DiagnosticReport'] ?? -1);
    expect(problems).toEqual([]);
    expect(observations.every((o) => o.fullUrl?.startsWith('urn:uuid:') && o.effective !== undefined)).toBe(
      true,
    );
    const { patient } = extractPatient(read);
    expect(patient).toMatchObject({
      gender: 'male',
      birthDate: expected?.patient.birthDate,
      name: { family: 'Blanda868', given: ['Wally311'], full: 'Wally311 Blanda868' },
    });
  });
});

describe('every Synthea bundle in testdata that resource_counts.json describes', () => {
  const counts = readJson('synthea/resource_counts.json') as Record<
    string,
    { counts: Record<string, number> }
  >;
  const files = readdirSync(new URL('synthea/', testdata)).filter((f) => f in counts);

  it.each(files)('%s: per-type counts, Observations and DiagnosticReports match', (file) => {
    const read = readBundle(readJson(`synthea/${file}`));
    const expected = counts[file]?.counts;
    expect(read.problems).toEqual([]);
    expect(Object.fromEntries([...read.byType].map(([type, list]) => [type, list.length]))).toEqual(expected);
    expect(extractObservations(read).observations).toHaveLength(expected?.['Observation'] ?? -1);
    const reports = extractDiagnosticReports(read);
    expect(reports.reports).toHaveLength(expected?.['DiagnosticReport'] ?? -1);
    expect(reports.problems).toEqual([]);
  });

  it('finds the three bundles', () => expect(files).toHaveLength(3));
});
