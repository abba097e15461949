import type { Consultation } from '@careloop/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Language } from '../../platform/http/language.ts';
import type { ConsultationCore, ConsultationRow, ParticipantRow } from './consultations.repository.ts';

const OPEN = new Set(['requested', 'accepted', 'active']);

export type Side = 'patient' | 'staff';
export const sideOf = (actor: Actor): Side => (actor.kind === 'staff' ? 'staff' : 'patient');

/** The caller's own participant row, if they take part. */
export function meIn(
  row: Pick<ConsultationCore, 'participants'>,
  accountId: string,
): ParticipantRow | undefined {
  return row.participants.find((p) => p.accountId === accountId);
}

/**
 * Whether the caller may send a message now: the patient side while the consultation is open (a waiting request
 * may get more photos) and in the follow-up window after closing; the doctor and guests once it is accepted.
 */
export function canMessage(row: ConsultationCore, actor: Actor, now = new Date()): boolean {
  const inFollowUp = row.status === 'closed' && row.follow_up_until !== null && row.follow_up_until > now;
  if (actor.kind === 'patient') return OPEN.has(row.status) || inFollowUp;
  const me = meIn(row, actor.accountId);
  if (!me) return false;
  return row.status === 'accepted' || row.status === 'active' || inFollowUp;
}

function ageYears(birth: Date | string, now: Date): number {
  const b = typeof birth === 'string' ? new Date(`${birth}T00:00:00Z`) : birth;
  let age = now.getUTCFullYear() - b.getUTCFullYear();
  const m = now.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && now.getUTCDate() < b.getUTCDate())) age -= 1;
  return Math.max(0, age);
}

/** The other side's receipts: what reached / was read by someone across the table from the caller. */
function peerReceipts(row: ConsultationRow, actor: Actor): { delivered: number; read: number } {
  const mySide = sideOf(actor);
  let delivered = 0;
  let read = 0;
  for (const p of row.participants) {
    if (p.accountId === actor.accountId || p.kind === mySide) continue;
    delivered = Math.max(delivered, Number(p.delivered));
    read = Math.max(read, Number(p.read));
  }
  return { delivered, read };
}

export function toConsultation(row: ConsultationRow, actor: Actor, language: Language): Consultation {
  const zh = language === 'zh-CN';
  const now = new Date();
  const me = meIn(row, actor.accountId);
  const peer = peerReceipts(row, actor);
  return {
    id: row.id,
    patient: {
      id: row.patient_id,
      name: row.patient_name,
      sex: row.patient_sex,
      ageYears: ageYears(row.patient_birth_date, now),
    },
    doctor: row.doctor_account_id
      ? { id: row.doctor_account_id, name: row.doctor_name ?? '', title: row.doctor_title }
      : null,
    department: row.department_id
      ? { id: row.department_id, name: (zh ? row.department_zh : row.department_en) ?? '' }
      : null,
    status: row.status,
    chiefComplaint: row.chief_complaint,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
    followUpUntil: row.follow_up_until?.toISOString() ?? null,
    lastSeq: Number(row.last_seq),
    lastMessageAt: row.last_message_at?.toISOString() ?? null,
    lastMessage:
      row.last_kind && row.last_sender_role
        ? {
            kind: row.last_kind,
            preview: row.last_kind === 'text' ? row.last_preview : null,
            senderRole: row.last_sender_role,
          }
        : null,
    unreadCount: Number(row.unread),
    myRole: me?.role ?? (actor.kind === 'patient' && row.patient_access ? 'patient' : null),
    canMessage: canMessage(row, actor, now),
    summary:
      row.status === 'closed' && row.advice !== null
        ? {
            diagnoses: row.diagnoses ?? [],
            advice: row.advice,
            followUpIntervalDays: row.follow_up_interval_days,
            encounterId: row.encounter_id,
          }
        : null,
    rating:
      row.rating_stars !== null && row.rated_at
        ? { stars: row.rating_stars, comment: row.rating_comment, ratedAt: row.rated_at.toISOString() }
        : null,
    peerDeliveredSeq: peer.delivered,
    peerReadSeq: peer.read,
    version: row.version,
  };
}
