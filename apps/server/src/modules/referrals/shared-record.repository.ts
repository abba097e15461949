import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

/** The patient and the time window of one referral's shared record; every query names the patient's org. */
export interface RecordScope {
  orgId: string;
  patientId: string;
  /** Inclusive days, 'YYYY-MM-DD', or null for an open end. */
  from: string | null;
  to: string | null;
}

const LIMIT = 500;

/**
 * Reads of the record parts a referral shares, with explicit columns and nothing else: no provenance, no ids, no
 * storage keys. The records module exports no read functions for other modules, so the referral reads here.
 */
export const sharedRecordRepository = {
  async patient(db: Executor, scope: RecordScope) {
    return db
      .selectFrom('patients')
      .select(['name', 'sex', 'birth_date'])
      .where('org_id', '=', scope.orgId)
      .where('id', '=', scope.patientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },

  /** Current problems: active or recurring conditions. */
  async problems(db: Executor, scope: RecordScope) {
    return db
      .selectFrom('conditions')
      .select(['icd10', 'display', 'clinical_status', 'onset_date'])
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId)
      .where('deleted_at', 'is', null)
      .where('clinical_status', 'in', ['active', 'recurrence'])
      .orderBy('onset_date', 'desc')
      .limit(LIMIT)
      .execute();
  },

  async medications(db: Executor, scope: RecordScope) {
    return db
      .selectFrom('medication_statements')
      .select(['name', 'dose', 'route', 'frequency', 'started_on'])
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['active', 'on_hold'])
      .orderBy('started_on', 'desc')
      .limit(LIMIT)
      .execute();
  },

  async allergies(db: Executor, scope: RecordScope) {
    return db
      .selectFrom('allergies')
      .select(['substance', 'category', 'reaction', 'severity'])
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId)
      .where('deleted_at', 'is', null)
      .where('status', '=', 'active')
      .orderBy('created_at', 'desc')
      .limit(LIMIT)
      .execute();
  },

  /** Observations in the window, newest first (entered-in-error ones left out). */
  async observations(db: Executor, scope: RecordScope) {
    let q = db
      .selectFrom('observations')
      .select(['code', 'name', 'value_num', 'value_text', 'unit', 'flag', 'effective_at'])
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId)
      .where('status', '<>', 'entered_in_error');
    if (scope.from) q = q.where('effective_at', '>=', sql<Date>`${scope.from}::date`);
    if (scope.to) q = q.where('effective_at', '<', sql<Date>`${scope.to}::date + 1`);
    return q.orderBy('effective_at', 'desc').limit(LIMIT).execute();
  },

  async encounters(db: Executor, scope: RecordScope) {
    let q = db
      .selectFrom('encounters')
      .select(['kind', 'started_at', 'department', 'practitioner', 'reason', 'summary'])
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId)
      .where('deleted_at', 'is', null);
    if (scope.from) q = q.where('started_at', '>=', sql<Date>`${scope.from}::date`);
    if (scope.to) q = q.where('started_at', '<', sql<Date>`${scope.to}::date + 1`);
    return q.orderBy('started_at', 'desc').limit(LIMIT).execute();
  },

  /** Documents' descriptions in the window (by the document's date, else the upload's); never the file. */
  async documents(db: Executor, scope: RecordScope) {
    const day = sql<string>`coalesce(document_date, created_at::date)`;
    let q = db
      .selectFrom('documents')
      .select(['kind', 'title', 'content_type', 'size_bytes', 'document_date'])
      .where('org_id', '=', scope.orgId)
      .where('patient_id', '=', scope.patientId)
      .where('deleted_at', 'is', null);
    if (scope.from) q = q.where(day, '>=', sql<string>`${scope.from}::date`);
    if (scope.to) q = q.where(day, '<=', sql<string>`${scope.to}::date`);
    return q.orderBy('created_at', 'desc').limit(LIMIT).execute();
  },
};
