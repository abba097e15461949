import { entriesOfType, type FhirEntry, type FhirReadResult } from './bundle.ts';
import {
  codeField,
  compact,
  conceptField,
  dateTimeField,
  readConcept,
  readQuantity,
  referenceField,
  type FhirCoding,
  type FhirConcept,
  type FhirQuantity,
} from './datatypes.ts';
import {
  field,
  isObject,
  objectsIn,
  optionalObject,
  optionalString,
  problem,
  type FhirProblem,
  type JsonObject,
} from './problems.ts';

export const OBSERVATION_STATUSES = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

/**
 * The v3 ObservationInterpretation codes of R4 (also v2 table 0078): the normality flags H, L, HH, LL, N, A,
 * AA and the rest (susceptibility S/R/I, POS/NEG, ...). Codings from other systems (e.g. SNOMED) are ignored.
 */
export const INTERPRETATION_CODES = [
  'H',
  'L',
  'HH',
  'LL',
  'N',
  'A',
  'AA',
  'HU',
  'LU',
  'H>',
  'L<',
  '<',
  '>',
  'AC',
  'IE',
  'QCF',
  'TOX',
  'B',
  'D',
  'U',
  'W',
  'CAR',
  'Carrier',
  'I',
  'MS',
  'NCL',
  'NS',
  'R',
  'SYN-R',
  'S',
  'SDD',
  'SYN-S',
  'VS',
  'EX',
  'HX',
  'LX',
  'HM',
  'ND',
  'NR',
  'OBX',
  'POS',
  'NEG',
  'IND',
  'E',
  'DET',
  'EXP',
  'UNE',
] as const;
export type InterpretationCode = (typeof INTERPRETATION_CODES)[number];

const INTERPRETATION_SYSTEMS = new Set([
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  'http://hl7.org/fhir/v3/ObservationInterpretation',
  'http://terminology.hl7.org/CodeSystem/v2-0078',
  'http://hl7.org/fhir/v2/0078',
]);

export type FhirObservationValue =
  | ({ readonly kind: 'quantity' } & FhirQuantity)
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'concept'; readonly text?: string; readonly coding?: FhirCoding }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'integer'; readonly value: number };

export interface FhirReferenceRange {
  readonly low?: number;
  readonly high?: number;
  readonly unit?: string;
  readonly text?: string;
}

export interface FhirObservationComponent {
  readonly code?: FhirCoding;
  readonly codeText?: string;
  readonly value?: FhirObservationValue;
  readonly referenceRange?: FhirReferenceRange;
  readonly interpretation: readonly InterpretationCode[];
}

export interface FhirObservation extends FhirObservationComponent {
  readonly id?: string;
  readonly fullUrl?: string;
  /** JSON path of the resource in the input. */
  readonly path: string;
  readonly status?: ObservationStatus;
  /** effectiveDateTime, or effectivePeriod.start, or effectiveInstant, as the ISO 8601 text given. */
  readonly effective?: string;
  readonly issued?: string;
  /** subject.reference, e.g. `Patient/example` or `urn:uuid:...`. */
  readonly subject?: string;
  /** Each component (e.g. systolic and diastolic of a blood pressure panel). */
  readonly components: readonly FhirObservationComponent[];
}

export interface FhirObservations {
  readonly observations: readonly FhirObservation[];
  readonly problems: readonly FhirProblem[];
}

const VALUE_KEYS = [
  'valueQuantity',
  'valueString',
  'valueCodeableConcept',
  'valueBoolean',
  'valueInteger',
] as const;

function readValue(
  object: JsonObject,
  path: string,
  problems: FhirProblem[],
): FhirObservationValue | undefined {
  for (const key of VALUE_KEYS) {
    const value = field(object, key);
    if (value === undefined) continue;
    const at = `${path}.${key}`;
    switch (key) {
      case 'valueQuantity':
        if (isObject(value)) return { kind: 'quantity', ...readQuantity(value, at, problems) };
        break;
      case 'valueString':
        if (typeof value === 'string') return { kind: 'string', text: value };
        break;
      case 'valueCodeableConcept':
        if (isObject(value)) {
          const concept: FhirConcept = readConcept(value, at, problems);
          return compact({
            kind: 'concept' as const,
            text: concept.text ?? concept.coding?.display,
            coding: concept.coding,
          });
        }
        break;
      case 'valueBoolean':
        if (typeof value === 'boolean') return { kind: 'boolean', value };
        break;
      case 'valueInteger':
        if (typeof value === 'number' && Number.isInteger(value)) return { kind: 'integer', value };
        break;
    }
    problems.push(problem('INVALID_TYPE', at, `${key} has the wrong JSON type`));
    return undefined;
  }
  return undefined;
}

