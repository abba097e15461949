import { sql, type Insertable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type { ScheduleExceptionsTable, ScheduleTemplatesTable } from '../../platform/db/schema-scheduling.ts';

export interface TemplateRow {
  id: string;
  org_id: string;
  doctor_account_id: string;
  doctor_name: string;
  department_id: string | null;
  department_zh: string | null;
  department_en: string | null;
  weekday: number;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  capacity: number;
  mode: 'in_person' | 'online';
  fee_fen: number;
  valid_from: string;
  valid_until: string | null;
  version: number;
}

export interface TemplateWindow {
  doctorId: string;
  weekday: number;
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string | null;
  exceptId?: string;
}

export interface SchedulingSettingsRow {
  cancelCutoffHours: number;
  offerWindowMinutes: number;
  horizonWeeks: number;
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
}

export const DEFAULT_SETTINGS: SchedulingSettingsRow = {
  cancelCutoffHours: 2,
  offerWindowMinutes: 30,
  horizonWeeks: 4,
  checkInBeforeMinutes: 60,
  checkInAfterMinutes: 30,
};

/** The SQL of schedules: settings, templates, exceptions, and turning them into sessions and slots. */
export const schedulesRepository = {
  async settings(db: Executor, orgId: string): Promise<SchedulingSettingsRow> {
    const row = await db
      .selectFrom('scheduling_settings')
      .select([
        'cancel_cutoff_hours as cancelCutoffHours',
        'offer_window_minutes as offerWindowMinutes',
        'horizon_weeks as horizonWeeks',
        'check_in_before_minutes as checkInBeforeMinutes',
        'check_in_after_minutes as checkInAfterMinutes',
      ])
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row ?? DEFAULT_SETTINGS;
  },

  async saveSettings(tx: Executor, orgId: string, s: SchedulingSettingsRow, by: string) {
    const values = {
      cancel_cutoff_hours: s.cancelCutoffHours,
      offer_window_minutes: s.offerWindowMinutes,
      horizon_weeks: s.horizonWeeks,
      check_in_before_minutes: s.checkInBeforeMinutes,
      check_in_after_minutes: s.checkInAfterMinutes,
      updated_by: by,
      updated_at: new Date(),
    };
    await tx
      .insertInto('scheduling_settings')
      .values({ org_id: orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
      .execute();
  },

  /** Serializes schedule changes of one doctor, so two overlapping templates cannot both pass the check. */
  async lockDoctor(tx: Tx, doctorId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'schedule:' + doctorId}, 0))`.execute(tx);
  },

  async doctorOf(db: Executor, orgId: string, doctorId: string) {
    return db
      .selectFrom('memberships')
      .select(['account_id', 'department_id'])
      .where('org_id', '=', orgId)
      .where('account_id', '=', doctorId)
      .where('active', '=', true)
      .where(sql<boolean>`'doctor' = ANY (roles)`)
      .executeTakeFirst();
  },

  async departmentExists(db: Executor, orgId: string, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('departments')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Another live template of the doctor on the same weekday whose hours and validity overlap. */
  async overlappingTemplate(tx: Executor, w: TemplateWindow): Promise<string | undefined> {
    const row = await tx
      .selectFrom('schedule_templates')
      .select('id')
      .where('doctor_account_id', '=', w.doctorId)
      .where('weekday', '=', w.weekday)
      .where('deleted_at', 'is', null)
      .where('id', '!=', w.exceptId ?? '00000000-0000-0000-0000-000000000000')
      .where(sql<boolean>`start_time < ${w.endTime}::time AND end_time > ${w.startTime}::time`)
      .where(
        sql<boolean>`daterange(valid_from, valid_until, '[]') && daterange(${w.validFrom}::date, ${w.validUntil}::date, '[]')`,
      )
      .executeTakeFirst();
    return row?.id;
  },

  async insertTemplate(tx: Executor, row: Insertable<ScheduleTemplatesTable>) {
    await tx.insertInto('schedule_templates').values(row).execute();
  },

  /** Changes a template only at the version the caller saw; answers whether it did. */
  async updateTemplate(
    tx: Executor,
    id: string,
    version: number,
    values: Omit<Insertable<ScheduleTemplatesTable>, 'id' | 'org_id' | 'created_by'>,
  ): Promise<boolean> {
    const res = await tx
      .updateTable('schedule_templates')
      .set({ ...values, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  },

  async retireTemplate(tx: Executor, id: string) {
    await tx
      .updateTable('schedule_templates')
      .set({ deleted_at: new Date(), version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  },

  async templates(db: Executor, orgId: string, filter: { doctorId?: string; id?: string }) {
    let q = db
      .selectFrom('schedule_templates as t')
      .innerJoin('accounts as a', 'a.id', 't.doctor_account_id')
      .leftJoin('departments as d', 'd.id', 't.department_id')
      .select([
        't.id',
        't.org_id',
        't.doctor_account_id',
        'a.display_name as doctor_name',
        't.department_id',
        'd.name_zh as department_zh',
        'd.name_en as department_en',
        't.weekday',
        't.start_time',
        't.end_time',
        't.slot_minutes',
        't.capacity',
        't.mode',
        't.fee_fen',
        't.valid_from',
        't.valid_until',
        't.version',
      ])
      .where('t.org_id', '=', orgId)
      .where('t.deleted_at', 'is', null);
    if (filter.doctorId) q = q.where('t.doctor_account_id', '=', filter.doctorId);
    if (filter.id) q = q.where('t.id', '=', filter.id);
    return (await q
      .orderBy('a.display_name')
      .orderBy('t.weekday')
      .orderBy('t.start_time')
      .execute()) as TemplateRow[];
  },

  async insertException(tx: Executor, row: Insertable<ScheduleExceptionsTable>) {
    await tx.insertInto('schedule_exceptions').values(row).execute();
  },

  async exceptions(
    db: Executor,
    orgId: string,
    f: { doctorId?: string; from?: string; to?: string; id?: string },
  ) {
    let q = db
      .selectFrom('schedule_exceptions')
      .select([
        'id',
        'doctor_account_id',
        'date',
        'kind',
        'template_id',
        'start_time',
        'end_time',
        'slot_minutes',
        'capacity',
        'reason',
        'cancelled_appointments',
      ])
      .where('org_id', '=', orgId)
      .where('deleted_at', 'is', null);
    if (f.doctorId) q = q.where('doctor_account_id', '=', f.doctorId);
    if (f.from) q = q.where('date', '>=', f.from);
    if (f.to) q = q.where('date', '<=', f.to);
    if (f.id) q = q.where('id', '=', f.id);
    return q.orderBy('date').limit(500).execute();
  },

  async setCancelledCount(tx: Executor, id: string, count: number) {
    await tx
      .updateTable('schedule_exceptions')
      .set({ cancelled_appointments: count })
      .where('id', '=', id)
      .execute();
  },

  async withdrawException(tx: Executor, id: string) {
    await tx
      .updateTable('schedule_exceptions')
      .set({ deleted_at: new Date() })
      .where('id', '=', id)
      .execute();
  },

  /** Future sessions nobody ever booked (or waitlisted) go, so regeneration can lay them out anew. */
  async removeUnbookedFutureSessions(
    tx: Executor,
    f: { templateId?: string; doctorId?: string; date?: string },
  ) {
    let q = tx
      .deleteFrom('schedule_sessions as s')
      .where('s.starts_at', '>', new Date())
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('appointments as a').select('a.id').whereRef('a.session_id', '=', 's.id'))),
      );
    if (f.templateId) q = q.where('s.template_id', '=', f.templateId);
    if (f.doctorId) q = q.where('s.doctor_account_id', '=', f.doctorId);
    if (f.date) q = q.where('s.date', '=', f.date);
    await q.execute();
  },

  /** Coming sessions of a template that keep their times because patients are booked in them. */
  async bookedFutureSessions(tx: Executor, templateId: string): Promise<number> {
    const row = await tx
      .selectFrom('schedule_sessions as s')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('s.template_id', '=', templateId)
      .where('s.status', '=', 'open')
      .where('s.starts_at', '>', new Date())
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('appointments as a')
            .select('a.id')
            .whereRef('a.session_id', '=', 's.id')
            .where('a.status', 'in', ['booked', 'checked_in']),
        ),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Sessions of a doctor on a date (a day off cancels them; a changed session replaces one). */
  async sessionsOn(tx: Executor, doctorId: string, date: string, templateId?: string | null) {
    let q = tx
      .selectFrom('schedule_sessions')
      .select(['id', 'template_id', 'status', 'mode'])
      .where('doctor_account_id', '=', doctorId)
      .where('date', '=', date)
      .where('status', '=', 'open');
    if (templateId) q = q.where('template_id', '=', templateId);
    return q.execute();
  },

  async hasAppointments(tx: Executor, sessionId: string): Promise<boolean> {
    const row = await tx
      .selectFrom('appointments')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Cancels sessions: their slots close, active bookings are cancelled and waitlist entries end. */
  async cancelSessions(tx: Executor, sessionIds: string[], by: string, reason: string) {
    if (sessionIds.length === 0) return [];
    await tx
      .updateTable('schedule_sessions')
      .set({ status: 'cancelled' })
      .where('id', 'in', sessionIds)
      .execute();
    await tx.updateTable('slots').set({ status: 'closed' }).where('session_id', 'in', sessionIds).execute();
    await tx
      .updateTable('waitlist_entries')
      .set({ status: 'cancelled', updated_at: new Date() })
      .where('status', 'in', ['waiting', 'offered'])
      .where((eb) =>
        eb.or([
          eb('session_id', 'in', sessionIds),
          eb(
            'offered_slot_id',
            'in',
            eb.selectFrom('slots').select('id').where('session_id', 'in', sessionIds),
          ),
        ]),
      )
      .execute();
    return tx
      .updateTable('appointments')
      .set({
        status: 'cancelled',
        cancelled_at: new Date(),
        cancelled_by: by,
        cancel_reason: reason,
        updated_at: new Date(),
        version: sql`version + 1`,
      })
      .where('session_id', 'in', sessionIds)
      .where('status', 'in', ['booked', 'checked_in'])
      .returning(['id', 'org_id', 'patient_id', 'booked_by', 'starts_at', 'session_id', 'doctor_account_id'])
      .execute();
  },

  /**
   * Lays out sessions and slots from the live templates (less days off, with changed sessions) for the dates
   * from..to in the org's time zone. Idempotent: a session exists once per template and date, a slot once per
   * session and start, so running it again (job, change, restart) adds only what is missing.
   */
  async plannedSessions(
    tx: Executor,
    orgId: string,
    from: string,
    to: string,
    f: { doctorId?: string; templateId?: string },
  ) {
    const rows = await sql<{
      template_id: string;
      doctor_account_id: string;
      department_id: string | null;
      date: string;
      starts_at: Date;
      ends_at: Date;
      slot_minutes: number;
      capacity: number;
      mode: 'in_person' | 'online';
      fee_fen: number;
    }>`
      SELECT t.id AS template_id, t.doctor_account_id, t.department_id, d.date,
             (d.date + COALESCE(x.start_time, t.start_time)) AT TIME ZONE o.time_zone AS starts_at,
             (d.date + COALESCE(x.end_time, t.end_time)) AT TIME ZONE o.time_zone AS ends_at,
             COALESCE(x.slot_minutes, t.slot_minutes) AS slot_minutes,
             COALESCE(x.capacity, t.capacity) AS capacity, t.mode, t.fee_fen
        FROM schedule_templates t
        JOIN orgs o ON o.id = t.org_id
        JOIN LATERAL (SELECT g::date AS date FROM generate_series(${from}::date, ${to}::date, interval '1 day') g) d
          ON extract(isodow FROM d.date) = t.weekday
         AND d.date >= t.valid_from AND (t.valid_until IS NULL OR d.date <= t.valid_until)
        LEFT JOIN schedule_exceptions x ON x.doctor_account_id = t.doctor_account_id AND x.date = d.date
             AND x.kind = 'changed' AND x.template_id = t.id AND x.deleted_at IS NULL
       WHERE t.org_id = ${orgId} AND t.deleted_at IS NULL
         AND (${f.doctorId ?? null}::uuid IS NULL OR t.doctor_account_id = ${f.doctorId ?? null}::uuid)
         AND (${f.templateId ?? null}::uuid IS NULL OR t.id = ${f.templateId ?? null}::uuid)
         AND NOT EXISTS (SELECT 1 FROM schedule_exceptions off WHERE off.doctor_account_id = t.doctor_account_id
                           AND off.date = d.date AND off.kind = 'off' AND off.deleted_at IS NULL
                           AND (off.template_id IS NULL OR off.template_id = t.id))
         AND NOT EXISTS (SELECT 1 FROM schedule_sessions s WHERE s.template_id = t.id AND s.date = d.date)
         AND (d.date + COALESCE(x.start_time, t.start_time)) AT TIME ZONE o.time_zone > now()`.execute(tx);
    return rows.rows;
  },

  async insertSession(
    tx: Executor,
    s: {
      id: string;
      orgId: string;
      templateId: string;
      doctorId: string;
      departmentId: string | null;
      date: string;
      startsAt: Date;
      endsAt: Date;
      slotMinutes: number;
      capacity: number;
      mode: 'in_person' | 'online';
      feeFen: number;
    },
  ): Promise<boolean> {
    const res = await tx
      .insertInto('schedule_sessions')
      .values({
        id: s.id,
        org_id: s.orgId,
        doctor_account_id: s.doctorId,
        department_id: s.departmentId,
        template_id: s.templateId,
        date: s.date,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        slot_minutes: s.slotMinutes,
        capacity: s.capacity,
        mode: s.mode,
        fee_fen: s.feeFen,
      })
      .onConflict((oc) => oc.columns(['template_id', 'date']).doNothing())
      .executeTakeFirst();
    return (res.numInsertedOrUpdatedRows ?? 0n) > 0n;
  },

  async insertSlots(
    tx: Executor,
    slots: {
      id: string;
      org_id: string;
      session_id: string;
      doctor_account_id: string;
      starts_at: Date;
      ends_at: Date;
      capacity: number;
    }[],
  ) {
    if (slots.length === 0) return;
    await tx
      .insertInto('slots')
      .values(slots)
      .onConflict((oc) => oc.columns(['session_id', 'starts_at']).doNothing())
      .execute();
  },

  async orgsWithTemplates(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('schedule_templates')
      .select('org_id')
      .distinct()
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map((r) => r.org_id);
  },

  async today(db: Executor, orgId: string): Promise<{ today: string; timeZone: string }> {
    const r = await sql<{ today: string; time_zone: string }>`
      SELECT (now() AT TIME ZONE time_zone)::date::text AS today, time_zone FROM orgs WHERE id = ${orgId}`.execute(
      db,
    );
    const row = r.rows[0];
    if (!row) throw new Error('unknown org');
    return { today: row.today, timeZone: row.time_zone };
  },
};
