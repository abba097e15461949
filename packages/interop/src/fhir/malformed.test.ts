import { describe, expect, it } from 'vitest';
import {
  extractDiagnosticReports,
  extractObservations,
  extractPatient,
  isFhirDate,
  isFhirDateTime,
  joinName,
  readBundle,
  type FhirProblem,
} from '../index.ts';

const codesOf = (problems: readonly FhirProblem[]) => problems.map((p) => [p.code, p.path]);

const glucose = (id: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] },
  valueQuantity: { value: 5.4, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
  ...extra,
});

describe('readBundle on input that is not a FHIR Bundle or resource', () => {
  it.each([null, 42, 'text', true, [], [{ resourceType: 'Bundle' }]])(
    'reports NOT_A_BUNDLE for %j',
    (input) => {
      const read = readBundle(input);
      expect(read.entries).toEqual([]);
      expect(read.problems[0]).toMatchObject({
        code: expect.stringMatching(/NOT_A_BUNDLE|INVALID_JSON/),
        fatal: true,
      });
    },
  );

  it('parses JSON text, and reports text that is not JSON as INVALID_JSON', () => {
    expect(readBundle(JSON.stringify(glucose('a'))).entries).toHaveLength(1);
    expect(codesOf(readBundle('{"resourceType": "Bundle", ').problems)).toEqual([['INVALID_JSON', '$']]);
  });

  it('reports an object without resourceType as NOT_A_BUNDLE', () => {
    expect(codesOf(readBundle({ entry: [] }).problems)).toEqual([['NOT_A_BUNDLE', '$.resourceType']]);
  });
});

describe('readBundle on malformed Bundles', () => {
  it('reports a Bundle without entry or type, and reads nothing', () => {
    const read = readBundle({ resourceType: 'Bundle' });
    expect(codesOf(read.problems)).toEqual([
      ['MISSING_FIELD', '$.type'],
      ['MISSING_FIELD', '$.entry'],
    ]);
    expect(read.entries).toEqual([]);
  });

  it('skips entries without a resource, or with a resource that is not an object or has no resourceType', () => {
    const read = readBundle({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { fullUrl: 'urn:uuid:1' },
        { resource: 'x' },
        7,
        { resource: { id: 'y' } },
        { resource: glucose('ok') },
      ],
    });
    expect(codesOf(read.problems)).toEqual([
      ['INVALID_TYPE', '$.entry[2]'], // items that are not objects are reported before the entries are read
      ['MISSING_FIELD', '$.entry[0].resource'],
      ['INVALID_TYPE', '$.entry[1].resource'],
      ['MISSING_FIELD', '$.entry[3].resource.resourceType'],
    ]);
    expect(read.entries.map((e) => [e.resource.id, e.path])).toEqual([['ok', '$.entry[4].resource']]);
  });

  it('reports entry that is not an array, and an unknown Bundle type', () => {
    expect(codesOf(readBundle({ resourceType: 'Bundle', type: 'pile', entry: {} }).problems)).toEqual([
      ['INVALID_CODE', '$.type'],
      ['INVALID_TYPE', '$.entry'],
    ]);
  });

  it('keeps a resource of unknown type, with an UNKNOWN_RESOURCE_TYPE problem', () => {
    const read = readBundle({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'Spaceship', id: 'x' } }, { resource: glucose('g') }],
    });
    expect(codesOf(read.problems)).toEqual([['UNKNOWN_RESOURCE_TYPE', '$.entry[0].resource.resourceType']]);
    expect(read.problems[0]?.fatal).toBe(false);
    expect(read.byType.get('Spaceship')).toHaveLength(1);
    expect(read.byType.get('Observation')).toHaveLength(1);
  });

  it('drops an id of the wrong JSON type', () => {
    const read = readBundle({ resourceType: 'Patient', id: 12 });
    expect(codesOf(read.problems)).toEqual([['INVALID_TYPE', '$.id']]);
    expect(read.entries[0]?.resource.id).toBeUndefined();
  });

  it('reads a history Bundle as a collection, saying so', () => {
    const read = readBundle({ resourceType: 'Bundle', type: 'history', entry: [{ resource: glucose('h') }] });
    expect(codesOf(read.problems)).toEqual([['UNSUPPORTED_BUNDLE_TYPE', '$.type']]);
    expect(read.entries).toHaveLength(1);
  });

  it('does not take inherited properties for fields', () => {
    const hostile = JSON.parse(
      '{"resourceType":"Bundle","type":"collection","__proto__":{"entry":[1]}}',
    ) as unknown;
    expect(codesOf(readBundle(hostile).problems)).toEqual([['MISSING_FIELD', '$.entry']]);
    expect(readBundle({ resourceType: 'constructor' }).problems[0]?.code).toBe('UNKNOWN_RESOURCE_TYPE');
  });
});

