import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SlotRow } from './scheduling-view.ts';

const slotSelect = sql`
  SELECT sl.id, sl.session_id, sl.doctor_account_id, d.display_name AS doctor_name, s.department_id,
         dep.name_zh AS department_zh, dep.name_en AS department_en, sl.starts_at, sl.ends_at, s.mode, s.fee_fen,
         sl.capacity, sl.booked, sl.held, sl.status
    FROM slots sl
    JOIN schedule_sessions s ON s.id = sl.session_id
    JOIN accounts d ON d.id = sl.doctor_account_id
    LEFT JOIN departments dep ON dep.id = s.department_id`;

/** The SQL of reading slots: a doctor's slots in a time range, and the next free ones (for triage and booking). */
export const slotsRepository = {
  async forDoctor(
    db: Executor,
    f: { doctorId: string; orgId: string | null; from: Date; to: Date; freeOnly: boolean },
  ): Promise<SlotRow[]> {
    const r = await sql<SlotRow>`${slotSelect}
      WHERE sl.doctor_account_id = ${f.doctorId} AND sl.starts_at >= ${f.from} AND sl.starts_at < ${f.to}
        AND s.status = 'open'
        AND (${f.orgId}::uuid IS NULL OR sl.org_id = ${f.orgId}::uuid)
        AND (NOT ${f.freeOnly} OR (sl.status = 'open' AND sl.booked + sl.held < sl.capacity))
      ORDER BY sl.starts_at LIMIT 500`.execute(db);
    return r.rows;
  },

  /** The next bookable slots of the doctors (a doctor, or a department's), soonest first. */
  async nextFree(
    db: Executor,
    f: { doctorId?: string; departmentId?: string; orgId: string | null; mode?: string; limit: number },
  ): Promise<SlotRow[]> {
    const r = await sql<SlotRow>`${slotSelect}
      WHERE sl.status = 'open' AND s.status = 'open' AND sl.booked + sl.held < sl.capacity
        AND sl.starts_at > now()
        AND (${f.doctorId ?? null}::uuid IS NULL OR sl.doctor_account_id = ${f.doctorId ?? null}::uuid)
        AND (${f.departmentId ?? null}::uuid IS NULL OR s.department_id = ${f.departmentId ?? null}::uuid)
        AND (${f.orgId}::uuid IS NULL OR sl.org_id = ${f.orgId}::uuid)
        AND (${f.mode ?? null}::text IS NULL OR s.mode = ${f.mode ?? null}::text)
      ORDER BY sl.starts_at, sl.id LIMIT ${f.limit}`.execute(db);
    return r.rows;
  },
};
