import type { AppDeps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db/database.ts';
import { notify } from '../notifications/index.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { waitlistRepository as repo, type FreedSlot } from './waitlist.repository.ts';
import { appointmentsRepository } from './appointments.repository.ts';

/**
 * A place became free in the slot (a cancellation, a reschedule, an expired offer). When someone waits for it,
 * the place is held for the first of them (booked + held never passes capacity, so nobody else can take it) and
 * they are told; `alreadyHeld` passes on a place still held from an expired offer. Answers whether it was offered.
 */
export async function offerFreedPlace(tx: Tx, slot: FreedSlot, alreadyHeld = false): Promise<boolean> {
  const next = await repo.nextWaiting(tx, slot);
  if (!next || slot.starts_at.getTime() < Date.now() + 5 * 60_000) {
    if (alreadyHeld) await repo.releaseHold(tx, slot.id);
    return false;
  }
  if (!alreadyHeld && !(await repo.holdPlace(tx, slot.id))) return false;
  const settings = await schedulesRepository.settings(tx, slot.org_id);
  const expiresAt = new Date(
    Math.min(Date.now() + settings.offerWindowMinutes * 60_000, slot.starts_at.getTime() - 60_000),
  );
  await repo.offer(tx, next.id, slot.id, expiresAt);
  const accounts = await appointmentsRepository.patientSideAccounts(tx, next.patient_id, next.requested_by);
  await notify(
    tx,
    accounts.map((accountId) => ({
      orgId: slot.org_id,
      accountId,
      patientId: next.patient_id,
      kind: 'appointment_update' as const,
      titleZh: '候补有号了',
      titleEn: 'A place is free for you',
      bodyZh: `您候补的号源空出了一个名额，请在 ${settings.offerWindowMinutes} 分钟内确认预约。`,
      bodyEn: `A place you waited for is free. Take it within ${settings.offerWindowMinutes} minutes.`,
      link: `/appointments/waitlist/${next.id}`,
      dedupeKey: `waitlist:${next.id}:offer:${slot.id}`,
    })),
  );
  return true;
}

/** Offers nobody took in time expire; each held place moves on to the next waiting patient or is released. */
export async function expireOffers(deps: AppDeps, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await deps.db.transaction().execute(async (tx) => {
      const due = await repo.dueOffers(tx, now, 100);
      for (const offer of due) {
        await repo.expire(tx, offer.id);
        await offerFreedPlace(
          tx,
          {
            id: offer.slot_id,
            org_id: offer.org_id,
            session_id: offer.session_id,
            doctor_account_id: offer.doctor_account_id,
            date: offer.date,
            starts_at: offer.starts_at,
          },
          true,
        );
      }
      return due.length;
    });
    total += count;
    if (count < 100) return total;
  }
}
