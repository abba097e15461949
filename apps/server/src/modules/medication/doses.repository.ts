import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DoseStatusColumn } from '../../platform/db/schema-medication.ts';

export interface DoseRow {
  id: string;
  org_id: string;
  patient_id: string;
  schedule_id: string;
  due_at: Date;
  local_time: string;
  local_day: string;
  status: DoseStatusColumn;
  reason: string | null;
  recorded_at: Date | null;
  drug_name_zh: string;
  drug_name_en: string;
  dose_value: string;
  dose_unit: string;
  time_zone: string;
}

const DOSE_COLUMNS = sql.raw(`d.id, d.org_id, d.patient_id, d.schedule_id, d.due_at,
  to_char(d.due_at AT TIME ZONE s.time_zone, 'HH24:MI') AS local_time,
  to_char((d.due_at AT TIME ZONE s.time_zone)::date, 'YYYY-MM-DD') AS local_day,
  d.status, d.reason, d.recorded_at, pi.drug_name_zh, pi.drug_name_en, pi.dose_value::text, pi.dose_unit,
  s.time_zone`);

export const dosesRepository = {
  /** The doses of one local day (in each schedule's own time zone), in time order. */
  async ofLocalDay(db: Executor, patientId: string, day: string): Promise<DoseRow[]> {
    // The index on (patient_id, due_at) narrows to two days around the date before the zone-aware filter.
    const result = await sql<DoseRow>`
      SELECT ${DOSE_COLUMNS} FROM dose_events d
        JOIN medication_schedules s ON s.id = d.schedule_id
        JOIN prescription_items pi ON pi.id = s.prescription_item_id
       WHERE d.patient_id = ${patientId}
         AND d.due_at >= ${day}::date - 1 AND d.due_at < ${day}::date + 2
         AND (d.due_at AT TIME ZONE s.time_zone)::date = ${day}::date
       ORDER BY d.due_at, pi.position`.execute(db);
    return result.rows;
  },

  async load(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<DoseRow | undefined> {
    const result = await sql<DoseRow>`
      SELECT ${DOSE_COLUMNS} FROM dose_events d
        JOIN medication_schedules s ON s.id = d.schedule_id
        JOIN prescription_items pi ON pi.id = s.prescription_item_id
       WHERE d.id = ${id} ${options.lock ? sql`FOR UPDATE OF d` : sql``}`.execute(db);
    return result.rows[0];
  },

  async record(
    db: Executor,
    id: string,
    change: { status: DoseStatusColumn; reason: string | null; recordedAt: Date; recordedBy: string },
  ) {
    await db
      .updateTable('dose_events')
      .set({
        status: change.status,
        reason: change.reason,
        recorded_at: change.recordedAt,
        recorded_by: change.recordedBy,
      })
      .where('id', '=', id)
      .execute();
  },

  /** Doses of local days `from`..`to` (inclusive) for adherence, with the schedule they belong to. */
  async inRange(db: Executor, patientId: string, from: string, to: string) {
    const result = await sql<{
      schedule_id: string;
      local_day: string;
      status: DoseStatusColumn;
      drug_name_zh: string;
      drug_name_en: string;
    }>`
      SELECT d.schedule_id, to_char((d.due_at AT TIME ZONE s.time_zone)::date, 'YYYY-MM-DD') AS local_day, d.status,
             pi.drug_name_zh, pi.drug_name_en
        FROM dose_events d
        JOIN medication_schedules s ON s.id = d.schedule_id
        JOIN prescription_items pi ON pi.id = s.prescription_item_id
       WHERE d.patient_id = ${patientId}
         AND d.due_at >= ${from}::date - 1 AND d.due_at < ${to}::date + 2
         AND (d.due_at AT TIME ZONE s.time_zone)::date BETWEEN ${from}::date AND ${to}::date
         AND d.due_at <= now()`.execute(db);
    return result.rows;
  },
};
