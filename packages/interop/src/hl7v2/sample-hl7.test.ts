import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  controlId,
  get,
  messageType,
  parseMessage,
  readOruResults,
  sendingApplication,
  sendingFacility,
  serialize,
  version,
} from './index.ts';

const readSample = (name: string) =>
  readFileSync(new URL(`../../../../../shared/testdata/hl7v2/${name}`, import.meta.url), 'utf8');

// Expected values from python-hl7's own tests of this file (the HL7 v2.4 chapter 7 glucose example).
describe('the standard ORU^R01 glucose example (python-hl7 sample_hl7.hl7)', () => {
  const text = readSample('python-hl7/sample_hl7.hl7');
  const message = parseMessage(text);

  it('has five segments and MSH-9 ORU^R01', () => {
    expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'PID', 'OBR', 'OBX', 'OBX']);
    expect(messageType(message)).toEqual({ code: 'ORU', trigger: 'R01', structure: undefined });
  });

  it('numbers MSH fields as the standard does: MSH-1 is the field separator, MSH-2 the encoding characters', () => {
    expect(get(message, 'MSH', 1, 1)).toBe('|');
    expect(get(message, 'MSH', 1, 2)).toBe('^~\\&');
    expect(sendingApplication(message)).toBe('GHH LAB');
    expect(sendingFacility(message)).toBe('ELAB-3');
    expect(controlId(message)).toBe('CNTRL-3456');
    expect(version(message)).toBe('2.4');
  });

  it('reads OBX-3 1554-5^GLUCOSE, value 182 mg/dl, range 70_105 and flag H', () => {
    expect(get(message, 'OBX', 1, 3, 1)).toBe('1554-5');
    expect(get(message, 'OBX', 1, 3, 2)).toBe('GLUCOSE');
    expect(get(message, 'OBX', 1, 5, 2)).toBe('182');
    expect(get(message, 'OBX', 1, 6)).toBe('mg/dl');
    expect(get(message, 'OBX', 1, 7)).toBe('70_105');
    expect(get(message, 'OBX', 1, 8)).toBe('H');
    expect(get(message, 'OBX', 3, 1)).toBeUndefined();
  });

  it('extracts the glucose result as a typed observation', () => {
    const { patient, requests } = readOruResults(message);
    expect(patient?.identifiers.map((id) => id.value)).toEqual(['555-44-4444']);
    expect(patient?.family).toBe('EVERYWOMAN');
    expect(patient?.given).toEqual(['EVE', 'E']);
    expect(patient?.birthDate).toBeUndefined(); // 196203520 is not a valid HL7 date
    expect(patient?.sex).toBe('F');
    const [glucose] = requests[0]?.observations ?? [];
    expect(glucose).toMatchObject({
      setId: '1',
      valueType: 'SN',
      code: { code: '1554-5', display: 'GLUCOSE' },
      value: 182,
      unit: 'mg/dl',
      referenceRange: { text: '70_105', low: 70, high: 105 },
      abnormalFlags: ['H'],
      status: 'F',
      problems: [],
    });
  });

  it('serializes back to the same bytes', () => {
    expect(serialize(message)).toBe(text);
  });
});
