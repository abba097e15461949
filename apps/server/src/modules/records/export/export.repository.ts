import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { OBSERVATION_COLUMNS, type ObservationRow } from '../observations/observations.repository.ts';

interface Scope {
  orgId: string;
  patientId: string;
}

export interface ExportPatientRow {
  id: string;
  name: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  birth_date: string;
  national_id_enc: string | null;
  org_name_zh: string;
  org_name_en: string;
  time_zone: string;
}

export interface ExportCheckupRow {
  id: string;
  performed_at: Date;
  center: string | null;
  package_name: string | null;
  external_id: string | null;
  item_count: number;
  abnormal_count: number;
}

export const exportRepository = {
  async patient(db: Executor, scope: Scope): Promise<ExportPatientRow | undefined> {
    return db
      .selectFrom('patients as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .select([
        'p.id',
        'p.name',
        'p.sex',
        'p.birth_date',
        'p.national_id_enc',
        'o.name_zh as org_name_zh',
        'o.name_en as org_name_en',
        'o.time_zone',
      ])
      .where('p.id', '=', scope.patientId)
      .where('p.org_id', '=', scope.orgId)
      .executeTakeFirst();
  },

  /** Every live observation, newest first. */
  async observations(db: Executor, scope: Scope): Promise<ObservationRow[]> {
    const result = await sql<ObservationRow>`
      SELECT ${OBSERVATION_COLUMNS}
        FROM observations o
        LEFT JOIN accounts a ON a.id = o.recorded_by
       WHERE o.patient_id = ${scope.patientId} AND o.org_id = ${scope.orgId} AND o.status <> 'entered_in_error'
       ORDER BY o.effective_at DESC, o.id DESC`.execute(db);
    return result.rows;
  },

  async checkups(db: Executor, scope: Scope): Promise<ExportCheckupRow[]> {
    return db
      .selectFrom('checkup_reports')
      .select(['id', 'performed_at', 'center', 'package_name', 'external_id', 'item_count', 'abnormal_count'])
      .where('patient_id', '=', scope.patientId)
      .where('org_id', '=', scope.orgId)
      .orderBy('performed_at', 'desc')
      .execute();
  },
};
