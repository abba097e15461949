import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type {
  AppointmentStatusColumn,
  QueueStateColumn,
  VisitModeColumn,
} from '../../platform/db/schema-scheduling.ts';

/** A place taken in a slot: what the appointment row needs of the slot, its session and the org. */
export interface ClaimedPlace {
  id: string;
  org_id: string;
  session_id: string;
  doctor_account_id: string;
  starts_at: Date;
  date: string;
  care_until: Date;
  /** The slot's counts once this place was taken. */
  booked: number;
  held: number;
  capacity: number;
}

export interface AppointmentRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  doctor_account_id: string;
  doctor_name: string;
  doctor_title: string | null;
  department_id: string | null;
  department_zh: string | null;
  department_en: string | null;
  session_id: string;
  slot_id: string;
  starts_at: Date;
  ends_at: Date;
  mode: VisitModeColumn;
  fee_fen: number;
  status: AppointmentStatusColumn;
  queue_state: QueueStateColumn | null;
  queue_number: number | null;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  rescheduled_from: string | null;
  booked_by: string;
  visit_date: string;
  created_at: Date;
  version: number;
  /** The org's scheduling settings the answer's times come from (null: the defaults, none saved). */
  cancel_cutoff_hours: number | null;
  check_in_before_minutes: number | null;
  check_in_after_minutes: number | null;
}

const appointmentColumns = sql`
  a.id, a.org_id, a.patient_id, p.name AS patient_name, a.doctor_account_id, d.display_name AS doctor_name,
  m.title AS doctor_title, s.department_id, dep.name_zh AS department_zh, dep.name_en AS department_en,
  a.session_id, a.slot_id, a.starts_at, sl.ends_at, s.mode, s.fee_fen, a.status, a.queue_state, a.queue_number,
  a.checked_in_at, a.cancelled_at, a.cancel_reason, a.rescheduled_from, a.booked_by, a.visit_date::text AS visit_date,
  a.created_at, a.version, ss.cancel_cutoff_hours, ss.check_in_before_minutes, ss.check_in_after_minutes`;

const appointmentJoins = sql`
  FROM appointments a
  JOIN patients p ON p.id = a.patient_id
  JOIN accounts d ON d.id = a.doctor_account_id
  JOIN schedule_sessions s ON s.id = a.session_id
  JOIN slots sl ON sl.id = a.slot_id
  LEFT JOIN memberships m ON m.account_id = a.doctor_account_id AND m.org_id = a.org_id
  LEFT JOIN departments dep ON dep.id = s.department_id
  LEFT JOIN scheduling_settings ss ON ss.org_id = a.org_id`;

/** A second active booking of the patient with that doctor that day, refused by the partial unique index. */
export function isDuplicateBooking(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === 'appointments_one_per_doctor_day';
}

