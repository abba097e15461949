import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDiagnosticReports, extractObservations, extractPatients, readBundle } from '../index.ts';

const FIELDS = [
  'resourceType',
  'id',
  'status',
  'code',
  'coding',
  'system',
  'display',
  'text',
  'valueQuantity',
  'value',
  'unit',
  'valueString',
  'valueCodeableConcept',
  'valueBoolean',
  'valueInteger',
  'referenceRange',
  'low',
  'high',
  'interpretation',
  'effectiveDateTime',
  'effectivePeriod',
  'start',
  'issued',
  'subject',
  'reference',
  'component',
  'result',
  'name',
  'family',
  'given',
  'gender',
  'birthDate',
  'identifier',
  'type',
  '__proto__',
];
const TYPES = fc.constantFrom(
  'Observation',
  'DiagnosticReport',
  'Patient',
  'Bundle',
  'Spaceship',
  'toString',
);

// Objects shaped roughly like FHIR resources, so that generated input reaches the extractors' field readers.
const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('node'), { maxKeys: 6 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
}));
const resource = fc
  .tuple(TYPES, fc.dictionary(fc.constantFrom(...FIELDS), node, { maxKeys: 8 }))
  .map(([resourceType, rest]) => ({ ...rest, resourceType }));
const bundle = fc.record(
  {
    resourceType: fc.constant('Bundle'),
    type: fc.oneof(
      fc.constantFrom('collection', 'transaction', 'batch', 'searchset', 'history'),
      fc.jsonValue(),
    ),
    entry: fc.oneof(
      fc.array(
        fc.record(
          { fullUrl: fc.oneof(fc.constantFrom('urn:uuid:a', 'Observation/a'), fc.jsonValue()), resource },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);

const readAll = (input: unknown) => {
  const read = readBundle(input);
  extractObservations(read);
  extractDiagnosticReports(read);
  extractPatients(read);
  return read;
};

describe('FHIR reading properties', () => {
  it('readBundle never throws on arbitrary JSON values, and a fatal problem means no entries', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const read = readAll(json);
        if (read.problems.some((p) => p.fatal)) expect(read.entries).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('readBundle never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => void readAll(text)));
  });

  it('reading and extracting never throw on FHIR-shaped hostile input, and every problem has a JSON path', () => {
    fc.assert(
      fc.property(fc.oneof(bundle, resource), (input) => {
        const read = readAll(input);
        const all = [
          ...read.problems,
          ...extractObservations(read).problems,
          ...extractDiagnosticReports(read).problems,
          ...extractPatients(read).problems,
        ];
        for (const p of all) expect(p.path).toMatch(/^\$/);
        for (const entry of read.entries) expect(typeof entry.resource.resourceType).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
