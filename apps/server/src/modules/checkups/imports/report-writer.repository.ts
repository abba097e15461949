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
   * Inserts a chunk's reports in one statement, skipping those the organization already has (same dedupe key), and
   * answers every report's id by dedupe key: the new row's or the earlier import's, and whether it was created now.
   */
  async insertOrFindMany(
    db: Executor,
    orgId: string,
    reports: readonly NewReport[],
  ): Promise<Map<string, { id: string; patientId: string; created: boolean }>> {
    const placed = new Map<string, { id: string; patientId: string; created: boolean }>();
    if (reports.length === 0) return placed;
    const inserted = await db
      .insertInto('checkup_reports')
      .values([...reports])
      .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
      .returning(['id', 'patient_id', 'dedupe_key'])
      .execute();
    for (const r of inserted) placed.set(r.dedupe_key, { id: r.id, patientId: r.patient_id, created: true });
    const missing = reports.map((r) => r.dedupe_key).filter((key) => !placed.has(key));
    if (missing.length > 0) {
      const existing = await db
        .selectFrom('checkup_reports')
        .select(['id', 'patient_id', 'dedupe_key'])
        .where('org_id', '=', orgId)
        .where('dedupe_key', 'in', missing)
        .execute();
      for (const r of existing)
        placed.set(r.dedupe_key, { id: r.id, patientId: r.patient_id, created: false });
    }
    return placed;
  },

  /** Counts reports' items again from their observations (after a re-import completed partial ones). */
  async recount(db: Executor, reportIds: readonly string[]): Promise<void> {
    if (reportIds.length === 0) return;
    await sql`
      UPDATE checkup_reports r
         SET item_count = c.items, abnormal_count = c.abnormal
        FROM (SELECT o.report_id,
                     count(*)::int AS items,
                     count(*) FILTER (WHERE o.flag IS NOT NULL AND o.flag <> 'N')::int AS abnormal
                FROM observations o
               WHERE o.report_id = ANY(${[...reportIds]}::uuid[]) AND o.status <> 'entered_in_error'
               GROUP BY o.report_id) c
       WHERE r.id = c.report_id`.execute(db);
  },

  /** Sets the counts of new reports whose flags the records module computed (one statement for a chunk). */
  async setCounts(
    db: Executor,
    counts: readonly { reportId: string; items: number; abnormal: number }[],
  ): Promise<void> {
    if (counts.length === 0) return;
    await sql`
      UPDATE checkup_reports r
         SET item_count = c.items, abnormal_count = c.abnormal
        FROM unnest(${counts.map((c) => c.reportId)}::uuid[], ${counts.map((c) => c.items)}::int[],
                    ${counts.map((c) => c.abnormal)}::int[]) AS c(id, items, abnormal)
       WHERE r.id = c.id`.execute(db);
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