describe('extractObservations on malformed Observations', () => {
  const read = (resource: unknown) =>
    extractObservations(readBundle({ resourceType: 'Bundle', type: 'collection', entry: [{ resource }] }));
  const at = '$.entry[0].resource';

  it('reports values of the wrong JSON type and keeps the rest', () => {
    const { observations, problems } = read(glucose('a', { valueQuantity: { value: '5.4', unit: 7 } }));
    expect(codesOf(problems)).toEqual([
      ['INVALID_TYPE', `${at}.valueQuantity.unit`],
      ['INVALID_TYPE', `${at}.valueQuantity.value`],
    ]);
    expect(observations[0]).toMatchObject({
      code: { code: '2345-7' },
      value: { kind: 'quantity' },
      status: 'final',
    });
    expect(observations[0]?.value).not.toHaveProperty('value');
  });

  it.each([
    ['valueQuantity', 5],
    ['valueString', 5],
    ['valueCodeableConcept', 'high'],
    ['valueBoolean', 'true'],
    ['valueInteger', 1.5],
  ])('reports %s = %j as INVALID_TYPE', (key, value) => {
    const { valueQuantity: _drop, ...base } = glucose('b');
    const { observations, problems } = read({ ...base, [key]: value });
    expect(codesOf(problems)).toEqual([['INVALID_TYPE', `${at}.${key}`]]);
    expect(observations[0]?.value).toBeUndefined();
  });

  it('reads valueString and valueCodeableConcept text', () => {
    const { valueQuantity: _drop, ...base } = glucose('c');
    expect(read({ ...base, valueString: 'negative' }).observations[0]?.value).toEqual({
      kind: 'string',
      text: 'negative',
    });
    const concept = {
      coding: [{ system: 'http://snomed.info/sct', code: '260385009', display: 'Negative' }],
    };
    expect(read({ ...base, valueCodeableConcept: concept }).observations[0]?.value).toEqual({
      kind: 'concept',
      text: 'Negative',
      coding: concept.coding[0],
    });
  });

  it.each(['2012-13-01', '2013-02-29', '17/09/2012', '2012-09-17T10:00', '2012-09-17T25:00:00Z', ''])(
    'reports effectiveDateTime %j as INVALID_DATE',
    (date) => {
      const { observations, problems } = read(glucose('d', { effectiveDateTime: date }));
      expect(codesOf(problems)).toEqual([['INVALID_DATE', `${at}.effectiveDateTime`]]);
      expect(observations[0]?.effective).toBeUndefined();
    },
  );

  it('reports a missing code and status, an invalid status and unknown interpretation codes', () => {
    const { code: _c, status: _s, ...bare } = glucose('e');
    expect(codesOf(read(bare).problems)).toEqual([
      ['MISSING_FIELD', `${at}.code`],
      ['MISSING_FIELD', `${at}.status`],
    ]);
    const flagged = glucose('f', {
      status: 'done',
      interpretation: [{ coding: [{ code: 'H' }, { code: 'WAT' }] }, { coding: [{ code: 'H' }] }],
    });
    const { observations, problems } = read(flagged);
    expect(codesOf(problems)).toEqual([
      ['INVALID_CODE', `${at}.interpretation[0].coding[1].code`],
      ['INVALID_CODE', `${at}.status`],
    ]);
    expect(observations[0]?.interpretation).toEqual(['H']);
    expect(observations[0]?.status).toBeUndefined();
  });

  it('takes effectivePeriod.start, and checks it', () => {
    expect(read(glucose('g', { effectivePeriod: { start: '2020-01-02' } })).observations[0]?.effective).toBe(
      '2020-01-02',
    );
    expect(codesOf(read(glucose('h', { effectivePeriod: { start: 'soon' } })).problems)).toEqual([
      ['INVALID_DATE', `${at}.effectivePeriod.start`],
    ]);
  });

  it('prefers the LOINC coding over an earlier local one and reads components with their own paths', () => {
    const { observations, problems } = read(
      glucose('i', {
        code: {
          coding: [
            { system: 'http://acme.org/codes', code: 'GLU' },
            { system: 'http://loinc.org', code: '2345-7' },
          ],
        },
        component: [{ valueQuantity: { value: 1 } }, 'x'],
      }),
    );
    expect(observations[0]?.code).toEqual({ system: 'http://loinc.org', code: '2345-7' });
    expect(codesOf(problems)).toEqual([
      ['INVALID_TYPE', `${at}.component[1]`],
      ['MISSING_FIELD', `${at}.component[0].code`],
    ]);
  });
});

