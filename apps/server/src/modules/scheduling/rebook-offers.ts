import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.ts';
import type { VisitModeColumn } from '../../platform/db/schema-scheduling.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { waitlistRepository } from './waitlist.repository.ts';

/** How long a place offered after a day off stays held for the patient (at most; never past an hour before it). */
export const REBOOK_OFFER_HOURS = 24;

export interface CancelledVisit {
  id: string;
  org_id: string;
  patient_id: string;
  booked_by: string;
  doctor_account_id: string;
  starts_at: Date;
  mode: VisitModeColumn;
}

export interface RebookOffer {
  entryId: string;
  startsAt: Date;
  expiresAt: Date;
}

/**
 * A day off cancelled these visits. Each patient, in the order of their visits, is offered the same doctor's
 * earliest free place of the same kind (in person or online) on another day: the place is held for them (nobody
 * else can take it) as a waitlist offer they take with one tap, for up to REBOOK_OFFER_HOURS. An offer not taken
 * expires like any other and the place moves on to the doctor's waitlist or back to the slot list. Visits for
 * which the doctor has no free place left get no offer (the patient is asked to book again).
 */
export async function offerRebooking(
  tx: Tx,
  visits: readonly CancelledVisit[],
  offDate: string,
): Promise<Map<string, RebookOffer>> {
  const offers = new Map<string, RebookOffer>();
  const ordered = [...visits].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
  for (const visit of ordered) {
    const place = await earliestFreePlace(tx, visit, offDate);
    if (!place || !(await waitlistRepository.holdPlace(tx, place.id))) continue;
    const entryId = uuidv7();
    const inserted = await waitlistRepository.insert(tx, {
      id: entryId,
      orgId: visit.org_id,
      patientId: visit.patient_id,
      doctorId: visit.doctor_account_id,
      date: place.date,
      sessionId: place.session_id,
      slotId: place.id,
      requestedBy: visit.booked_by,
      replacesAppointmentId: visit.id,
    });
    if (inserted === 'duplicate') {
      await waitlistRepository.releaseHold(tx, place.id);
      continue;
    }
    const expiresAt = new Date(
      Math.min(Date.now() + REBOOK_OFFER_HOURS * 3_600_000, place.starts_at.getTime() - 3_600_000),
    );
    await waitlistRepository.offer(tx, entryId, place.id, expiresAt);
    offers.set(visit.id, { entryId, startsAt: place.starts_at, expiresAt });
  }
  return offers;
}

/**
 * The doctor's earliest place with room, of the visit's mode, on another day than the day off, at least two hours
 * ahead, on a day the patient has no visit or waitlist entry with that doctor yet.
 */
async function earliestFreePlace(tx: Tx, visit: CancelledVisit, offDate: string) {
  const r = await sql<{ id: string; session_id: string; date: string; starts_at: Date }>`
    SELECT sl.id, sl.session_id, s.date::text AS date, sl.starts_at
      FROM slots sl JOIN schedule_sessions s ON s.id = sl.session_id
     WHERE sl.doctor_account_id = ${visit.doctor_account_id} AND sl.org_id = ${visit.org_id}
       AND s.mode = ${visit.mode} AND s.status = 'open' AND sl.status = 'open' AND s.date <> ${offDate}::date
       AND sl.starts_at > now() + interval '2 hours' AND sl.booked + sl.held < sl.capacity
       AND NOT EXISTS (SELECT 1 FROM appointments a
                        WHERE a.patient_id = ${visit.patient_id} AND a.doctor_account_id = sl.doctor_account_id
                          AND a.visit_date = s.date AND a.status IN ('booked', 'checked_in'))
       AND NOT EXISTS (SELECT 1 FROM waitlist_entries w
                        WHERE w.patient_id = ${visit.patient_id} AND w.doctor_account_id = sl.doctor_account_id
                          AND w.visit_date = s.date AND w.status IN ('waiting', 'offered'))
     ORDER BY sl.starts_at
     LIMIT 1`.execute(tx);
  return r.rows[0];
}

/** What the patient side is told of a visit a day off cancelled: the place held for them, or to book again. */
export function dayOffNotice(visit: CancelledVisit, offer: RebookOffer | undefined, timeZone: string) {
  const at = (d: Date, locale: string) =>
    d.toLocaleString(locale, {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  const base = {
    orgId: visit.org_id,
    accountId: visit.booked_by,
    patientId: visit.patient_id,
    kind: 'appointment_update' as const,
    dedupeKey: `appointment:${visit.id}:cancelled`,
  };
  if (!offer)
    return {
      ...base,
      titleZh: '医生停诊，预约已取消',
      titleEn: 'Your appointment was cancelled',
      bodyZh: '医生当天停诊，您的预约已取消，请重新预约。',
      bodyEn: 'The doctor is unavailable that day, so the appointment was cancelled. Please book again.',
      link: `/appointments/${visit.id}`,
    };
  return {
    ...base,
    titleZh: '医生停诊，已为您保留新的号源',
    titleEn: 'Your appointment was cancelled: a new time is held for you',
    bodyZh: `医生当天停诊，您的预约已取消。已为您保留 ${at(offer.startsAt, 'zh-CN')} 的号，请在 ${at(offer.expiresAt, 'zh-CN')} 前确认。`,
    bodyEn: `The doctor is unavailable that day, so the appointment was cancelled. A place at ${at(offer.startsAt, 'en-US')} is held for you until ${at(offer.expiresAt, 'en-US')}: confirm it to book.`,
    link: `/appointments/waitlist/${offer.entryId}`,
  };
}
