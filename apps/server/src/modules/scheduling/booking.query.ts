import type pg from 'pg';
import { prepared } from '../../platform/db/prepared.ts';
import { patientBasisSql } from '../../platform/access/patient-access.ts';
import type { AppointmentRow, ClaimedPlace } from './appointments.repository.ts';

interface Row {
  /** The patient's organization and the booker's basis on the profile (null: no book scope). */
  patient_org_id: string | null;
  basis: 'own' | 'proxy' | null;
  /** The slot as the statement found it (for the reason of a refusal); null when there is no such slot. */
  slot_org_id: string | null;
  slot_status: string | null;
  session_status: string | null;
  slot_starts_at: Date | null;
  slot_booked: number | null;
  slot_held: number | null;
  slot_capacity: number | null;
  /** The place taken, when the booking was made. */
  place_id: string | null;
  session_id: string | null;
  doctor_account_id: string | null;
  starts_at: Date | null;
  date: string | null;
  care_until: Date | null;
  booked: number | null;
  held: number | null;
  capacity: number | null;
  /** The rest of the answer's view, read in the same statement. */
  patient_name: string | null;
  doctor_name: string | null;
  doctor_title: string | null;
  department_id: string | null;
  department_zh: string | null;
  department_en: string | null;
  ends_at: Date | null;
  mode: 'in_person' | 'online' | null;
  fee_fen: number | null;
  cancel_cutoff_hours: number | null;
  check_in_before_minutes: number | null;
  check_in_after_minutes: number | null;
  created_at: Date;
}

// A patient's booking as one statement, so it commits or fails as a whole in one round trip: the book scope on
// the profile (the same policy as requirePatientAccess), the conditional UPDATE that takes a place only while
// one is free, the appointment (the partial unique index refuses a second booking with that doctor that day,
// which fails the whole statement), and the audit entry. The slot's state comes back for a refusal's reason, and
// for a booking everything the answer shows (so the patient's answer needs no second read).
// $1 patient, $2 slot, $3 booking account, $4 appointment id, $5 audit id, $6 actor kind, $7 request id, $8 ip.
const BOOK = prepared<Row>(
  'careloop_book_place',
  `WITH who AS (
     SELECT p.id, p.org_id, p.name, ${patientBasisSql('p', '$3::uuid', "'book'")} AS basis
       FROM patients p
      WHERE p.id = $1::uuid AND p.deleted_at IS NULL),
   place AS (
     UPDATE slots sl SET booked = sl.booked + 1
       FROM schedule_sessions s JOIN orgs o ON o.id = s.org_id CROSS JOIN who
      WHERE sl.id = $2::uuid AND who.basis IS NOT NULL AND sl.org_id = who.org_id AND s.id = sl.session_id
        AND sl.status = 'open' AND s.status = 'open' AND sl.booked + sl.held < sl.capacity AND sl.starts_at > now()
     RETURNING sl.id, sl.org_id, sl.session_id, sl.doctor_account_id, sl.starts_at, s.date,
               ((s.date + 1)::timestamp AT TIME ZONE o.time_zone) AS care_until, sl.booked, sl.held, sl.capacity),
   booked AS (
     INSERT INTO appointments (id, org_id, patient_id, slot_id, session_id, doctor_account_id, visit_date, starts_at,
                               status, booked_by, basis, care_until)
     SELECT $4::uuid, place.org_id, who.id, place.id, place.session_id, place.doctor_account_id, place.date,
            place.starts_at, 'booked', $3::uuid, who.basis, place.care_until
       FROM place CROSS JOIN who
     RETURNING id, org_id, patient_id, basis),
   audit AS (
     INSERT INTO audit_events (id, org_id, actor_account_id, actor_kind, action, patient_id, resource_type,
                               resource_id, request_id, ip, detail)
     SELECT $5::uuid, b.org_id, $3::uuid, $6::text, 'appointment.book', b.patient_id, 'appointment', b.id::text,
            $7::text, $8::text, jsonb_build_object('basis', b.basis, 'slotId', $2::uuid)
       FROM booked b)
   SELECT who.org_id AS patient_org_id, who.basis,
          st.org_id AS slot_org_id, st.status AS slot_status, st.session_status, st.starts_at AS slot_starts_at,
          st.booked AS slot_booked, st.held AS slot_held, st.capacity AS slot_capacity,
          place.id AS place_id, place.session_id, place.doctor_account_id, place.starts_at, place.date::text AS date,
          place.care_until, place.booked, place.held, place.capacity,
          who.name AS patient_name, d.display_name AS doctor_name, m.title AS doctor_title, st.department_id,
          dep.name_zh AS department_zh, dep.name_en AS department_en, st.ends_at, st.mode, st.fee_fen,
          ss.cancel_cutoff_hours, ss.check_in_before_minutes, ss.check_in_after_minutes, now() AS created_at
     FROM (SELECT 1) one
     LEFT JOIN who ON true
     LEFT JOIN (SELECT sl.org_id, sl.status, s.status AS session_status, sl.starts_at, sl.ends_at, sl.booked, sl.held,
                       sl.capacity, s.department_id, s.mode, s.fee_fen
                  FROM slots sl JOIN schedule_sessions s ON s.id = sl.session_id
                 WHERE sl.id = $2::uuid) st ON true
     LEFT JOIN place ON true
     LEFT JOIN accounts d ON d.id = place.doctor_account_id
     LEFT JOIN memberships m ON m.account_id = place.doctor_account_id AND m.org_id = place.org_id
     LEFT JOIN departments dep ON dep.id = st.department_id
     LEFT JOIN scheduling_settings ss ON ss.org_id = place.org_id`,
);

