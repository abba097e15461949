import type { Appointment, WaitlistEntry, WaitlistJoinBody } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { appointmentsRepository } from './appointments.repository.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { waitlistRepository as repo, type WaitlistRow } from './waitlist.repository.ts';
import { bookAccess, patientOnly, type BookingService } from './booking.service.ts';
import { offerFreedPlace } from './waitlist-offers.ts';

/**
 * The waitlist of a slot, a session or a doctor's day. A freed place is held for the first waiting patient, who
 * takes it with accept inside the offer window: a conditional UPDATE of the entry lets exactly one accept pass.
 */
export class WaitlistService {
  constructor(
    private readonly deps: AppDeps,
    private readonly booking: BookingService,
  ) {}

  async join(ctx: RequestContext, body: WaitlistJoinBody): Promise<WaitlistEntry> {
    const actor = patientOnly(ctx.actor);
    const id = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await bookAccess(tx, actor, body.patientId);
      let target:
        { session_id: string | null; org_id: string; doctor_account_id: string; date: string } | undefined;
      if (body.slotId || body.sessionId) {
        target = await repo.target(
          tx,
          body.slotId ? { slotId: body.slotId } : { sessionId: body.sessionId ?? '' },
        );
        if (!target)
          throw fieldError(
            body.slotId ? 'SLOT_NOT_FOUND' : 'SESSION_NOT_FOUND',
            body.slotId ? 'slotId' : 'sessionId',
            'unknown',
          );
      } else if (body.doctorId && body.date) {
        const doctor = await schedulesRepository.doctorOf(tx, access.orgId, body.doctorId);
        if (!doctor) throw fieldError('SCHEDULE_DOCTOR_INVALID', 'doctorId', 'not_a_doctor');
        target = {
          session_id: null,
          org_id: access.orgId,
          doctor_account_id: body.doctorId,
          date: body.date,
        };
      }
      if (!target) throw fieldError('VALIDATION_FAILED', 'slotId', 'one_target_required');
      if (target.org_id !== access.orgId) throw fieldError('SLOT_OTHER_ORG', 'slotId', 'other_org');
      const inserted = await repo.insert(tx, {
        id,
        orgId: access.orgId,
        patientId: body.patientId,
        doctorId: target.doctor_account_id,
        date: target.date,
        sessionId: body.sessionId ?? (body.slotId ? target.session_id : null),
        slotId: body.slotId ?? null,
        requestedBy: actor.accountId,
      });
      if (inserted === 'duplicate') throw new AppError('WAITLIST_DUPLICATE');
      await recordAudit(tx, ctx, {
        action: 'waitlist.join',
        resourceType: 'waitlist_entry',
        resourceId: id,
        patientId: body.patientId,
        orgId: access.orgId,
      });
    });
    return this.entry(actor.accountId, id);
  }

  async list(ctx: RequestContext, patientId: string | undefined) {
    const actor = patientOnly(ctx.actor);
    if (patientId) await bookAccess(this.deps.db, actor, patientId);
    const rows = await repo.list(this.deps.db, {
      accountId: actor.accountId,
      ...(patientId ? { patientId } : {}),
    });
    return { items: rows.map(toEntry) };
  }

  /** Takes the offered place: the entry must still be offered and inside its window; the held place becomes a booking. */
  async accept(ctx: RequestContext, id: string, language: Language): Promise<Appointment> {
    const actor = patientOnly(ctx.actor);
    const appointmentId = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      const entry = (await repo.list(tx, { accountId: actor.accountId, id }))[0];
      if (!entry) throw new AppError('WAITLIST_NOT_FOUND');
      const access = await bookAccess(tx, actor, entry.patient_id);
      const taken = await repo.takeOffer(tx, id);
      if (!taken?.offered_slot_id) throw new AppError('WAITLIST_OFFER_GONE');
      const place = await appointmentsRepository.claimHeldPlace(tx, taken.offered_slot_id);
      if (!place) throw new AppError('WAITLIST_OFFER_GONE');
      const inserted = await appointmentsRepository.insert(tx, {
        id: appointmentId,
        patientId: entry.patient_id,
        place,
        bookedBy: actor.accountId,
        basis: access.basis,
        waitlistEntryId: id,
      });
      if (inserted === 'duplicate') throw new AppError('APPOINTMENT_DUPLICATE');
      await repo.linkAppointment(tx, id, appointmentId);
      await recordAudit(tx, ctx, {
        action: 'appointment.book',
        resourceType: 'appointment',
        resourceId: appointmentId,
        patientId: entry.patient_id,
        orgId: entry.org_id,
        detail: { basis: access.basis, waitlistEntryId: id },
      });
    });
    return this.booking.view(appointmentId, language);
  }

  /** Leaves the waitlist; an offer declined this way moves on to the next patient at once. */
  async cancel(ctx: RequestContext, id: string): Promise<WaitlistEntry> {
    const actor = patientOnly(ctx.actor);
    await this.deps.db.transaction().execute(async (tx) => {
      const entry = (await repo.list(tx, { accountId: actor.accountId, id }))[0];
      if (!entry) throw new AppError('WAITLIST_NOT_FOUND');
      const gone = await repo.cancel(tx, id);
      if (!gone) throw new AppError('APPOINTMENT_STATE');
      if (gone.status === 'offered' && gone.offered_slot_id) {
        const slot = await repo.freedSlot(tx, gone.offered_slot_id);
        if (slot) await offerFreedPlace(tx, slot, true);
      }
      await recordAudit(tx, ctx, {
        action: 'waitlist.cancel',
        resourceType: 'waitlist_entry',
        resourceId: id,
        patientId: entry.patient_id,
        orgId: entry.org_id,
      });
    });
    return this.entry(actor.accountId, id);
  }

  private async entry(accountId: string, id: string) {
    const row = (await repo.list(this.deps.db, { accountId, id }))[0];
    if (!row) throw new AppError('WAITLIST_NOT_FOUND');
    return toEntry(row);
  }
}

function toEntry(r: WaitlistRow): WaitlistEntry {
  return {
    id: r.id,
    patient: { id: r.patient_id, name: r.patient_name },
    doctor: { id: r.doctor_account_id, name: r.doctor_name },
    date: r.visit_date,
    slotId: r.slot_id,
    sessionId: r.session_id,
    status: r.status,
    origin: r.origin,
    offeredSlot:
      r.status === 'offered' && r.offered_slot_id && r.offered_starts_at && r.offered_ends_at
        ? {
            id: r.offered_slot_id,
            startsAt: r.offered_starts_at.toISOString(),
            endsAt: r.offered_ends_at.toISOString(),
          }
        : null,
    offerExpiresAt: r.status === 'offered' ? (r.offer_expires_at?.toISOString() ?? null) : null,
    appointmentId: r.appointment_id,
    createdAt: r.created_at.toISOString(),
  };
}
