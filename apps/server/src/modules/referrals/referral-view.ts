import type { Referral, ReferralSection } from '@careloop/contracts';
import type { Language } from '../../platform/http/language.ts';
import type { ReferralEventRow, ReferralRow } from './referrals.repository.ts';
import type { ReferralSide } from './referral-access.ts';

const iso = (d: Date) => d.toISOString();
const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** A referral as its caller's side sees it, names in the caller's language. */
export function toReferral(
  row: ReferralRow,
  events: readonly ReferralEventRow[],
  side: ReferralSide,
  canReadRecord: boolean,
  language: Language,
): Referral {
  const zh = language === 'zh-CN';
  const pick = (zhName: string | null, enName: string | null) => (zh ? zhName : enName) ?? zhName ?? enName;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    urgency: row.urgency,
    reason: row.reason,
    sections: row.sections as ReferralSection[],
    windowFrom: row.window_from,
    windowTo: row.window_to,
    patient: {
      id: row.patient_id,
      name: row.patient_name,
      sex: row.patient_sex,
      birthDate: row.patient_birth_date,
    },
    from: {
      orgId: row.org_id,
      orgName: pick(row.from_org_zh, row.from_org_en) ?? '',
      departmentName: pick(row.from_department_zh, row.from_department_en),
      doctor: { id: row.referring_account_id, name: row.referrer_name },
    },
    to: {
      kind: row.target_kind,
      orgId: row.target_org_id,
      orgName: pick(row.to_org_zh, row.to_org_en) ?? '',
      departmentId: row.target_department_id,
      departmentName: pick(row.to_department_zh, row.to_department_en),
      doctor: person(row.target_account_id, row.target_name),
    },
    consent: {
      state: row.consent_state,
      by: person(row.consent_by, row.consent_name),
      at: row.consent_at ? iso(row.consent_at) : null,
    },
    acceptedBy: person(row.accepted_by, row.accepted_name),
    acceptedAt: row.accepted_at ? iso(row.accepted_at) : null,
    declineReason: row.decline_reason,
    booking: row.booked_at
      ? {
          appointmentId: row.appointment_id,
          plannedAt: row.planned_at ? iso(row.planned_at) : null,
          note: row.booking_note,
          at: iso(row.booked_at),
        }
      : null,
    outcome:
      row.outcome && row.completed_by && row.completed_at
        ? {
            text: row.outcome,
            by: { id: row.completed_by, name: row.completed_name ?? '' },
            at: iso(row.completed_at),
            encounterId: row.encounter_id,
          }
        : null,
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    role: side,
    canReadRecord,
    events: events
      .filter((e) => e.referral_id === row.id)
      .map((e) => ({
        type: e.type,
        by: person(e.actor_account_id, e.actor_name),
        at: iso(e.at),
        note: e.note,
      })),
  };
}
