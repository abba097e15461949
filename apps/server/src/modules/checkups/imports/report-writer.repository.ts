import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { CheckupSourceFormatColumn } from '../../../platform/db/schema-checkups.ts';

export interface NewReport {
  id: string;
  org_id: string;
  patient_id: string;
  package_id: string | null;
  package_name: string | null;
  external_id: string | null;
  performed_at: Date;
  center: string | null;
  conclusion: string | null;
  source_format: CheckupSourceFormatColumn;
  import_job_id: string;
  dedupe_key: string;
  item_count: number;
  abnormal_count: number;
  created_by: string;
}

/** What an import writes: the report rows, and the lookups it needs to place a report (patient, package). */
export const reportWriterRepository = {
  /**
   * Inserts the report unless the organization already has one with the same dedupe key; answers the report's id
   * either way and whether it was created now.
   */
  async insertOrFind(
    db: Executor,
    report: NewReport,
  ): Promise<{ id: string; patientId: string; created: boolean }> {
    const inserted = await db
      .insertInto('checkup_reports')
      .values(report)
      .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
      .returning(['id', 'patient_id'])
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, patientId: inserted.patient_id, created: true };
    const existing = await db
      .selectFrom('checkup_reports')
      .select(['id', 'patient_id'])
      .where('org_id', '=', report.org_id)
      .where('dedupe_key', '=', report.dedupe_key)
      .executeTakeFirstOrThrow();
    return { id: existing.id, patientId: existing.patient_id, created: false };
  },

  /** Counts a report's items again from its observations (after a re-import completed a partial one). */
  async recount(db: Executor, reportId: string, patientId: string): Promise<void> {
    await sql`
      UPDATE checkup_reports r
         SET item_count = c.items, abnormal_count = c.abnormal
        FROM (SELECT count(*)::int AS items,
                     count(*) FILTER (WHERE o.flag IS NOT NULL AND o.flag <> 'N')::int AS abnormal
                FROM observations o
               WHERE o.report_id = ${reportId} AND o.patient_id = ${patientId}
                 AND o.status <> 'entered_in_error') c
       WHERE r.id = ${reportId}`.execute(db);
  },

  async setCounts(db: Executor, reportId: string, counts: { items: number; abnormal: number }) {
    await db
      .updateTable('checkup_reports')
      .set({ item_count: counts.items, abnormal_count: counts.abnormal })
      .where('id', '=', reportId)
      .execute();
  },

  /** A patient of the organization by the blind index of a resident ID number, or by medical record number. */
  async findPatient(
    db: Executor,
    input: { orgId: string; nationalIdBidx: string | null; mrns: readonly string[] },
  ): Promise<string | undefined> {
    if (input.nationalIdBidx) {
      const row = await db
        .selectFrom('patients')
        .select('id')
        .where('org_id', '=', input.orgId)
        .where('national_id_bidx', '=', input.nationalIdBidx)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (row) return row.id;
    }
    if (input.mrns.length > 0) {
      const row = await db
        .selectFrom('patients')
        .select('id')
        .where('org_id', '=', input.orgId)
        .where('mrn', 'in', input.mrns)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (row) return row.id;
    }
    return undefined;
  },

  /** Patients of the organization with any of these blind indexes or record numbers (one query for a chunk). */
  async findPatients(
    db: Executor,
    input: { orgId: string; nationalIdBidxs: readonly string[]; mrns: readonly string[] },
  ) {
    return db
      .selectFrom('patients')
      .select(['id', 'national_id_bidx', 'mrn'])
      .where('org_id', '=', input.orgId)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          ...(input.nationalIdBidxs.length > 0
            ? [eb('national_id_bidx', 'in', [...input.nationalIdBidxs])]
            : []),
          ...(input.mrns.length > 0 ? [eb('mrn', 'in', [...input.mrns])] : []),
        ]),
      )
      .execute();
  },

  /** The org's active packages by code and both names, for reports that name their package. */
  async packagesOf(db: Executor, orgId: string) {
    return db
      .selectFrom('checkup_packages')
      .select(['id', 'code', 'name_zh', 'name_en'])
      .where('org_id', '=', orgId)
      .execute();
  },

  async mappingsOf(db: Executor, orgId: string) {
    return db
      .selectFrom('checkup_item_mappings')
      .select(['local_name_normalized', 'loinc', 'unit'])
      .where('org_id', '=', orgId)
      .execute();
  },
};
