import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { OBSERVATION_COLUMNS, type ObservationRow } from '../observations/observations.repository.ts';

interface Scope {
  orgId: string;
  patientId: string;
}

export interface CountsRow {
  observations: string;
  conditions: string;
  allergies: string;
  medications: string;
  procedures: string;
  family_history: string;
  encounters: string;
  lifestyle: string;
  documents: string;
  last_updated_at: Date | null;
}

export const summaryRepository = {
  /**
   * The latest live observation of each code, optionally only from some sources. One pass over the patient's
   * (patient, code, time) index; a patient has tens of codes, however many readings.
   */
  async latestPerCode(
    db: Executor,
    scope: Scope & { sources?: readonly string[] },
  ): Promise<ObservationRow[]> {
    const result = await sql<ObservationRow>`
      SELECT DISTINCT ON (o.code_system, o.code) ${OBSERVATION_COLUMNS}
        FROM observations o
        LEFT JOIN accounts a ON a.id = o.recorded_by
       WHERE o.patient_id = ${scope.patientId} AND o.org_id = ${scope.orgId} AND o.status <> 'entered_in_error'
         ${scope.sources ? sql`AND o.source = ANY (${[...scope.sources]}::text[])` : sql``}
       ORDER BY o.code_system, o.code, o.effective_at DESC, o.id DESC`.execute(db);
    return result.rows;
  },

  /** How many live entries of each kind, and when anything in the record last changed. */
  async counts(db: Executor, scope: Scope): Promise<CountsRow> {
    const mine = sql`t.patient_id = ${scope.patientId} AND t.org_id = ${scope.orgId}`;
    const live = (table: string) =>
      sql`(SELECT count(*) FROM ${sql.table(table)} t WHERE ${mine} AND t.deleted_at IS NULL)`;
    const changed = (table: string, column: string) =>
      sql`(SELECT max(${sql.ref(`t.${column}`)}) FROM ${sql.table(table)} t WHERE ${mine})`;
    const result = await sql<CountsRow>`
      SELECT (SELECT count(*) FROM observations o WHERE o.patient_id = ${scope.patientId} AND o.org_id = ${scope.orgId}
                 AND o.status <> 'entered_in_error') AS observations,
             ${live('conditions')} AS conditions, ${live('allergies')} AS allergies,
             ${live('medication_statements')} AS medications, ${live('procedures')} AS procedures,
             ${live('family_history')} AS family_history, ${live('encounters')} AS encounters,
             ${live('lifestyle_assessments')} AS lifestyle, ${live('documents')} AS documents,
             GREATEST(${changed('observations', 'created_at')}, ${changed('conditions', 'updated_at')},
                      ${changed('allergies', 'updated_at')}, ${changed('medication_statements', 'updated_at')},
                      ${changed('procedures', 'updated_at')}, ${changed('family_history', 'updated_at')},
                      ${changed('encounters', 'updated_at')}, ${changed('lifestyle_assessments', 'created_at')},
                      ${changed('documents', 'created_at')}) AS last_updated_at`.execute(db);
    return result.rows[0]!;
  },
};
