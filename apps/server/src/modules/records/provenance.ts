import type { Actor } from '../../platform/auth/actor.ts';
import type { RecordSource } from '../../platform/db/schema-records.ts';
import { AppError } from '../../platform/errors/app-error.ts';

/** Provenance columns as selected with the recorder's display name (LEFT JOIN accounts). */
export interface ProvenanceRow {
  source: RecordSource;
  source_org: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
}

export function provenanceOf(row: ProvenanceRow) {
  return {
    source: row.source,
    sourceOrg: row.source_org,
    recordedBy: row.recorded_by === null ? null : { id: row.recorded_by, name: row.recorded_by_name ?? '' },
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The source a new entry is stored under: a patient (or a proxy) always reports `self` and may not claim another
 * source; staff write `clinician` unless they name where the entry came from (a lab result, an import).
 */
export function sourceForWriter(actor: Actor, requested: RecordSource | undefined): RecordSource {
  if (actor.kind === 'patient') {
    if (requested !== undefined && requested !== 'self') {
      throw new AppError('RECORD_SOURCE_NOT_ALLOWED', { errors: [{ path: 'source', message: 'self_only' }] });
    }
    return 'self';
  }
  return requested ?? 'clinician';
}

export const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());
