import type { Actor } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { ReferralRow } from './referrals.repository.ts';

export type ReferralSide = 'referrer' | 'receiver' | 'patient';

/** The referring doctor, in the organization they referred from. */
export function isReferrer(row: ReferralRow, actor: Actor): boolean {
  return actor.kind === 'staff' && actor.orgId === row.org_id && actor.accountId === row.referring_account_id;
}

/**
 * A doctor the referral is addressed to (the named doctor, a doctor of the target department, or of the target
 * organization), whoever took it or not. The referring doctor is never their own receiver.
 */
export function isAddressedTo(row: ReferralRow, actor: Actor): boolean {
  if (actor.kind !== 'staff' || actor.orgId !== row.target_org_id || !hasRole(actor, 'doctor')) return false;
  if (actor.accountId === row.referring_account_id) return false;
  switch (row.target_kind) {
    case 'doctor':
      return row.target_account_id === actor.accountId;
    case 'department':
      return actor.departmentId !== null && actor.departmentId === row.target_department_id;
    case 'organization':
      return true;
  }
}

/**
 * A receiver sees the referral once the patient consented (a referral waiting for consent, or refused, stays with
 * the referring side); once one doctor accepted it, only that doctor.
 */
export function isReceiver(row: ReferralRow, actor: Actor): boolean {
  if (row.consent_state !== 'given' && row.consent_state !== 'withdrawn') return false;
  if (row.accepted_by)
    return row.accepted_by === actor.accountId && actor.kind === 'staff' && actor.orgId === row.target_org_id;
  return isAddressedTo(row, actor);
}

/** The shared record is readable only by a receiver, under a consent that stands, while the referral is open. */
export function mayReadRecord(row: ReferralRow, actor: Actor): boolean {
  return (
    isReceiver(row, actor) &&
    row.consent_state === 'given' &&
    (row.status === 'consented' || row.status === 'accepted' || row.status === 'booked')
  );
}
