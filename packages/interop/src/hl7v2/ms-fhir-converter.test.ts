import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { get, messageType, parseMessage, readOruResults, serialize, type Hl7Message } from './index.ts';

const folder = new URL('../../../../../shared/testdata/hl7v2/ms-fhir-converter/', import.meta.url);
const readSample = (name: string) => readFileSync(new URL(`samples/${name}`, folder), 'utf8');

interface FhirResource {
  resourceType: string;
  [key: string]: unknown;
}
function expectedResources(name: string, type: string): FhirResource[] {
  const bundle = JSON.parse(readFileSync(new URL(`expected_fhir/${name}-expected.json`, folder), 'utf8')) as {
    entry: { resource: FhirResource }[];
  };
  return bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
}

interface FhirPatient {
  identifier: { value: string }[];
  name: { family: string; given?: string[] }[];
  birthDate: string;
  gender: string;
}

describe('Microsoft FHIR-Converter sample messages', () => {
  const names = readdirSync(new URL('samples/', folder)).filter((name) => name.endsWith('.hl7'));

  it.each(names)('parses %s and writes it back byte for byte', (name) => {
    const text = readSample(name);
    const message = parseMessage(text);
    expect(message.segments[0]?.name).toBe('MSH');
    expect(serialize(message)).toBe(text);
  });

  describe.each(['ADT-A01-01', 'ADT-A04-01', 'ADT-A08-01'])('%s against the converter’s Patient', (name) => {
    const message = parseMessage(readSample(`${name}.hl7`));
    const [patient] = expectedResources(name, 'Patient') as unknown as FhirPatient[];

    it('has the message type of its file name', () => {
      const [, trigger] = name.split('-');
      expect(messageType(message)).toMatchObject({ code: 'ADT', trigger });
    });

    it('carries the same first identifiers and name', () => {
      expect(get(message, 'PID', 1, 2)).toBe(patient?.identifier[0]?.value);
      expect(get(message, 'PID', 1, 3)).toBe(patient?.identifier[1]?.value);
      // PID-5.1 is an FN (family name) whose first subcomponent is the surname.
      expect(get(message, 'PID', 1, 5, 1, 1)).toBe(patient?.name[0]?.family);
      expect(get(message, 'PID', 1, 5, 2)).toBe(patient?.name[0]?.given?.[0]);
    });

    it('carries the same birth date and sex', () => {
      expect(get(message, 'PID', 1, 7)?.slice(0, 8)).toBe(patient?.birthDate.replaceAll('-', ''));
      expect({ M: 'male', F: 'female' }[get(message, 'PID', 1, 8) ?? '']).toBe(patient?.gender);
    });
  });
});

interface FhirObservation {
  code: { coding: { code: string; display: string; system: string }[] };
  valueQuantity?: { value: number; unit: string };
  effectiveDateTime?: string;
  interpretation?: { coding: { code: string }[] }[];
}

describe('ORU^R01 results against the converter’s Observations', () => {
  function observationsOf(message: Hl7Message) {
    return readOruResults(message).requests.flatMap((request) => request.observations);
  }

  it('LAB-ORU-1: patient, codes, quantities, units, flags and times', () => {
    const { patient } = readOruResults(parseMessage(readSample('LAB-ORU-1.hl7')));
    const [expectedPatient] = expectedResources('LAB-ORU-1', 'Patient') as unknown as FhirPatient[];
    expect(patient?.identifiers[0]?.value).toBe(expectedPatient?.identifier[0]?.value);
    expect(patient?.family).toBe(expectedPatient?.name[0]?.family);
    expect(patient?.given).toEqual(expectedPatient?.name[0]?.given);
    expect(patient?.birthDate).toBe(expectedPatient?.birthDate);

    const results = observationsOf(parseMessage(readSample('LAB-ORU-1.hl7')));
    const expected = expectedResources('LAB-ORU-1', 'Observation') as unknown as FhirObservation[];
    expect(results).toHaveLength(expected.length);
    results.forEach((result, i) => {
      const fhir = expected[i];
      expect(result.code).toEqual(fhir?.code.coding[0]);
      if (fhir?.valueQuantity) {
        expect(result.value).toBe(fhir.valueQuantity.value);
        expect(result.unit).toBe(fhir.valueQuantity.unit);
        expect(result.observedAt).toBe(fhir.effectiveDateTime);
        expect(result.abnormalFlags).toEqual(fhir.interpretation?.map((i) => i.coding[0]?.code));
        expect(result.problems).toEqual([]);
      } else {
        // The converter leaves these without a value; we report why and keep the rest.
        expect(result.problems).toEqual(['MISSING_VALUE']);
      }
    });
  });

  it('ORU-R01-01: the LOINC-coded result and the reference range text', () => {
    const message = parseMessage(readSample('ORU-R01-01.hl7'));
    const results = observationsOf(message);
    const loinc = results.find((r) => r.code.system === 'http://loinc.org' && r.valueType === 'NM');
    expect(loinc).toMatchObject({ code: { code: '8867-4', display: 'Bacteria identified' }, value: 27 });
    const coded = results.find((r) => r.valueType === 'CWE');
    expect(coded?.referenceRange).toEqual({ text: '70-80', low: 70, high: 80 });
    expect(coded?.observedAt).toBe('2012-03-01');
    expect(readOruResults(message).patient).toMatchObject({
      identifiers: [{ value: '14', typeCode: 'PI' }],
      family: 'Finn',
      given: ['Huckleberry'],
      birthDate: '1963-08-15',
      sex: 'M',
    });
  });
});
