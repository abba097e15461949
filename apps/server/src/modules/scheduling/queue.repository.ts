import { sql, type Updateable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type { AppointmentsTable, QueueStateColumn } from '../../platform/db/schema-scheduling.ts';

export interface QueueRow {
  appointment_id: string;
  patient_id: string;
  patient_name: string;
  queue_number: number;
  queue_state: QueueStateColumn;
  slot_starts_at: Date;
  checked_in_at: Date;
  called_at: Date | null;
  no_shows: number;
  version: number;
}

export interface SessionRow {
  id: string;
  org_id: string;
  doctor_account_id: string;
  doctor_name: string;
  department_id: string | null;
  department_zh: string | null;
  department_en: string | null;
  date: string;
  starts_at: Date;
  ends_at: Date;
  mode: 'in_person' | 'online';
  slot_minutes: number;
  capacity: number;
  status: 'open' | 'cancelled';
  queue_version: number;
  booked: number;
  /** Average minutes per finished consultation in this session, null before the first. */
  average_minutes: number | null;
}

/** The SQL of the live queue: numbers at check-in, state changes under the session's row lock, the ordered list. */
export const queueRepository = {
  /** Locks the session's queue and moves its version on; every queue change goes through here first. */
  async bump(tx: Tx, sessionId: string, takeNumber = false) {
    return tx
      .updateTable('schedule_sessions')
      .set({
        queue_version: sql`queue_version + 1`,
        ...(takeNumber ? { queue_seq: sql`queue_seq + 1` } : {}),
      })
      .where('id', '=', sessionId)
      .returning(['queue_version', 'queue_seq', 'org_id'])
      .executeTakeFirstOrThrow();
  },

  async version(db: Executor, sessionId: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('schedule_sessions')
      .select('queue_version')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    return row?.queue_version;
  },

  async update(tx: Executor, appointmentId: string, set: Updateable<AppointmentsTable>) {
    await tx
      .updateTable('appointments')
      .set({ ...set, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', appointmentId)
      .execute();
  },

  /** The queue in serving order: appointment time first, then arrival. */
  async entries(db: Executor, sessionId: string): Promise<QueueRow[]> {
    const r = await sql<QueueRow>`
      SELECT a.id AS appointment_id, a.patient_id, p.name AS patient_name, a.queue_number, a.queue_state,
             a.starts_at AS slot_starts_at, a.checked_in_at, a.called_at, a.version,
             (SELECT count(*)::int FROM appointments n WHERE n.patient_id = a.patient_id AND n.status = 'no_show') AS no_shows
        FROM appointments a JOIN patients p ON p.id = a.patient_id
       WHERE a.session_id = ${sessionId} AND a.queue_state IS NOT NULL
       ORDER BY a.starts_at, a.queue_number`.execute(db);
    return r.rows;
  },

  /** The first waiting patient, locked (call-next). */
  async firstWaiting(tx: Tx, sessionId: string) {
    return tx
      .selectFrom('appointments')
      .select(['id'])
      .where('session_id', '=', sessionId)
      .where('queue_state', '=', 'waiting')
      .orderBy('starts_at')
      .orderBy('queue_number')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
  },

  async session(db: Executor, sessionId: string): Promise<SessionRow | undefined> {
    const r = await sql<SessionRow>`${sessionSelect} WHERE s.id = ${sessionId}`.execute(db);
    return r.rows[0];
  },

  async sessionsOn(db: Executor, orgId: string, date: string, doctorId?: string): Promise<SessionRow[]> {
    const r = await sql<SessionRow>`${sessionSelect}
      WHERE s.org_id = ${orgId} AND s.date = ${date}::date
        AND (${doctorId ?? null}::uuid IS NULL OR s.doctor_account_id = ${doctorId ?? null}::uuid)
      ORDER BY s.starts_at, d.display_name`.execute(db);
    return r.rows;
  },

  /** The day view's appointments of several sessions (not cancelled), with each patient's no-show count. */
  async dayAppointments(db: Executor, sessionIds: string[]) {
    if (sessionIds.length === 0) return [];
    const r = await sql<{
      id: string;
      session_id: string;
      patient_id: string;
      patient_name: string;
      slot_id: string;
      starts_at: Date;
      status: 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
      queue_state: QueueStateColumn | null;
      queue_number: number | null;
      checked_in_at: Date | null;
      version: number;
      no_shows: number;
    }>`
      SELECT a.id, a.session_id, a.patient_id, p.name AS patient_name, a.slot_id, a.starts_at, a.status,
             a.queue_state, a.queue_number, a.checked_in_at, a.version,
             (SELECT count(*)::int FROM appointments n WHERE n.patient_id = a.patient_id AND n.status = 'no_show') AS no_shows
        FROM appointments a JOIN patients p ON p.id = a.patient_id
       WHERE a.session_id = ANY (${sessionIds}::uuid[]) AND a.status <> 'cancelled'
       ORDER BY a.starts_at, a.queue_number NULLS LAST`.execute(db);
    return r.rows;
  },

  /** Accounts to tell about a session's queue: the patient side of every active appointment in it. */
  async sessionAccounts(db: Executor, sessionId: string): Promise<string[]> {
    const r = await sql<{ account_id: string }>`
      SELECT a.booked_by AS account_id FROM appointments a
       WHERE a.session_id = ${sessionId} AND a.status IN ('booked', 'checked_in', 'completed', 'no_show')
      UNION
      SELECT l.account_id FROM appointments a JOIN patient_links l ON l.patient_id = a.patient_id AND l.removed_at IS NULL
       WHERE a.session_id = ${sessionId} AND a.status IN ('booked', 'checked_in', 'completed', 'no_show')`.execute(
      db,
    );
    return r.rows.map((row) => row.account_id);
  },
};

const sessionSelect = sql`
  SELECT s.id, s.org_id, s.doctor_account_id, d.display_name AS doctor_name, s.department_id,
         dep.name_zh AS department_zh, dep.name_en AS department_en, s.date::text AS date, s.starts_at, s.ends_at,
         s.mode, s.slot_minutes, s.capacity, s.status, s.queue_version,
         (SELECT coalesce(sum(sl.booked), 0)::int FROM slots sl WHERE sl.session_id = s.id) AS booked,
         (SELECT round(avg(extract(epoch FROM a.done_at - coalesce(a.started_at, a.called_at)) / 60))::int
            FROM appointments a WHERE a.session_id = s.id AND a.queue_state = 'done'
             AND a.done_at IS NOT NULL AND coalesce(a.started_at, a.called_at) IS NOT NULL) AS average_minutes
    FROM schedule_sessions s
    JOIN accounts d ON d.id = s.doctor_account_id
    LEFT JOIN departments dep ON dep.id = s.department_id`;
