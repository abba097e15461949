import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ObservationFlag } from '../../../platform/db/schema-records.ts';
import type { CheckupSourceFormatColumn } from '../../../platform/db/schema-checkups.ts';

export interface ReportRow {
  id: string;
  patient_id: string;
  performed_at: Date;
  center: string | null;
  external_id: string | null;
  package_id: string | null;
  package_code: string | null;
  package_name_zh: string | null;
  package_name_en: string | null;
  package_name: string | null;
  source_format: CheckupSourceFormatColumn;
  item_count: number;
  abnormal_count: number;
  conclusion: string | null;
  import_job_id: string | null;
  created_at: Date;
}

export interface ItemRow {
  id: string;
  report_id: string;
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
}

export interface HistoryPoint {
  code: string;
  report_id: string | null;
  effective_at: Date;
  value_num: number;
}

const reportQuery = (db: Executor) =>
  db
    .selectFrom('checkup_reports as r')
    .leftJoin('checkup_packages as p', 'p.id', 'r.package_id')
    .select([
      'r.id',
      'r.patient_id',
      'r.performed_at',
      'r.center',
      'r.external_id',
      'r.package_id',
      'p.code as package_code',
      'p.name_zh as package_name_zh',
      'p.name_en as package_name_en',
      'r.package_name',
      'r.source_format',
      'r.item_count',
      'r.abnormal_count',
      'r.conclusion',
      'r.import_job_id',
      'r.created_at',
    ]);

export const reportsRepository = {
  /** A patient's reports, newest first, one more than asked so the caller knows whether a page follows. */
  async listForPatient(
    db: Executor,
    input: { patientId: string; before: { at: Date; id: string } | null; limit: number },
  ): Promise<ReportRow[]> {
    let q = reportQuery(db).where('r.patient_id', '=', input.patientId);
    if (input.before) {
      const { at, id } = input.before;
      q = q.where(sql<boolean>`(r.performed_at, r.id) < (${at}, ${id})`);
    }
    return q
      .orderBy('r.performed_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(input.limit + 1)
      .execute();
  },

  async find(db: Executor, patientId: string, reportId: string): Promise<ReportRow | undefined> {
    return reportQuery(db)
      .where('r.patient_id', '=', patientId)
      .where('r.id', '=', reportId)
      .executeTakeFirst();
  },

  /** The patient's report just before this one (by checkup date), which it is compared with. */
  async previous(db: Executor, report: { patient_id: string; performed_at: Date; id: string }) {
    return reportQuery(db)
      .where('r.patient_id', '=', report.patient_id)
      .where(sql<boolean>`(r.performed_at, r.id) < (${report.performed_at}, ${report.id})`)
      .orderBy('r.performed_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async items(db: Executor, patientId: string, reportIds: readonly string[]): Promise<ItemRow[]> {
    if (reportIds.length === 0) return [];
    return db
      .selectFrom('observations')
      .select([
        'id',
        'report_id',
        'code_system',
        'code',
        'name',
        'value_num',
        'value_text',
        'unit',
        'ref_low',
        'ref_high',
        'ref_text',
        'flag',
        'effective_at',
      ])
      .where('patient_id', '=', patientId)
      .where('report_id', 'in', reportIds)
      .where('status', '<>', 'entered_in_error')
      .orderBy('id')
      .execute() as Promise<ItemRow[]>;
  },

  /** Up to `perCode` latest numeric results of each code from reports (lab or checkup) up to a time, oldest first. */
  async history(
    db: Executor,
    input: { patientId: string; codes: readonly string[]; until: Date; perCode: number },
  ): Promise<HistoryPoint[]> {
    if (input.codes.length === 0) return [];
    const { rows } = await sql<HistoryPoint>`
      SELECT code, report_id, effective_at, value_num FROM (
        SELECT o.code, o.report_id, o.effective_at, o.value_num,
               row_number() OVER (PARTITION BY o.code ORDER BY o.effective_at DESC) AS n
          FROM observations o
         WHERE o.patient_id = ${input.patientId}
           AND o.code_system = 'loinc'
           AND o.code = ANY(${[...input.codes]}::text[])
           AND o.report_id IS NOT NULL
           AND o.value_num IS NOT NULL
           AND o.status <> 'entered_in_error'
           AND o.effective_at <= ${input.until}) h
       WHERE n <= ${input.perCode}
       ORDER BY code, effective_at`.execute(db);
    return rows;
  },

  /** What the summary PDF prints about the patient and the organization. */
  async pdfHeader(db: Executor, patientId: string) {
    return db
      .selectFrom('patients as p')
      .innerJoin('orgs as g', 'g.id', 'p.org_id')
      .select([
        'p.name',
        'p.sex',
        'p.birth_date',
        'p.national_id_enc',
        'g.name_zh as org_name_zh',
        'g.name_en as org_name_en',
        'g.time_zone',
      ])
      .where('p.id', '=', patientId)
      .executeTakeFirstOrThrow();
  },
};
