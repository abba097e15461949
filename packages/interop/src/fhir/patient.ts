import { entriesOfType, type FhirReadResult } from './bundle.ts';
import { codeField, compact, readConcept } from './datatypes.ts';
import { isFhirDate } from './datetime.ts';
import {
  objectsIn,
  optionalArray,
  optionalObject,
  optionalString,
  problem,
  type FhirProblem,
  type JsonObject,
} from './problems.ts';

export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type FhirGender = (typeof GENDERS)[number];

export interface FhirPatientName {
  readonly use?: string;
  readonly family?: string;
  readonly given: readonly string[];
  readonly prefix: readonly string[];
  readonly text?: string;
  /**
   * The name to show: HumanName.text when given, else the parts joined. Chinese, Japanese and Korean names
   * join family then given without spaces (张 + 无忌 = 张无忌); others join given then family with spaces.
   */
  readonly full?: string;
}

export interface FhirPatientIdentifier {
  readonly system?: string;
  readonly value: string;
  readonly use?: string;
  /** Identifier.type's first code, e.g. MR. */
  readonly type?: string;
}

export interface FhirPatient {
  readonly id?: string;
  readonly fullUrl?: string;
  readonly path: string;
  /** The official name, else the usual one, else the first. */
  readonly name?: FhirPatientName;
  readonly names: readonly FhirPatientName[];
  readonly gender?: FhirGender;
  readonly birthDate?: string;
  readonly identifiers: readonly FhirPatientIdentifier[];
}

export interface FhirPatients {
  readonly patients: readonly FhirPatient[];
  readonly problems: readonly FhirProblem[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function strings(object: JsonObject, key: string, path: string, problems: FhirProblem[]): string[] {
  const out: string[] = [];
  optionalArray(object, key, path, problems).forEach((item, index) => {
    if (typeof item === 'string') out.push(item);
    else problems.push(problem('INVALID_TYPE', `${path}.${key}[${index}]`, 'expected a string'));
  });
  return out;
}

/** Joins name parts: without spaces when written in CJK script, else given names then family, space separated. */
export function joinName(family: string | undefined, given: readonly string[]): string | undefined {
  const parts = [family ?? '', ...given].map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  if (parts.every((p) => CJK.test(p) && !/\s/.test(p))) return [family ?? '', ...given].join('').trim();
  return [...given, family ?? '']
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
}

function readName(object: JsonObject, path: string, problems: FhirProblem[]): FhirPatientName {
  const family = optionalString(object, 'family', path, problems);
  const given = strings(object, 'given', path, problems);
  const text = optionalString(object, 'text', path, problems);
  return compact({
    use: optionalString(object, 'use', path, problems),
    family,
    given,
    prefix: strings(object, 'prefix', path, problems),
    text,
    full: text?.trim() || joinName(family, given),
  });
}

function readIdentifier(
  object: JsonObject,
  path: string,
  problems: FhirProblem[],
): FhirPatientIdentifier | undefined {
  const value = optionalString(object, 'value', path, problems);
  if (value === undefined) {
    problems.push(problem('MISSING_FIELD', `${path}.value`, 'an identifier without a value is skipped'));
    return undefined;
  }
  const type = optionalObject(object, 'type', path, problems);
  return compact({
    system: optionalString(object, 'system', path, problems),
    value,
    use: optionalString(object, 'use', path, problems),
    type: type && readConcept(type, `${path}.type`, problems).codings[0]?.code,
  });
}

/** Every Patient of a read bundle. */
export function extractPatients(bundle: FhirReadResult): FhirPatients {
  const problems: FhirProblem[] = [];
  const patients = entriesOfType(bundle, 'Patient').map(({ resource, fullUrl, path }): FhirPatient => {
    const names = objectsIn(resource, 'name', path, problems).map((n) => readName(n.value, n.path, problems));
    const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
    let birthDate = optionalString(resource, 'birthDate', path, problems);
    if (birthDate !== undefined && !isFhirDate(birthDate)) {
      problems.push(
        problem('INVALID_DATE', `${path}.birthDate`, `'${birthDate.slice(0, 64)}' is not a FHIR date`),
      );
      birthDate = undefined;
    }
    const identifiers = objectsIn(resource, 'identifier', path, problems).flatMap((i) => {
      const identifier = readIdentifier(i.value, i.path, problems);
      return identifier ? [identifier] : [];
    });
    return compact({
      id: resource.id,
      fullUrl,
      path,
      name,
      names,
      gender: codeField(resource, 'gender', GENDERS, path, problems),
      birthDate,
      identifiers,
    });
  });
  return { patients, problems };
}

/** The bundle's first Patient (a checkup import carries one), with the problems of reading it. */
export function extractPatient(bundle: FhirReadResult): {
  patient?: FhirPatient;
  problems: readonly FhirProblem[];
} {
  const { patients, problems } = extractPatients(bundle);
  const [patient] = patients;
  return patient ? { patient, problems } : { problems };
}
