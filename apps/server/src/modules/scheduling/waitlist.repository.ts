import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type { WaitlistStatusColumn } from '../../platform/db/schema-scheduling.ts';

export interface WaitlistRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  doctor_account_id: string;
  doctor_name: string;
  visit_date: string;
  slot_id: string | null;
  session_id: string | null;
  requested_by: string;
  status: WaitlistStatusColumn;
  offered_slot_id: string | null;
  offered_starts_at: Date | null;
  offered_ends_at: Date | null;
  offer_expires_at: Date | null;
  appointment_id: string | null;
  origin: 'joined' | 'day_off';
  created_at: Date;
}

/** The freed place a waitlist offer is about. */
export interface FreedSlot {
  id: string;
  org_id: string;
  session_id: string;
  doctor_account_id: string;
  date: string;
  starts_at: Date;
}

/** The SQL of the waitlist: joining, offering freed places in order, and taking an offer exactly once. */
export const waitlistRepository = {
  async insert(
    tx: Executor,
    e: {
      id: string;
      orgId: string;
      patientId: string;
      doctorId: string;
      date: string;
      sessionId: string | null;
      slotId: string | null;
      requestedBy: string;
      /** A place held after a day off cancelled this visit (default: the patient joined). */
      replacesAppointmentId?: string;
    },
  ): Promise<'ok' | 'duplicate'> {
    try {
      await tx
        .insertInto('waitlist_entries')
        .values({
          id: e.id,
          org_id: e.orgId,
          patient_id: e.patientId,
          doctor_account_id: e.doctorId,
          visit_date: e.date,
          session_id: e.sessionId,
          slot_id: e.slotId,
          requested_by: e.requestedBy,
          ...(e.replacesAppointmentId
            ? { origin: 'day_off' as const, replaces_appointment_id: e.replacesAppointmentId }
            : {}),
        })
        .execute();
      return 'ok';
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return 'duplicate';
      throw error;
    }
  },

  /** What a waitlist target points at: the slot's or the session's doctor, date and org. */
  async target(db: Executor, f: { slotId?: string; sessionId?: string }) {
    let q = db
      .selectFrom('schedule_sessions as s')
      .select([
        's.id as session_id',
        's.org_id',
        's.doctor_account_id',
        sql<string>`s.date::text`.as('date'),
      ]);
    if (f.slotId) q = q.innerJoin('slots as sl', 'sl.session_id', 's.id').where('sl.id', '=', f.slotId);
    else if (f.sessionId) q = q.where('s.id', '=', f.sessionId);
    return q.executeTakeFirst();
  },

  async list(
    db: Executor,
    f: { accountId: string; patientId?: string; id?: string },
  ): Promise<WaitlistRow[]> {
    const r = await sql<WaitlistRow>`
      SELECT w.id, w.org_id, w.patient_id, p.name AS patient_name, w.doctor_account_id, d.display_name AS doctor_name,
             w.visit_date::text AS visit_date, w.slot_id, w.session_id, w.requested_by, w.status, w.offered_slot_id,
             o.starts_at AS offered_starts_at, o.ends_at AS offered_ends_at, w.offer_expires_at, w.appointment_id,
             w.origin, w.created_at
        FROM waitlist_entries w
        JOIN patients p ON p.id = w.patient_id
        JOIN accounts d ON d.id = w.doctor_account_id
        LEFT JOIN slots o ON o.id = w.offered_slot_id
       WHERE (EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = w.patient_id
                        AND l.account_id = ${f.accountId} AND l.removed_at IS NULL)
              OR EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = w.patient_id
                        AND g.grantee_account_id = ${f.accountId} AND g.revoked_at IS NULL
                        AND g.expires_at > now() AND 'book' = ANY (g.scopes)))
         AND (${f.patientId ?? null}::uuid IS NULL OR w.patient_id = ${f.patientId ?? null}::uuid)
         AND (${f.id ?? null}::uuid IS NULL OR w.id = ${f.id ?? null}::uuid)
       ORDER BY w.created_at DESC LIMIT 200`.execute(db);
    return r.rows;
  },

  /** The first waiting entry a freed place fits (its slot, its session, or its doctor's day), locked. */
  async nextWaiting(tx: Tx, slot: FreedSlot) {
    return tx
      .selectFrom('waitlist_entries')
      .select(['id', 'patient_id', 'requested_by', 'org_id'])
      .where('status', '=', 'waiting')
      .where('doctor_account_id', '=', slot.doctor_account_id)
      .where('visit_date', '=', slot.date)
      .where((eb) => eb.or([eb('slot_id', 'is', null), eb('slot_id', '=', slot.id)]))
      .where((eb) => eb.or([eb('session_id', 'is', null), eb('session_id', '=', slot.session_id)]))
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
  },

  /** Holds one place of the slot for an offer, if one is free (booked + held stays within capacity). */
  async holdPlace(tx: Executor, slotId: string): Promise<boolean> {
    const r = await sql`
      UPDATE slots SET held = held + 1
       WHERE id = ${slotId} AND status = 'open' AND booked + held < capacity
         AND starts_at > now() + interval '5 minutes'`.execute(tx);
    return (r.numAffectedRows ?? 0n) > 0n;
  },

  async releaseHold(tx: Executor, slotId: string) {
    await tx
      .updateTable('slots')
      .set({ held: sql`held - 1` })
      .where('id', '=', slotId)
      .where('held', '>', 0)
      .execute();
  },

  async offer(tx: Executor, entryId: string, slotId: string, expiresAt: Date) {
    await tx
      .updateTable('waitlist_entries')
      .set({
        status: 'offered',
        offered_slot_id: slotId,
        offered_at: new Date(),
        offer_expires_at: expiresAt,
        updated_at: new Date(),
      })
      .where('id', '=', entryId)
      .execute();
  },

  /** Takes the offer: only an entry still offered and inside its window passes, so one accept wins. */
  async takeOffer(tx: Executor, entryId: string) {
    return tx
      .updateTable('waitlist_entries')
      .set({ status: 'booked', updated_at: new Date() })
      .where('id', '=', entryId)
      .where('status', '=', 'offered')
      .where('offer_expires_at', '>', new Date())
      .returning(['id', 'org_id', 'patient_id', 'offered_slot_id'])
      .executeTakeFirst();
  },

  async linkAppointment(tx: Executor, entryId: string, appointmentId: string) {
    await tx
      .updateTable('waitlist_entries')
      .set({ appointment_id: appointmentId })
      .where('id', '=', entryId)
      .execute();
  },

  async cancel(tx: Executor, entryId: string) {
    return tx
      .updateTable('waitlist_entries')
      .set({ status: 'cancelled', updated_at: new Date() })
      .where('id', '=', entryId)
      .where('status', 'in', ['waiting', 'offered'])
      .returning(['status', 'offered_slot_id'])
      .executeTakeFirst();
  },

  /** Offers whose window has passed, locked, with the slot they held. */
  async dueOffers(tx: Tx, now: Date, limit: number) {
    return tx
      .selectFrom('waitlist_entries as w')
      .innerJoin('slots as sl', 'sl.id', 'w.offered_slot_id')
      .innerJoin('schedule_sessions as s', 's.id', 'sl.session_id')
      .select([
        'w.id',
        'sl.id as slot_id',
        'sl.org_id',
        'sl.session_id',
        'sl.doctor_account_id',
        sql<string>`s.date::text`.as('date'),
        'sl.starts_at',
      ])
      .where('w.status', '=', 'offered')
      .where('w.offer_expires_at', '<=', now)
      .orderBy('w.offer_expires_at')
      .limit(limit)
      .forUpdate('w')
      .skipLocked()
      .execute();
  },

  async freedSlot(db: Executor, slotId: string): Promise<FreedSlot | undefined> {
    return db
      .selectFrom('slots as sl')
      .innerJoin('schedule_sessions as s', 's.id', 'sl.session_id')
      .select([
        'sl.id',
        'sl.org_id',
        'sl.session_id',
        'sl.doctor_account_id',
        sql<string>`s.date::text`.as('date'),
        'sl.starts_at',
      ])
      .where('sl.id', '=', slotId)
      .executeTakeFirst();
  },

  async expire(tx: Executor, entryId: string) {
    await tx
      .updateTable('waitlist_entries')
      .set({ status: 'expired', updated_at: new Date() })
      .where('id', '=', entryId)
      .execute();
  },
};
