export type FhirProblemCode =
  | 'INVALID_JSON'
  | 'NOT_A_BUNDLE'
  | 'UNSUPPORTED_BUNDLE_TYPE'
  | 'UNKNOWN_RESOURCE_TYPE'
  | 'MISSING_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_CODE'
  | 'INVALID_DATE'
  | 'UNRESOLVED_REFERENCE';

/**
 * Something wrong with the input, never thrown: `fatal` problems mean nothing could be read; the rest mark a
 * field or entry that was skipped. `path` is a JSON path into the input, e.g. `$.entry[3].resource.status`.
 */
export interface FhirProblem {
  readonly code: FhirProblemCode;
  readonly path: string;
  readonly message: string;
  readonly fatal: boolean;
}

export const problem = (
  code: FhirProblemCode,
  path: string,
  message: string,
  fatal = false,
): FhirProblem => ({
  code,
  path,
  message,
  fatal,
});

export type JsonObject = { readonly [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own property only: `__proto__`, `constructor` and the like in hostile input are never inherited values. */
export const field = (object: JsonObject, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** Reads an optional field of the given kind; a present value of the wrong kind is reported and ignored. */
export function optionalString(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): string | undefined {
  const value = field(object, key);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  problems.push(problem('INVALID_TYPE', `${path}.${key}`, `expected a string, found ${describe(value)}`));
  return undefined;
}

export function optionalNumber(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): number | undefined {
  const value = field(object, key);
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  problems.push(problem('INVALID_TYPE', `${path}.${key}`, `expected a number, found ${describe(value)}`));
  return undefined;
}

export function optionalObject(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): JsonObject | undefined {
  const value = field(object, key);
  if (value === undefined) return undefined;
  if (isObject(value)) return value;
  problems.push(problem('INVALID_TYPE', `${path}.${key}`, `expected an object, found ${describe(value)}`));
  return undefined;
}

/** An optional array field; returns [] when absent or of the wrong type (reported). */
export function optionalArray(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): readonly unknown[] {
  const value = field(object, key);
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  problems.push(problem('INVALID_TYPE', `${path}.${key}`, `expected an array, found ${describe(value)}`));
  return [];
}

/** The elements of an optional array field that are objects, each with its path; the others are reported. */
export function objectsIn(
  object: JsonObject,
  key: string,
  path: string,
  problems: FhirProblem[],
): { readonly value: JsonObject; readonly path: string }[] {
  const out: { value: JsonObject; path: string }[] = [];
  optionalArray(object, key, path, problems).forEach((item, index) => {
    const itemPath = `${path}.${key}[${index}]`;
    if (isObject(item)) out.push({ value: item, path: itemPath });
    else problems.push(problem('INVALID_TYPE', itemPath, `expected an object, found ${describe(item)}`));
  });
  return out;
}
