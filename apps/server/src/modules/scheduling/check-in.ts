import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { appointmentsRepository } from './appointments.repository.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { queueRepository } from './queue.repository.ts';

type Locked = NonNullable<Awaited<ReturnType<typeof appointmentsRepository.lock>>>;

/**
 * Checks a locked, booked appointment in: patients within the check-in window around the visit, staff at the desk
 * within it too or at any time on the visit day. It takes the next queue number of the session and records who checked in.
 */
export async function checkInLocked(tx: Tx, ctx: RequestContext, a: Locked): Promise<void> {
  const { actor } = ctx;
  if (a.status !== 'booked') throw new AppError('APPOINTMENT_STATE');
  const settings = await schedulesRepository.settings(tx, a.org_id);
  const { today } = await schedulesRepository.today(tx, a.org_id);
  const start = a.starts_at.getTime();
  const now = Date.now();
  const inWindow =
    now >= start - settings.checkInBeforeMinutes * 60_000 &&
    now <= start + settings.checkInAfterMinutes * 60_000;
  // The desk may check in anyone booked for today, and, like the patient, anyone inside the window (a visit just
  // after midnight is tomorrow's).
  const open = inWindow || (actor.kind === 'staff' && a.visit_date === today);
  if (!open) throw new AppError('CHECK_IN_WINDOW');
  const queue = await queueRepository.bump(tx, a.session_id, true);
  await queueRepository.update(tx, a.id, {
    status: 'checked_in',
    checked_in_at: new Date(),
    checked_in_by: actor.accountId,
    queue_state: 'waiting',
    queue_number: queue.queue_seq,
  });
  await recordAudit(tx, ctx, {
    action: 'appointment.check_in',
    resourceType: 'appointment',
    resourceId: a.id,
    patientId: a.patient_id,
    orgId: a.org_id,
    detail: { by: actor.kind },
  });
}