export interface BookInput {
  patientId: string;
  slotId: string;
  accountId: string;
  appointmentId: string;
  auditId: string;
  actorKind: string;
  requestId: string | null;
  ip: string | null;
}

export type BookOutcome =
  | { kind: 'booked'; place: ClaimedPlace; appointment: AppointmentRow }
  | { kind: 'no_access' }
  | { kind: 'refused'; orgId: string; slot: SlotSnapshot | undefined };

export interface SlotSnapshot {
  org_id: string;
  status: string;
  session_status: string;
  starts_at: Date;
  booked: number;
  held: number;
  capacity: number;
}

/** Books the place or says why not; APPOINTMENT_DUPLICATE surfaces as the unique index's error (23505). */
export async function bookPlace(pool: pg.Pool, b: BookInput): Promise<BookOutcome> {
  const [row] = await BOOK.run(pool, [
    b.patientId,
    b.slotId,
    b.accountId,
    b.appointmentId,
    b.auditId,
    b.actorKind,
    b.requestId,
    b.ip,
  ]);
  if (!row?.basis || !row.patient_org_id) return { kind: 'no_access' };
  if (row.place_id) {
    return {
      kind: 'booked',
      appointment: {
        id: b.appointmentId,
        org_id: row.patient_org_id,
        patient_id: b.patientId,
        patient_name: row.patient_name!,
        doctor_account_id: row.doctor_account_id!,
        doctor_name: row.doctor_name!,
        doctor_title: row.doctor_title,
        department_id: row.department_id,
        department_zh: row.department_zh,
        department_en: row.department_en,
        session_id: row.session_id!,
        slot_id: row.place_id,
        starts_at: row.starts_at!,
        ends_at: row.ends_at!,
        mode: row.mode!,
        fee_fen: row.fee_fen!,
        status: 'booked',
        queue_state: null,
        queue_number: null,
        checked_in_at: null,
        cancelled_at: null,
        cancel_reason: null,
        rescheduled_from: null,
        booked_by: b.accountId,
        visit_date: row.date!,
        created_at: row.created_at,
        version: 1,
        cancel_cutoff_hours: row.cancel_cutoff_hours,
        check_in_before_minutes: row.check_in_before_minutes,
        check_in_after_minutes: row.check_in_after_minutes,
      },
      place: {
        id: row.place_id,
        org_id: row.patient_org_id,
        session_id: row.session_id!,
        doctor_account_id: row.doctor_account_id!,
        starts_at: row.starts_at!,
        date: row.date!,
        care_until: row.care_until!,
        booked: row.booked!,
        held: row.held!,
        capacity: row.capacity!,
      },
    };
  }
  const slot = row.slot_org_id
    ? {
        org_id: row.slot_org_id,
        status: row.slot_status!,
        session_status: row.session_status!,
        starts_at: row.slot_starts_at!,
        booked: row.slot_booked!,
        held: row.slot_held!,
        capacity: row.slot_capacity!,
      }
    : undefined;
  return { kind: 'refused', orgId: row.patient_org_id, slot };
}
