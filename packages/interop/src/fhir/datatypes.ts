import { isFhirDateTime } from './datetime.ts';
import {
  field,
  objectsIn,
  optionalNumber,
  optionalObject,
  optionalString,
  problem,
  type FhirProblem,
  type JsonObject,
} from './problems.ts';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';

export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface FhirConcept {
  /** The preferred coding: LOINC when there is one, else the first. */
  readonly coding?: FhirCoding;
  readonly codings: readonly FhirCoding[];
  readonly text?: string;
}

const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function readCoding(value: JsonObject, path: string, problems: FhirProblem[]): FhirCoding {
  return compact({
    system: optionalString(value, 'system', path, problems),
    code: optionalString(value, 'code', path, problems),
    display: optionalString(value, 'display', path, problems),
  });
}

export function readConcept(value: JsonObject, path: string, problems: FhirProblem[]): FhirConcept {
  const codings = objectsIn(value, 'coding', path, problems).map((c) =>
    readCoding(c.value, c.path, problems),
  );
  const coding = codings.find((c) => c.system === LOINC && c.code !== undefined) ?? codings[0];
  const text = optionalString(value, 'text', path, problems);
  return compact({ coding, codings, text });
}

/** A CodeableConcept field; a missing one is reported when `required`. */
export function conceptField(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
  required = false,
): FhirConcept | undefined {
  const value = optionalObject(object, key, path, problems);
  if (value === undefined) {
    if (required && field(object, key) === undefined) {
      problems.push(problem('MISSING_FIELD', `${path}.${key}`, `${key} is required`));
    }
    return undefined;
  }
  return readConcept(value, `${path}.${key}`, problems);
}

export interface FhirQuantity {
  readonly value?: number;
  readonly comparator?: string;
  /** The human-readable unit (Quantity.unit), else the UCUM code. */
  readonly unit?: string;
  /** The UCUM code, when Quantity.system is UCUM. */
  readonly ucum?: string;
  readonly system?: string;
  readonly code?: string;
}

export function readQuantity(value: JsonObject, path: string, problems: FhirProblem[]): FhirQuantity {
  const system = optionalString(value, 'system', path, problems);
  const code = optionalString(value, 'code', path, problems);
  const unit = optionalString(value, 'unit', path, problems) ?? code;
  return compact({
    value: optionalNumber(value, 'value', path, problems),
    comparator: optionalString(value, 'comparator', path, problems),
    unit,
    ucum: system === UCUM ? code : undefined,
    system,
    code,
  });
}

/** A dateTime field, checked; an invalid one is reported and dropped. */
export function dateTimeField(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): string | undefined {
  const value = optionalString(object, key, path, problems);
  if (value === undefined) return undefined;
  if (isFhirDateTime(value)) return value;
  problems.push(problem('INVALID_DATE', `${path}.${key}`, `'${value.slice(0, 64)}' is not a FHIR dateTime`));
  return undefined;
}

/** Reference.reference of a Reference field. */
export function referenceField(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): string | undefined {
  const value = optionalObject(object, key, path, problems);
  return value === undefined ? undefined : optionalString(value, 'reference', `${path}.${key}`, problems);
}

/** A required code field checked against its value set. */
export function codeField<T extends string>(
  object: JsonObject,
  key: string,
  allowed: readonly T[],
  path: string,
  problems: FhirProblem[],
  required = false,
): T | undefined {
  const value = optionalString(object, key, path, problems);
  if (value === undefined) {
    if (required && field(object, key) === undefined) {
      problems.push(problem('MISSING_FIELD', `${path}.${key}`, `${key} is required`));
    }
    return undefined;
  }
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(
    problem('INVALID_CODE', `${path}.${key}`, `'${value.slice(0, 64)}' is not one of ${allowed.join(', ')}`),
  );
  return undefined;
}

export { compact };
