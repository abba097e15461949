import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ReactionStatusColumn } from '../../platform/db/schema-medication.ts';

export interface ReactionRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  prescription_item_id: string;
  prescriber_account_id: string;
  drug_name_zh: string;
  drug_name_en: string;
  ingredients: string[];
  symptoms: string;
  severity: 'mild' | 'moderate' | 'severe';
  started_at: Date;
  status: ReactionStatusColumn;
  review_note: string | null;
  reviewed_at: Date | null;
  allergy_id: string | null;
  created_at: Date;
  version: number;
}

const COLUMNS = sql.raw(`r.id, r.org_id, r.patient_id, p.name AS patient_name, r.prescription_item_id,
  r.prescriber_account_id, pi.drug_name_zh, pi.drug_name_en, d.ingredients, r.symptoms, r.severity, r.started_at,
  r.status, r.review_note, r.reviewed_at, r.allergy_id, r.created_at, r.version`);
const FROM = sql.raw(`adverse_reactions r JOIN patients p ON p.id = r.patient_id
  JOIN prescription_items pi ON pi.id = r.prescription_item_id JOIN formulary_drugs d ON d.id = pi.drug_id`);

export const reactionsRepository = {
  /** A drug prescribed to this patient, with who prescribed it (undefined when it is not theirs). */
  async prescribedItem(db: Executor, patientId: string, itemId: string) {
    const result = await sql<{ id: string; org_id: string; prescriber_account_id: string }>`
      SELECT pi.id, p.org_id, p.prescriber_account_id
        FROM prescription_items pi JOIN prescriptions p ON p.id = pi.prescription_id
       WHERE pi.id = ${itemId} AND p.patient_id = ${patientId}`.execute(db);
    return result.rows[0];
  },

  async insert(
    db: Executor,
    row: {
      id: string;
      org_id: string;
      patient_id: string;
      prescription_item_id: string;
      prescriber_account_id: string;
      reported_by: string;
      symptoms: string;
      severity: 'mild' | 'moderate' | 'severe';
      started_at: Date;
    },
  ) {
    await db.insertInto('adverse_reactions').values(row).execute();
  },

  async load(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<ReactionRow | undefined> {
    const result = await sql<ReactionRow>`
      SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = ${id} ${options.lock ? sql`FOR UPDATE OF r` : sql``}`.execute(
      db,
    );
    return result.rows[0];
  },

  async forPatient(db: Executor, patientId: string): Promise<ReactionRow[]> {
    const result = await sql<ReactionRow>`
      SELECT ${COLUMNS} FROM ${FROM} WHERE r.patient_id = ${patientId} ORDER BY r.created_at DESC LIMIT 100`.execute(
      db,
    );
    return result.rows;
  },

  async forPrescriber(
    db: Executor,
    orgId: string,
    accountId: string,
    status: 'reported' | 'all',
  ): Promise<ReactionRow[]> {
    const result = await sql<ReactionRow>`
      SELECT ${COLUMNS} FROM ${FROM}
       WHERE r.org_id = ${orgId} AND r.prescriber_account_id = ${accountId}
         ${status === 'reported' ? sql`AND r.status = 'reported'` : sql``}
       ORDER BY (r.severity = 'severe') DESC, r.created_at DESC LIMIT 200`.execute(db);
    return result.rows;
  },

  async review(
    db: Executor,
    id: string,
    version: number,
    change: {
      status: ReactionStatusColumn;
      reviewedBy: string;
      note: string | null;
      allergyId: string | null;
    },
  ): Promise<boolean> {
    const result = await db
      .updateTable('adverse_reactions')
      .set({
        status: change.status,
        reviewed_by: change.reviewedBy,
        reviewed_at: new Date(),
        review_note: change.note,
        allergy_id: change.allergyId,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'reported')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