function readRange(
  object: JsonObject,
  path: string,
  problems: FhirProblem[],
): FhirReferenceRange | undefined {
  const [first] = objectsIn(object, 'referenceRange', path, problems);
  if (!first) return undefined;
  const low = optionalObject(first.value, 'low', first.path, problems);
  const high = optionalObject(first.value, 'high', first.path, problems);
  const lowQ = low && readQuantity(low, `${first.path}.low`, problems);
  const highQ = high && readQuantity(high, `${first.path}.high`, problems);
  return compact({
    low: lowQ?.value,
    high: highQ?.value,
    unit: lowQ?.unit ?? highQ?.unit,
    text: optionalString(first.value, 'text', first.path, problems),
  });
}

function readInterpretation(object: JsonObject, path: string, problems: FhirProblem[]): InterpretationCode[] {
  const codes: InterpretationCode[] = [];
  for (const concept of objectsIn(object, 'interpretation', path, problems)) {
    for (const [index, coding] of readConcept(concept.value, concept.path, problems).codings.entries()) {
      if (coding.code === undefined) continue;
      if (coding.system !== undefined && !INTERPRETATION_SYSTEMS.has(coding.system)) continue;
      if ((INTERPRETATION_CODES as readonly string[]).includes(coding.code)) {
        const code = coding.code as InterpretationCode;
        if (!codes.includes(code)) codes.push(code);
      } else {
        problems.push(
          problem(
            'INVALID_CODE',
            `${concept.path}.coding[${index}].code`,
            `'${coding.code.slice(0, 16)}' is not an ObservationInterpretation code`,
          ),
        );
      }
    }
  }
  return codes;
}

function readComponent(
  object: JsonObject,
  path: string,
  problems: FhirProblem[],
): FhirObservationComponent & { interpretation: InterpretationCode[] } {
  const concept = conceptField(object, 'code', path, problems, true);
  return compact({
    code: concept?.coding,
    codeText: concept?.text ?? concept?.coding?.display,
    value: readValue(object, path, problems),
    referenceRange: readRange(object, path, problems),
    interpretation: readInterpretation(object, path, problems),
  });
}

function readEffective(object: JsonObject, path: string, problems: FhirProblem[]): string | undefined {
  const dateTime = dateTimeField(object, 'effectiveDateTime', path, problems);
  if (dateTime !== undefined) return dateTime;
  const period = optionalObject(object, 'effectivePeriod', path, problems);
  if (period) return dateTimeField(period, 'start', `${path}.effectivePeriod`, problems);
  return dateTimeField(object, 'effectiveInstant', path, problems);
}

export function readObservation(entry: FhirEntry, problems: FhirProblem[]): FhirObservation {
  const { resource, path } = entry;
  return compact({
    id: resource.id,
    fullUrl: entry.fullUrl,
    path,
    ...readComponent(resource, path, problems),
    status: codeField(resource, 'status', OBSERVATION_STATUSES, path, problems, true),
    effective: readEffective(resource, path, problems),
    issued: dateTimeField(resource, 'issued', path, problems),
    subject: referenceField(resource, 'subject', path, problems),
    components: objectsIn(resource, 'component', path, problems).map((c) =>
      readComponent(c.value, c.path, problems),
    ),
  });
}

/** Every Observation of a read bundle, with its components; problems carry JSON paths into the input. */
export function extractObservations(bundle: FhirReadResult): FhirObservations {
  const problems: FhirProblem[] = [];
  const observations = entriesOfType(bundle, 'Observation').map((entry) => readObservation(entry, problems));
  return { observations, problems };
}
