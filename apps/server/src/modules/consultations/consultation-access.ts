import type { Actor } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import {
  consultationsRepository as repo,
  type ConsultationCore,
  type ConsultationRow,
} from './consultations.repository.ts';
import { meIn } from './consultation-view.ts';

/**
 * Whether a doctor may take (accept or decline) a waiting request: it is addressed to them, or to the pool of
 * their department (any pool when they belong to none), in their organization.
 */
export function mayTake(row: ConsultationCore, actor: Actor): boolean {
  if (actor.kind !== 'staff' || !hasRole(actor, 'doctor') || row.org_id !== actor.orgId) return false;
  if (row.status !== 'requested') return false;
  if (row.doctor_account_id) return row.doctor_account_id === actor.accountId;
  return actor.departmentId === null || actor.departmentId === row.department_id;
}

/**
 * The one access rule of a consultation, checked on every route and command against the stored row: the patient
 * side reaches it through the patient (own profile, or a proxy grant with the consult scope, checked now, not
 * when it was opened) or as an invited guest; staff of the organization through taking part, or, for a waiting
 * request, through being someone who may take it. Anything else is 404, so a stranger learns nothing.
 */
export function authorize<T extends ConsultationCore>(row: T | undefined, actor: Actor): T {
  if (!row) throw new AppError('CONSULTATION_NOT_FOUND');
  const me = meIn(row, actor.accountId);
  if (actor.kind === 'patient') {
    if (row.patient_access || me?.role === 'guest') return row;
    throw new AppError('CONSULTATION_NOT_FOUND');
  }
  if (row.org_id !== actor.orgId) throw new AppError('CONSULTATION_NOT_FOUND');
  if (me || mayTake(row, actor)) return row;
  throw new AppError('CONSULTATION_NOT_FOUND');
}

export async function loadAuthorized(db: Executor, actor: Actor, id: string): Promise<ConsultationRow> {
  return authorize(await repo.load(db, id, actor), actor);
}

/** The light load for the chat's hot path and attachments, with the same access rule. */
export async function loadAuthorizedCore(db: Executor, actor: Actor, id: string): Promise<ConsultationCore> {
  return authorize(await repo.loadCore(db, id, actor), actor);
}
