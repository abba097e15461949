import { entriesOfType, type FhirReadResult } from './bundle.ts';
import {
  codeField,
  compact,
  conceptField,
  dateTimeField,
  referenceField,
  type FhirCoding,
} from './datatypes.ts';
import {
  objectsIn,
  optionalObject,
  optionalString,
  problem,
  type FhirProblem,
  type JsonObject,
} from './problems.ts';
import { readObservation, type FhirObservation } from './observation.ts';

export const DIAGNOSTIC_REPORT_STATUSES = [
  'registered',
  'partial',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'appended',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;
export type DiagnosticReportStatus = (typeof DIAGNOSTIC_REPORT_STATUSES)[number];

export interface FhirDiagnosticReport {
  readonly id?: string;
  readonly fullUrl?: string;
  readonly path: string;
  readonly code?: FhirCoding;
  readonly codeText?: string;
  readonly status?: DiagnosticReportStatus;
  /** effectiveDateTime or effectivePeriod.start. */
  readonly effective?: string;
  readonly issued?: string;
  readonly subject?: string;
  /** DiagnosticReport.result references, as written. */
  readonly resultReferences: readonly string[];
  /** The results found in the same bundle (by fullUrl or Observation/id), in reference order. */
  readonly results: readonly FhirObservation[];
}

export interface FhirDiagnosticReports {
  readonly reports: readonly FhirDiagnosticReport[];
  /** Every Observation of the bundle, including those no report refers to. */
  readonly observations: readonly FhirObservation[];
  readonly problems: readonly FhirProblem[];
}

/** The keys a reference may use for this observation: its fullUrl, `Observation/id` and `<base>/Observation/id`. */
function keysOf(observation: FhirObservation): string[] {
  const keys: string[] = [];
  if (observation.fullUrl !== undefined) keys.push(observation.fullUrl);
  if (observation.id !== undefined) keys.push(`Observation/${observation.id}`);
  return keys;
}

function resolve(
  index: ReadonlyMap<string, FhirObservation>,
  reference: string,
): FhirObservation | undefined {
  const direct = index.get(reference);
  if (direct) return direct;
  // An absolute or versioned reference: http://server/fhir/Observation/x or Observation/x/_history/2.
  const match = /(?:^|\/)Observation\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return match?.[1] === undefined ? undefined : index.get(`Observation/${match[1]}`);
}

function readEffective(object: JsonObject, path: string, problems: FhirProblem[]): string | undefined {
  const dateTime = dateTimeField(object, 'effectiveDateTime', path, problems);
  if (dateTime !== undefined) return dateTime;
  const period = optionalObject(object, 'effectivePeriod', path, problems);
  return period && dateTimeField(period, 'start', `${path}.effectivePeriod`, problems);
}

/**
 * Every DiagnosticReport of a read bundle, its result references resolved to the bundle's Observations.
 * A reference that matches nothing in the bundle stays in resultReferences with an UNRESOLVED_REFERENCE problem.
 */
export function extractDiagnosticReports(bundle: FhirReadResult): FhirDiagnosticReports {
  const problems: FhirProblem[] = [];
  const observations = entriesOfType(bundle, 'Observation').map((entry) => readObservation(entry, problems));
  const index = new Map<string, FhirObservation>();
  for (const observation of observations) {
    for (const key of keysOf(observation)) if (!index.has(key)) index.set(key, observation);
  }

  const reports = entriesOfType(bundle, 'DiagnosticReport').map(({ resource, fullUrl, path }) => {
    const concept = conceptField(resource, 'code', path, problems, true);
    const resultReferences: string[] = [];
    const results: FhirObservation[] = [];
    for (const ref of objectsIn(resource, 'result', path, problems)) {
      const reference = optionalString(ref.value, 'reference', ref.path, problems);
      if (reference === undefined) continue;
      resultReferences.push(reference);
      const found = resolve(index, reference);
      if (found) results.push(found);
      else
        problems.push(
          problem(
            'UNRESOLVED_REFERENCE',
            `${ref.path}.reference`,
            `no Observation in the bundle for '${reference.slice(0, 100)}'`,
          ),
        );
    }
    return compact({
      id: resource.id,
      fullUrl,
      path,
      code: concept?.coding,
      codeText: concept?.text ?? concept?.coding?.display,
      status: codeField(resource, 'status', DIAGNOSTIC_REPORT_STATUSES, path, problems, true),
      effective: readEffective(resource, path, problems),
      issued: dateTimeField(resource, 'issued', path, problems),
      subject: referenceField(resource, 'subject', path, problems),
      resultReferences,
      results,
    });
  });
  return { reports, observations, problems };
}
