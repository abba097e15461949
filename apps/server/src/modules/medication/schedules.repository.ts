import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface ScheduleRow {
  id: string;
  org_id: string;
  patient_id: string;
  prescription_item_id: string;
  frequency: string;
  times: string[];
  time_zone: string;
  start_date: string;
  end_date: string | null;
  active: boolean;
  version: number;
  drug_name_zh: string;
  drug_name_en: string;
  dose_value: string;
  dose_unit: string;
}

export interface ItemToSchedule {
  prescription_item_id: string;
  frequency: string;
  duration_days: number | null;
}

const SCHEDULE_COLUMNS = sql.raw(`s.id, s.org_id, s.patient_id, s.prescription_item_id, s.frequency, s.times,
  s.time_zone, s.start_date, s.end_date, s.active, s.version, pi.drug_name_zh, pi.drug_name_en, pi.dose_value::text,
  pi.dose_unit`);

/**
 * Which local days are dosing days, in SQL, the same rule as doseTimesForDay in @careloop/clinical: every day for
 * the daily frequencies, every second day from the start for qod, the start's weekday for qw, days 0 and 3 of each
 * week from the start for biw. `day` and `s.start_date` are dates. A test checks the two agree.
 */
const DOSING_DAY = `CASE s.frequency
    WHEN 'qod' THEN (day - s.start_date) % 2 = 0
    WHEN 'qw' THEN (day - s.start_date) % 7 = 0
    WHEN 'biw' THEN (day - s.start_date) % 7 IN (0, 3)
    ELSE true END`;

export const schedulesRepository = {
  /**
   * The patient's time zone for their doses: the one their newest active schedule keeps (the patient may have set
   * their own), or the organization's.
   */
  async patientTimeZone(db: Executor, patientId: string, orgId: string): Promise<string> {
    const row = await db
      .selectFrom('medication_schedules')
      .select('time_zone')
      .where('patient_id', '=', patientId)
      .where('active', '=', true)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
    return row?.time_zone ?? (await this.orgTimeZone(db, orgId));
  },

  async orgTimeZone(db: Executor, orgId: string): Promise<string> {
    const row = await db.selectFrom('orgs').select('time_zone').where('id', '=', orgId).executeTakeFirst();
    return row?.time_zone ?? 'Asia/Shanghai';
  },

  /** The local date now in a time zone, 'YYYY-MM-DD'. */
  async localToday(db: Executor, timeZone: string, at: Date = new Date()): Promise<string> {
    const result = await sql<{ day: string }>`
      SELECT to_char((${at.toISOString()}::timestamptz AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day`.execute(
      db,
    );
    return result.rows[0]!.day;
  },

  async itemsOfOrder(db: Executor, orderId: string): Promise<ItemToSchedule[]> {
    const result = await sql<ItemToSchedule>`
      SELECT pi.id AS prescription_item_id, pi.frequency, pi.duration_days
        FROM medication_order_items i JOIN prescription_items pi ON pi.id = i.prescription_item_id
       WHERE i.order_id = ${orderId} ORDER BY pi.position`.execute(db);
    return result.rows;
  },

  /** One schedule per prescription item: starting again (a repeated delivery callback) changes nothing. */
  async insertMany(
    db: Executor,
    rows: {
      id: string;
      org_id: string;
      patient_id: string;
      prescription_item_id: string;
      order_id: string | null;
      frequency: string;
      times: string[];
      time_zone: string;
      start_date: string;
      end_date: string | null;
    }[],
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await db
      .insertInto('medication_schedules')
      .values(rows)
      .onConflict((oc) => oc.column('prescription_item_id').doNothing())
      .returning('id')
      .execute();
    return inserted.map((r) => r.id);
  },

  async forPatient(db: Executor, patientId: string): Promise<ScheduleRow[]> {
    const result = await sql<ScheduleRow>`
      SELECT ${SCHEDULE_COLUMNS} FROM medication_schedules s
        JOIN prescription_items pi ON pi.id = s.prescription_item_id
       WHERE s.patient_id = ${patientId} ORDER BY s.active DESC, s.start_date DESC, pi.position`.execute(db);
    return result.rows;
  },

  async load(db: Executor, id: string): Promise<ScheduleRow | undefined> {
    const result = await sql<ScheduleRow>`
      SELECT ${SCHEDULE_COLUMNS} FROM medication_schedules s
        JOIN prescription_items pi ON pi.id = s.prescription_item_id
       WHERE s.id = ${id}`.execute(db);
    return result.rows[0];
  },

  async updateTimes(
    db: Executor,
    id: string,
    version: number,
    times: string[],
    timeZone?: string,
  ): Promise<boolean> {
    const result = await db
      .updateTable('medication_schedules')
      .set({
        times,
        ...(timeZone ? { time_zone: timeZone } : {}),
        updated_at: new Date(),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Pending doses not yet due are re-made from the new times. */
  async dropFuturePending(db: Executor, scheduleId: string, after: Date) {
    await db
      .deleteFrom('dose_events')
      .where('schedule_id', '=', scheduleId)
      .where('status', '=', 'pending')
      .where('due_at', '>', after)
      .execute();
  },

  /**
   * Makes the dose rows of local days `fromDay`..`toDay` (offsets from each schedule's local today at `asOf`) for
   * every active schedule, or for the given ones, in one set-based statement: schedules x days x times of day, the
   * local time turned into an instant in the schedule's time zone (PostgreSQL applies the zone's rules, daylight
   * saving included). Doses before `notBefore` are left out (a schedule started at noon owes no morning dose).
   * Existing rows stay as they are (unique schedule and due time), so running it twice makes nothing twice.
   */
  async generateDoses(
    db: Executor,
    options: {
      asOf: Date;
      fromDay: number;
      toDay: number;
      scheduleIds?: readonly string[];
      notBefore?: Date;
    },
  ): Promise<number> {
    const asOf = options.asOf.toISOString();
    const result = await sql`
      INSERT INTO dose_events (org_id, patient_id, schedule_id, due_at)
      SELECT s.org_id, s.patient_id, s.id, (d.day + t.at::time) AT TIME ZONE s.time_zone
        FROM medication_schedules s
       CROSS JOIN LATERAL (
             SELECT (${asOf}::timestamptz AT TIME ZONE s.time_zone)::date + k AS day
               FROM generate_series(${options.fromDay}::int, ${options.toDay}::int) AS k) d
       CROSS JOIN LATERAL unnest(s.times) AS t(at)
       WHERE s.active
         AND d.day >= s.start_date AND (s.end_date IS NULL OR d.day <= s.end_date)
         AND ${sql.raw(DOSING_DAY.replaceAll('day -', 'd.day -'))}
         ${options.scheduleIds ? sql`AND s.id = ANY (${[...options.scheduleIds]}::uuid[])` : sql``}
         ${options.notBefore ? sql`AND (d.day + t.at::time) AT TIME ZONE s.time_zone >= ${options.notBefore.toISOString()}::timestamptz` : sql``}
      ON CONFLICT (schedule_id, due_at) DO NOTHING`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },

  /** Schedules whose last day has passed stop making doses. */
  async endFinished(db: Executor, asOf: Date): Promise<number> {
    const result = await sql`
      UPDATE medication_schedules s SET active = false, updated_at = now(), version = version + 1
       WHERE s.active AND s.end_date IS NOT NULL
         AND s.end_date < (${asOf.toISOString()}::timestamptz AT TIME ZONE s.time_zone)::date`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  },
};
