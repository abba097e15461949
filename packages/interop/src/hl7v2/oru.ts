import { segmentsNamed, textOf } from './message.ts';
import { parseReferenceRange, type ReferenceRange } from './reference-range.ts';
import { hl7TimestampToIso } from './timestamp.ts';
import type { Hl7Field, Hl7Message, Hl7Segment } from './types.ts';

export interface Coding {
  readonly code: string | undefined;
  readonly display: string | undefined;
  readonly system: string | undefined;
}

export type ObservationProblem = 'MISSING_VALUE' | 'BAD_NUMBER';

export interface ObservationResult {
  readonly setId: string | undefined;
  readonly valueType: string | undefined;
  readonly code: Coding;
  /** A number for NM (and SN without comparator or range), the text otherwise. */
  readonly value: number | string | undefined;
  readonly unit: string | undefined;
  readonly referenceRange: ReferenceRange | undefined;
  readonly abnormalFlags: readonly string[];
  readonly status: string | undefined;
  readonly observedAt: string | undefined;
  readonly problems: readonly ObservationProblem[];
}

export interface ObservationRequest {
  readonly setId: string | undefined;
  readonly code: Coding | undefined;
  readonly observations: readonly ObservationResult[];
}

export interface PatientIdentifier {
  readonly value: string;
  readonly assigningAuthority: string | undefined;
  readonly typeCode: string | undefined;
}

export interface OruPatient {
  readonly identifiers: readonly PatientIdentifier[];
  readonly family: string | undefined;
  readonly given: readonly string[];
  readonly birthDate: string | undefined;
  readonly sex: string | undefined;
}

export interface OruResults {
  readonly patient: OruPatient | undefined;
  readonly requests: readonly ObservationRequest[];
}

// HL7 table 0396 coding-system names → FHIR system URIs.
const CODING_SYSTEMS: Readonly<Record<string, string>> = {
  LN: 'http://loinc.org',
  SCT: 'http://snomed.info/sct',
  UCUM: 'http://unitsofmeasure.org',
  I10: 'http://hl7.org/fhir/sid/icd-10',
};

/** Reads an ORU^R01: the patient (PID) and, per OBR, its OBX results. OBX before any OBR form a request of their own. */
export function readOruResults(message: Hl7Message): OruResults {
  const [pid] = segmentsNamed(message, 'PID');
  const requests: {
    setId: string | undefined;
    code: Coding | undefined;
    observations: ObservationResult[];
  }[] = [];
  for (const segment of message.segments) {
    if (segment.name === 'OBR') {
      requests.push({ setId: textOf(segment, 1), code: codingOf(segment, 4), observations: [] });
    } else if (segment.name === 'OBX') {
      let request = requests[requests.length - 1];
      if (!request) {
        request = { setId: undefined, code: undefined, observations: [] };
        requests.push(request);
      }
      request.observations.push(readObservation(segment));
    }
  }
  return { patient: pid ? readPatient(pid) : undefined, requests };
}

function readPatient(pid: Hl7Segment): OruPatient {
  const identifiers: PatientIdentifier[] = [];
  for (const repetition of pid.fields[2] ?? []) {
    const value = repetition[0]?.[0];
    if (!value) continue;
    identifiers.push({
      value,
      assigningAuthority: repetition[3]?.[0] || undefined,
      typeCode: repetition[4]?.[0] || undefined,
    });
  }
  const given = [textOf(pid, 5, 2), textOf(pid, 5, 3)].filter((name): name is string => name !== undefined);
  return {
    identifiers,
    family: textOf(pid, 5, 1),
    given,
    birthDate: hl7TimestampToIso(textOf(pid, 7)),
    sex: textOf(pid, 8),
  };
}

function readObservation(obx: Hl7Segment): ObservationResult {
  const valueType = textOf(obx, 2);
  const problems: ObservationProblem[] = [];
  const { value, problem } = readValue(valueType, obx.fields[4]);
  if (problem) problems.push(problem);
  const range = textOf(obx, 7);
  return {
    setId: textOf(obx, 1),
    valueType,
    code: codingOf(obx, 3) ?? { code: undefined, display: undefined, system: undefined },
    value,
    unit: textOf(obx, 6, 1),
    referenceRange: range === undefined ? undefined : parseReferenceRange(range),
    abnormalFlags: (obx.fields[7] ?? []).map((rep) => rep[0]?.[0]).filter((flag): flag is string => !!flag),
    status: textOf(obx, 11),
    observedAt: hl7TimestampToIso(textOf(obx, 14)),
    problems,
  };
}

function codingOf(segment: Hl7Segment, field: number): Coding | undefined {
  const code = textOf(segment, field, 1);
  const display = textOf(segment, field, 2);
  const systemName = textOf(segment, field, 3);
  if (!code && !display) return undefined;
  return { code, display, system: systemName && (CODING_SYSTEMS[systemName] ?? systemName) };
}

function readValue(
  valueType: string | undefined,
  field: Hl7Field | undefined,
): { value: number | string | undefined; problem?: ObservationProblem } {
  const repetitions = (field ?? []).map((rep) =>
    rep.map((component) => component.map((v) => v ?? '').join('&')),
  );
  const present = repetitions.filter((components) => components.some((c) => c !== ''));
  if (present.length === 0) return { value: undefined, problem: 'MISSING_VALUE' };
  const [first = []] = present;
  if (valueType === 'NM') {
    const number = toNumber(first[0] ?? '');
    return number === undefined ? { value: first.join('^'), problem: 'BAD_NUMBER' } : { value: number };
  }
  if (valueType === 'SN') {
    // SN is comparator^num1^separator^num2; a bare "^182" is simply the number.
    const [comparator = '', num1 = '', separator = '', num2 = ''] = first;
    const number = toNumber(num1);
    if (number !== undefined && !comparator && !separator && !num2) return { value: number };
    return { value: first.join('').trim() };
  }
  return { value: present.map((components) => components.join('^')).join('\n') };
}

function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 64) return undefined; // no measurement has this many digits; keeps the pattern linear
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : undefined;
}
