import {
  field,
  isObject,
  objectsIn,
  optionalString,
  problem,
  type FhirProblem,
  type JsonObject,
} from './problems.ts';
import { R4_RESOURCE_TYPES } from './resource-types.ts';

/** A resource as read: its type and id checked, everything else left as the input's plain JSON. */
export interface FhirResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly [key: string]: unknown;
}

export interface FhirEntry {
  readonly resource: FhirResource;
  /** Bundle.entry.fullUrl, when the resource came from a Bundle entry that had one. */
  readonly fullUrl?: string;
  /** JSON path of the resource in the input, e.g. `$.entry[2].resource` or `$` for a lone resource. */
  readonly path: string;
}

export const SUPPORTED_BUNDLE_TYPES = ['collection', 'transaction', 'batch', 'searchset'] as const;
export type SupportedBundleType = (typeof SUPPORTED_BUNDLE_TYPES)[number];

export interface FhirReadResult {
  /** Bundle.type, or undefined when the input was a single resource (or nothing readable). */
  readonly bundleType?: string;
  readonly entries: readonly FhirEntry[];
  /** The entries' resources grouped by resourceType, in input order. */
  readonly byType: ReadonlyMap<string, readonly FhirResource[]>;
  readonly problems: readonly FhirProblem[];
}

// R4 Bundle.type codes (http://hl7.org/fhir/R4/valueset-bundle-type.html).
const R4_BUNDLE_TYPES = new Set([
  'document',
  'message',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
  'history',
  'searchset',
  'collection',
]);

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

function readResource(value: JsonObject, path: string, problems: FhirProblem[]): FhirResource | undefined {
  const type = field(value, 'resourceType');
  if (type === undefined) {
    problems.push(problem('MISSING_FIELD', `${path}.resourceType`, 'a resource needs a resourceType'));
    return undefined;
  }
  if (typeof type !== 'string') {
    problems.push(problem('INVALID_TYPE', `${path}.resourceType`, 'resourceType must be a string'));
    return undefined;
  }
  if (!R4_RESOURCE_TYPES.has(type)) {
    problems.push(
      problem(
        'UNKNOWN_RESOURCE_TYPE',
        `${path}.resourceType`,
        `'${type.slice(0, 64)}' is not an R4 resource type`,
      ),
    );
  }
  const id = optionalString(value, 'id', path, problems);
  if (id !== undefined && !ID.test(id)) {
    problems.push(problem('INVALID_CODE', `${path}.id`, 'an id is 1-64 letters, digits, - and .'));
  }
  if (id === undefined && field(value, 'id') !== undefined) {
    // An id of the wrong JSON type (reported above) is dropped, so that FhirResource.id is always a string.
    const { id: _dropped, ...rest } = value;
    return rest as FhirResource;
  }
  return value as FhirResource;
}

function parseInput(json: unknown, problems: FhirProblem[]): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    problems.push(problem('INVALID_JSON', '$', `the text is not JSON: ${String(error).slice(0, 200)}`, true));
    return undefined;
  }
}

/**
 * Reads FHIR R4 JSON (already parsed, or as text): a Bundle of type collection, transaction, batch or
 * searchset, or a single resource. Never throws; everything wrong is a problem with a code and a JSON path.
 * Resources of unknown type are kept (with an UNKNOWN_RESOURCE_TYPE problem); entries without a usable
 * resource are skipped.
 */
export function readBundle(json: unknown): FhirReadResult {
  const problems: FhirProblem[] = [];
  const entries: FhirEntry[] = [];
  let bundleType: string | undefined;
  const input = parseInput(json, problems);

  if (problems.length > 0) {
    // INVALID_JSON already reported.
  } else if (!isObject(input)) {
    problems.push(
      problem('NOT_A_BUNDLE', '$', 'the input is not a JSON object (a FHIR Bundle or resource)', true),
    );
  } else if (field(input, 'resourceType') === 'Bundle') {
    bundleType = optionalString(input, 'type', '$', problems);
    if (bundleType === undefined) {
      problems.push(problem('MISSING_FIELD', '$.type', 'a Bundle needs a type'));
    } else if (!R4_BUNDLE_TYPES.has(bundleType)) {
      problems.push(problem('INVALID_CODE', '$.type', `'${bundleType.slice(0, 64)}' is not a Bundle type`));
    } else if (!(SUPPORTED_BUNDLE_TYPES as readonly string[]).includes(bundleType)) {
      problems.push(
        problem('UNSUPPORTED_BUNDLE_TYPE', '$.type', `Bundle type '${bundleType}' read as a collection`),
      );
    }
    if (field(input, 'entry') === undefined) {
      problems.push(problem('MISSING_FIELD', '$.entry', 'the Bundle has no entries'));
    }
    for (const entry of objectsIn(input, 'entry', '$', problems)) {
      const fullUrl = optionalString(entry.value, 'fullUrl', entry.path, problems);
      const value = field(entry.value, 'resource');
      const resourcePath = `${entry.path}.resource`;
      if (value === undefined) {
        problems.push(problem('MISSING_FIELD', resourcePath, 'the entry has no resource'));
        continue;
      }
      if (!isObject(value)) {
        problems.push(problem('INVALID_TYPE', resourcePath, 'an entry resource must be an object'));
        continue;
      }
      const resource = readResource(value, resourcePath, problems);
      if (resource)
        entries.push(
          fullUrl === undefined
            ? { resource, path: resourcePath }
            : { resource, fullUrl, path: resourcePath },
        );
    }
  } else if (field(input, 'resourceType') === undefined) {
    problems.push(
      problem('NOT_A_BUNDLE', '$.resourceType', 'the object has no resourceType: not FHIR', true),
    );
  } else {
    const resource = readResource(input, '$', problems);
    if (resource) entries.push({ resource, path: '$' });
  }

  const byType = new Map<string, FhirResource[]>();
  for (const { resource } of entries) {
    const list = byType.get(resource.resourceType);
    if (list) list.push(resource);
    else byType.set(resource.resourceType, [resource]);
  }
  return bundleType === undefined ? { entries, byType, problems } : { bundleType, entries, byType, problems };
}

/** The entries holding resources of one type. */
export const entriesOfType = (result: FhirReadResult, type: string): FhirEntry[] =>
  result.entries.filter((entry) => entry.resource.resourceType === type);
