import { sql } from 'kysely';
import type { ProxyScope } from '@careloop/contracts';
import type { Executor } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors/app-error.ts';

/** What the caller wants to do with a patient's record. Proxy grants map onto these by scope. */
export type PatientAction = 'view' | 'edit' | 'book' | 'consult' | 'message' | 'manage';

export type AccessBasis = 'own' | 'proxy' | 'care_team' | 'break_glass';

export interface PatientAccess {
  patientId: string;
  orgId: string;
  basis: AccessBasis;
}

const PROXY_SCOPE_FOR: Record<PatientAction, ProxyScope | null> = {
  view: 'view',
  book: 'book',
  consult: 'consult',
  message: 'message',
  edit: null,
  manage: null,
};

/**
 * A staff member's care relationship to a patient, as SQL text: the care team; a consultation they take part in
 * as its doctor or an invited doctor, while it is open and in its follow-up window; a booked appointment with them,
 * from booking until the end of the visit day. `patient` is the alias of a patients row and `staff` an expression
 * holding the staff account id (a column or a `$n` parameter, never a value). requirePatientAccess uses it, and so
 * do the hot-path prepared statements that check access, read and audit in one round trip.
 */
export function staffCareSql(patient: string, staff: string): string {
  return `(EXISTS (SELECT 1 FROM care_team c WHERE c.patient_id = ${patient}.id AND c.staff_account_id = ${staff}
                     AND c.org_id = ${patient}.org_id AND c.removed_at IS NULL)
           OR EXISTS (SELECT 1 FROM consultations k JOIN consultation_participants kp ON kp.consultation_id = k.id
                       WHERE k.patient_id = ${patient}.id AND k.org_id = ${patient}.org_id AND k.care_until > now()
                         AND kp.account_id = ${staff} AND kp.removed_at IS NULL AND kp.role IN ('doctor', 'guest'))
           OR EXISTS (SELECT 1 FROM appointments ap
                       WHERE ap.patient_id = ${patient}.id AND ap.org_id = ${patient}.org_id
                         AND ap.doctor_account_id = ${staff} AND ap.status <> 'cancelled' AND ap.care_until > now()))`;
}

/**
 * A patient account's basis for a patient profile, as SQL text answering 'own' (a profile the account manages:
 * self, family members), 'proxy' (a live grant whose scopes hold `scope`) or NULL. `patient` is the alias of a
 * patients row; `account` and `scope` are expressions (a column or a `$n` parameter, never a value); a NULL scope
 * (an action no grant covers) allows own profiles only. requirePatientAccess uses it, and so do the hot-path
 * statements that check access and write in one round trip.
 */
export function patientBasisSql(patient: string, account: string, scope: string): string {
  return `CASE WHEN EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = ${patient}.id AND l.account_id = ${account}
                              AND l.removed_at IS NULL) THEN 'own'
               WHEN EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = ${patient}.id
                              AND g.grantee_account_id = ${account} AND g.revoked_at IS NULL AND g.expires_at > now()
                              AND ${scope} = ANY (g.scopes)) THEN 'proxy' END`;
}

/**
 * The one policy for a patient's record. Staff reach a record only inside their organization and only through a
 * care relationship (the care team, or a consultation they take part in, open or in its follow-up window) or, to read only, an unexpired break-glass grant; patients reach their own profiles (self and family members
 * they manage) and profiles shared with them by a proxy grant whose scope covers the action.
 * Answers 404 rather than 403 where a 403 would tell a stranger that the record exists.
 */
export async function requirePatientAccess(
  db: Executor,
  actor: Actor,
  patientId: string,
  action: PatientAction,
): Promise<PatientAccess> {
  if (actor.kind === 'staff') {
    const result = await sql<{ org_id: string; care: boolean; glass: boolean }>`
      SELECT p.org_id,
             ${sql.raw(staffCareSql('p', 'me.id'))} AS care,
             EXISTS (SELECT 1 FROM break_glass b WHERE b.patient_id = p.id AND b.staff_account_id = me.id
                       AND b.org_id = p.org_id AND b.expires_at > now()) AS glass
        FROM patients p, (SELECT ${actor.accountId}::uuid AS id) me
       WHERE p.id = ${patientId} AND p.org_id = ${actor.orgId} AND p.deleted_at IS NULL`.execute(db);
    const row = result.rows[0];
    if (!row) throw new AppError('PATIENT_NOT_FOUND');
    if (row.care) return { patientId, orgId: row.org_id, basis: 'care_team' };
    // Break-glass opens the record to read in an emergency, not to change it.
    if (row.glass && action === 'view') return { patientId, orgId: row.org_id, basis: 'break_glass' };
    throw new AppError('ACCESS_DENIED');
  }
  const scope = PROXY_SCOPE_FOR[action];
  const result = await sql<{ org_id: string; basis: 'own' | 'proxy' | null }>`
    SELECT p.org_id, ${sql.raw(patientBasisSql('p', 'me.id', 'me.scope'))} AS basis
      FROM patients p, (SELECT ${actor.accountId}::uuid AS id, ${scope}::text AS scope) me
     WHERE p.id = ${patientId} AND p.deleted_at IS NULL`.execute(db);
  const row = result.rows[0];
  if (row?.basis) return { patientId, orgId: row.org_id, basis: row.basis };
  throw new AppError('PATIENT_NOT_FOUND');
}