describe('extractDiagnosticReports', () => {
  it('resolves results by fullUrl (urn:uuid), by Observation/id and by absolute URL; reports the unresolved', () => {
    const bundle = readBundle({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:r1',
          resource: {
            resourceType: 'DiagnosticReport',
            status: 'final',
            code: { text: 'Checkup panel' },
            effectivePeriod: { start: '2024-05-01T08:00:00+08:00' },
            result: [
              { reference: 'urn:uuid:o1' },
              { reference: 'Observation/o2' },
              { reference: 'https://h.example/fhir/Observation/o2/_history/3' },
              { reference: 'Observation/missing' },
              { display: 'no reference' },
            ],
          },
        },
        { fullUrl: 'urn:uuid:o1', resource: glucose('x1') },
        { resource: glucose('o2') },
      ],
    });
    const { reports, problems } = extractDiagnosticReports(bundle);
    expect(codesOf(problems)).toEqual([['UNRESOLVED_REFERENCE', '$.entry[0].resource.result[3].reference']]);
    expect(reports[0]).toMatchObject({
      codeText: 'Checkup panel',
      status: 'final',
      effective: '2024-05-01T08:00:00+08:00',
      resultReferences: [
        'urn:uuid:o1',
        'Observation/o2',
        'https://h.example/fhir/Observation/o2/_history/3',
        'Observation/missing',
      ],
    });
    expect(reports[0]?.results.map((o) => o.id)).toEqual(['x1', 'o2', 'o2']);
  });
});

describe('extractPatient', () => {
  it('joins Chinese family and given names without a space, others given-first with spaces', () => {
    expect(joinName('张', ['无忌'])).toBe('张无忌');
    expect(joinName('山田', ['太郎'])).toBe('山田太郎');
    expect(joinName('Smith', ['John', 'Q'])).toBe('John Q Smith');
    expect(joinName('Wang', ['Xiaoming'])).toBe('Xiaoming Wang');
    expect(joinName(undefined, [])).toBeUndefined();
  });

  it('reads a Patient with family/given in Chinese, identifiers with systems, and reports bad fields', () => {
    const { patient, problems } = extractPatient(
      readBundle({
        resourceType: 'Patient',
        name: [
          { use: 'usual', family: 'Zhang', given: ['Wuji'] },
          { use: 'official', family: '张', given: ['无忌', 3] },
        ],
        gender: 'M',
        birthDate: '1974-02-30',
        identifier: [{ system: 'urn:oid:2.16.156.10011.1.8', value: '110101197402300011' }, { system: 'x' }],
      }),
    );
    expect(codesOf(problems)).toEqual([
      ['INVALID_TYPE', '$.name[1].given[1]'],
      ['INVALID_DATE', '$.birthDate'],
      ['MISSING_FIELD', '$.identifier[1].value'],
      ['INVALID_CODE', '$.gender'],
    ]);
    expect(patient).toMatchObject({
      name: { family: '张', given: ['无忌'], full: '张无忌', use: 'official' },
      identifiers: [{ system: 'urn:oid:2.16.156.10011.1.8', value: '110101197402300011' }],
    });
    expect(patient?.names).toHaveLength(2);
    expect(patient?.gender).toBeUndefined();
    expect(patient?.birthDate).toBeUndefined();
  });

  it('returns no patient for a bundle without one', () => {
    expect(extractPatient(readBundle({ resourceType: 'Bundle', type: 'collection', entry: [] }))).toEqual({
      problems: [],
    });
  });
});

describe('FHIR dates', () => {
  it.each([
    '2012',
    '2012-09',
    '2012-09-17',
    '2012-09-17T09:30:10Z',
    '2013-04-02T09:30:10.123+01:00',
    '2000-02-29',
  ])('accepts dateTime %s', (value) => expect(isFhirDateTime(value)).toBe(true));
  it('accepts only dates without time as a date', () => {
    expect(isFhirDate('1974-12-25')).toBe(true);
    expect(isFhirDate('1974-12-25T00:00:00Z')).toBe(false);
    expect(isFhirDate('1900-02-29')).toBe(false);
    expect(isFhirDate('0000-01-01')).toBe(false);
    expect(isFhirDateTime('2012-09-17T09:30:10+15:00')).toBe(false);
  });
});