/** The SQL of appointments: taking and giving back places, and reading bookings. */
export const appointmentsRepository = {
  /**
   * Takes one place in the slot, or nothing: a single conditional UPDATE, so concurrent bookings queue on the
   * slot's row and each sees the count the one before it left. Refuses past, closed, full and foreign slots.
   */
  async claimPlace(tx: Tx, slotId: string, orgId: string): Promise<ClaimedPlace | undefined> {
    const r = await sql<ClaimedPlace>`
      UPDATE slots sl SET booked = sl.booked + 1
        FROM schedule_sessions s JOIN orgs o ON o.id = s.org_id
       WHERE sl.id = ${slotId} AND sl.org_id = ${orgId} AND s.id = sl.session_id
         AND sl.status = 'open' AND s.status = 'open'
         AND sl.booked + sl.held < sl.capacity AND sl.starts_at > now()
      RETURNING sl.id, sl.org_id, sl.session_id, sl.doctor_account_id, sl.starts_at, s.date::text AS date,
                ((s.date + 1)::timestamp AT TIME ZONE o.time_zone) AS care_until,
                sl.booked, sl.held, sl.capacity`.execute(tx);
    return r.rows[0];
  },

  /** Row locks on slots, always taken in id order. */
  async lockSlots(tx: Tx, slotIds: string[]): Promise<void> {
    await sql`SELECT id FROM slots WHERE id = ANY (${[...new Set(slotIds)]}::uuid[]) ORDER BY id FOR UPDATE`.execute(
      tx,
    );
  },

  /** Turns a place held for a waitlist offer into a booking. */
  async claimHeldPlace(tx: Tx, slotId: string): Promise<ClaimedPlace | undefined> {
    const r = await sql<ClaimedPlace>`
      UPDATE slots sl SET booked = sl.booked + 1, held = sl.held - 1
        FROM schedule_sessions s JOIN orgs o ON o.id = s.org_id
       WHERE sl.id = ${slotId} AND s.id = sl.session_id AND sl.held > 0 AND sl.status = 'open'
         AND sl.starts_at > now()
      RETURNING sl.id, sl.org_id, sl.session_id, sl.doctor_account_id, sl.starts_at, s.date::text AS date,
                ((s.date + 1)::timestamp AT TIME ZONE o.time_zone) AS care_until,
                sl.booked, sl.held, sl.capacity`.execute(tx);
    return r.rows[0];
  },

  /** Why a slot could not be booked (read after the conditional UPDATE refused). */
  async slotState(db: Executor, slotId: string) {
    return db
      .selectFrom('slots as sl')
      .innerJoin('schedule_sessions as s', 's.id', 'sl.session_id')
      .select([
        'sl.org_id',
        'sl.status',
        's.status as session_status',
        'sl.starts_at',
        'sl.booked',
        'sl.held',
        'sl.capacity',
      ])
      .where('sl.id', '=', slotId)
      .executeTakeFirst();
  },

  async releasePlace(tx: Executor, slotId: string) {
    await tx
      .updateTable('slots')
      .set({ booked: sql`booked - 1` })
      .where('id', '=', slotId)
      .execute();
  },

  async insert(
    tx: Tx,
    a: {
      id: string;
      patientId: string;
      place: ClaimedPlace;
      bookedBy: string;
      basis: string;
      rescheduledFrom?: string | null;
      waitlistEntryId?: string | null;
    },
  ): Promise<'ok' | 'duplicate'> {
    // The partial unique index decides duplicates, whatever the concurrency; the caller rolls back and answers 409.
    try {
      await tx
        .insertInto('appointments')
        .values({
          id: a.id,
          org_id: a.place.org_id,
          patient_id: a.patientId,
          slot_id: a.place.id,
          session_id: a.place.session_id,
          doctor_account_id: a.place.doctor_account_id,
          visit_date: a.place.date,
          starts_at: a.place.starts_at,
          status: 'booked',
          booked_by: a.bookedBy,
          basis: a.basis,
          rescheduled_from: a.rescheduledFrom ?? null,
          waitlist_entry_id: a.waitlistEntryId ?? null,
          care_until: a.place.care_until,
        })
        .execute();
      return 'ok';
    } catch (error) {
      if (isDuplicateBooking(error)) return 'duplicate';
      throw error;
    }
  },

  async load(db: Executor, id: string): Promise<AppointmentRow | undefined> {
    const r =
      await sql<AppointmentRow>`SELECT ${appointmentColumns} ${appointmentJoins} WHERE a.id = ${id}`.execute(
        db,
      );
    return r.rows[0];
  },

  /** Locks the appointment for a change and answers its current state. */
  async lock(tx: Tx, id: string) {
    return tx
      .selectFrom('appointments')
      .select([
        'id',
        'org_id',
        'patient_id',
        'slot_id',
        'session_id',
        'doctor_account_id',
        'visit_date',
        'starts_at',
        'status',
        'queue_state',
        'booked_by',
        'version',
      ])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },

  async cancel(tx: Executor, id: string, by: string, reason: string | null) {
    await tx
      .updateTable('appointments')
      .set({
        status: 'cancelled',
        cancelled_at: new Date(),
        cancelled_by: by,
        cancel_reason: reason,
        updated_at: new Date(),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
  },

  /** Appointments of the patients the account books for (own profiles, proxies with the book scope). */
  async listForAccount(
    db: Executor,
    accountId: string,
    f: { patientId?: string; view: 'upcoming' | 'past'; limit: number; before?: string },
  ): Promise<AppointmentRow[]> {
    const upcoming = f.view === 'upcoming';
    const r = await sql<AppointmentRow>`
      SELECT ${appointmentColumns} ${appointmentJoins}
       WHERE (EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = a.patient_id AND l.account_id = ${accountId}
                        AND l.removed_at IS NULL)
              OR EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = a.patient_id
                        AND g.grantee_account_id = ${accountId} AND g.revoked_at IS NULL AND g.expires_at > now()
                        AND 'book' = ANY (g.scopes)))
         AND (${f.patientId ?? null}::uuid IS NULL OR a.patient_id = ${f.patientId ?? null}::uuid)
         AND ${upcoming ? sql`a.status IN ('booked', 'checked_in') AND sl.ends_at > now() - interval '12 hours'` : sql`(a.status NOT IN ('booked', 'checked_in') OR sl.ends_at <= now() - interval '12 hours')`}
         AND (${f.before ?? null}::uuid IS NULL OR a.id < ${f.before ?? null}::uuid)
       ORDER BY ${upcoming ? sql`a.starts_at ASC, a.id DESC` : sql`a.id DESC`}
       LIMIT ${f.limit + 1}`.execute(db);
    return r.rows;
  },

  /** Accounts on the patient side of an appointment: the booker and whoever manages the patient's profile. */
  async patientSideAccounts(db: Executor, patientId: string, bookedBy: string): Promise<string[]> {
    const rows = await db
      .selectFrom('patient_links')
      .select('account_id')
      .where('patient_id', '=', patientId)
      .where('removed_at', 'is', null)
      .execute();
    return [...new Set([bookedBy, ...rows.map((r) => r.account_id)])];
  },

  async patientInOrg(db: Executor, patientId: string, orgId: string): Promise<boolean> {
    const row = await db
      .selectFrom('patients')
      .select('id')
      .where('id', '=', patientId)
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  },

  async noShowCount(db: Executor, patientId: string): Promise<number> {
    const row = await db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('patient_id', '=', patientId)
      .where('status', '=', 'no_show')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** Whether the account held a book-scope proxy grant for the patient that has since expired or been revoked. */
  async hadBookGrant(db: Executor, accountId: string, patientId: string): Promise<boolean> {
    const row = await db
      .selectFrom('proxy_grants')
      .select('id')
      .where('grantee_account_id', '=', accountId)
      .where('patient_id', '=', patientId)
      .where(sql<boolean>`'book' = ANY (scopes)`)
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * Marks up to `limit` appointments whose `which` reminder is due at `at` and answers them; the caller writes the
   * notifications in the same transaction. Due: the visit is ahead and within the reminder's lead, and it was
   * booked before the reminder's moment (a visit booked an hour ahead gets no "in two hours" reminder). The
   * day-before reminder is no longer due once the two-hours one is. Rows another sweep holds are skipped.
   */
  async claimDueReminders(
    tx: Tx,
    which: 'day_before' | 'two_hours',
    at: Date,
    limit: number,
  ): Promise<AppointmentRow[]> {
    const lead = sql.raw(which === 'day_before' ? "interval '24 hours'" : "interval '2 hours'");
    const column = sql.ref(which === 'day_before' ? 'reminded_day_before_at' : 'reminded_two_hours_at');
    const notYetTwoHours =
      which === 'day_before' ? sql`AND starts_at > ${at}::timestamptz + interval '2 hours'` : sql``;
    const marked = await sql<{ id: string }>`
      UPDATE appointments SET ${column} = now()
       WHERE id IN (
         SELECT id FROM appointments
          WHERE status IN ('booked', 'checked_in') AND reminded_two_hours_at IS NULL AND ${column} IS NULL
            AND starts_at > ${at}::timestamptz AND starts_at <= ${at}::timestamptz + ${lead} ${notYetTwoHours}
            AND created_at < starts_at - ${lead}
          ORDER BY starts_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING id`.execute(tx);
    if (marked.rows.length === 0) return [];
    const ids = marked.rows.map((r) => r.id);
    const r = await sql<AppointmentRow>`
      SELECT ${appointmentColumns} ${appointmentJoins} WHERE a.id = ANY (${ids}::uuid[]) ORDER BY a.starts_at`.execute(
      tx,
    );
    return r.rows;
  },

  /** Marks one reminder sent (a reminder job queued before the sweep existed sent it). */
  async markReminded(db: Executor, id: string, which: 'day_before' | 'two_hours'): Promise<void> {
    await db
      .updateTable('appointments')
      .set(
        which === 'day_before'
          ? { reminded_day_before_at: new Date() }
          : { reminded_two_hours_at: new Date() },
      )
      .where('id', '=', id)
      .execute();
  },

  async sessionOrgTimeZone(db: Executor, orgId: string): Promise<string> {
    const row = await db.selectFrom('orgs').select('time_zone').where('id', '=', orgId).executeTakeFirst();
    return row?.time_zone ?? 'Asia/Shanghai';
  },
};
