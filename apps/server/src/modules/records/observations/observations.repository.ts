import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ObservationFlag, RecordSource } from '../../../platform/db/schema-records.ts';
import type { ProvenanceRow } from '../provenance.ts';
import { keysetTime, type Keyset } from '../cursor.ts';

export type ObservationRow = ProvenanceRow & {
  id: string;
  patient_id: string;
  code_system: 'loinc' | 'local';
  code: string;
  name: string;
  value_num: number | null;
  value_text: string | null;
  unit: string | null;
  ref_low: number | null;
  ref_high: number | null;
  ref_text: string | null;
  flag: ObservationFlag | null;
  effective_at: Date;
  status: 'final' | 'amended' | 'entered_in_error';
  report_id: string | null;
  device_id: string | null;
  note: string | null;
  at_key: string;
};

/** Explicit columns of an observation with its recorder's name; `o` is observations, `a` accounts. */
export const OBSERVATION_COLUMNS = sql.raw(`o.id, o.patient_id, o.code_system, o.code, o.name, o.value_num,
  o.value_text, o.unit, o.ref_low, o.ref_high, o.ref_text, o.flag, o.effective_at, o.status, o.report_id, o.device_id,
  o.note, o.source, o.source_org, o.recorded_by, o.created_at, a.display_name AS recorded_by_name,
  ${keysetTime('o.effective_at')} AS at_key`);

export interface SeriesRow {
  id: string;
  effective_at: Date;
  value_num: number;
  flag: ObservationFlag | null;
  source: RecordSource;
  unit: string | null;
  ref_low: number | null;
  ref_high: number | null;
  name: string;
  code_system: 'loinc' | 'local';
}

export interface CodeRow {
  code_system: 'loinc' | 'local';
  code: string;
  name: string;
  unit: string | null;
  value_num: number | null;
  value_text: string | null;
  flag: ObservationFlag | null;
  effective_at: Date;
  n: string;
  numeric: boolean;
}

interface Scope {
  orgId: string;
  patientId: string;
}

// Entered-in-error rows stay stored (and audited) but are left out of every list, curve and summary.
const LIVE = sql`o.status <> 'entered_in_error'`;

export const observationsRepository = {
  /** One page, newest first, on the (patient, time) or (patient, code, time) index. */
  async listPage(
    db: Executor,
    scope: Scope & {
      code?: string | undefined;
      codeSystem?: 'loinc' | 'local' | undefined;
      from?: string | undefined;
      to?: string | undefined;
      before: Keyset | null;
      limit: number;
    },
  ): Promise<ObservationRow[]> {
    const b = scope.before;
    const result = await sql<ObservationRow>`
      SELECT ${OBSERVATION_COLUMNS}
        FROM observations o
        LEFT JOIN accounts a ON a.id = o.recorded_by
       WHERE o.patient_id = ${scope.patientId} AND o.org_id = ${scope.orgId} AND ${LIVE}
         ${scope.code ? sql`AND o.code = ${scope.code}` : sql``}
         ${scope.codeSystem ? sql`AND o.code_system = ${scope.codeSystem}` : sql``}
         ${scope.from ? sql`AND o.effective_at >= ${scope.from}::timestamptz` : sql``}
         ${scope.to ? sql`AND o.effective_at < ${scope.to}::timestamptz` : sql``}
         ${b ? sql`AND o.effective_at <= ${b.at}::timestamptz AND (o.effective_at < ${b.at}::timestamptz OR o.id < ${b.id}::uuid)` : sql``}
       ORDER BY o.effective_at DESC, o.id DESC
       LIMIT ${scope.limit + 1}`.execute(db);
    return result.rows;
  },

  /** Numeric values of one code, newest `limit` first (the caller reverses them for the chart). */
  async series(
    db: Executor,
    scope: Scope & { code: string; from?: string | undefined; to?: string | undefined; limit: number },
  ): Promise<SeriesRow[]> {
    const result = await sql<SeriesRow>`
      SELECT o.id, o.effective_at, o.value_num, o.flag, o.source, o.unit, o.ref_low, o.ref_high, o.name, o.code_system
        FROM observations o
       WHERE o.patient_id = ${scope.patientId} AND o.org_id = ${scope.orgId} AND o.code = ${scope.code}
         AND o.value_num IS NOT NULL AND ${LIVE}
         ${scope.from ? sql`AND o.effective_at >= ${scope.from}::timestamptz` : sql``}
         ${scope.to ? sql`AND o.effective_at < ${scope.to}::timestamptz` : sql``}
       ORDER BY o.effective_at DESC, o.id DESC
       LIMIT ${scope.limit}`.execute(db);
    return result.rows;
  },

  /** Every code the patient has, with its count and its latest value. */
  async codes(db: Executor, scope: Scope): Promise<CodeRow[]> {
    const result = await sql<CodeRow>`
      SELECT DISTINCT ON (o.code_system, o.code)
             o.code_system, o.code, o.name, o.unit, o.value_num, o.value_text, o.flag, o.effective_at,
             count(*) OVER w AS n, bool_or(o.value_num IS NOT NULL) OVER w AS numeric
        FROM observations o
       WHERE o.patient_id = ${scope.patientId} AND o.org_id = ${scope.orgId} AND ${LIVE}
      WINDOW w AS (PARTITION BY o.code_system, o.code)
       ORDER BY o.code_system, o.code, o.effective_at DESC, o.id DESC`.execute(db);
    return result.rows;
  },

  async find(db: Executor, scope: Scope & { observationId: string }): Promise<ObservationRow | undefined> {
    const result = await sql<ObservationRow>`
      SELECT ${OBSERVATION_COLUMNS}
        FROM observations o
        LEFT JOIN accounts a ON a.id = o.recorded_by
       WHERE o.id = ${scope.observationId} AND o.patient_id = ${scope.patientId}
         AND o.org_id = ${scope.orgId}`.execute(db);
    return result.rows[0];
  },

  async markEnteredInError(db: Executor, target: { id: string; effectiveAt: Date }): Promise<void> {
    await sql`
      UPDATE observations SET status = 'entered_in_error'
       WHERE id = ${target.id} AND effective_at = ${target.effectiveAt}`.execute(db);
  },
};
