import type { Appointment, AppointmentList, BookBody, DeskBookBody } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Actor, PatientActor, RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess, type PatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { notify } from '../notifications/index.ts';
import {
  appointmentsRepository as repo,
  isDuplicateBooking,
  type ClaimedPlace,
} from './appointments.repository.ts';
import { checkInLocked } from './check-in.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { toAppointment } from './scheduling-view.ts';
import { bookPlace, type SlotSnapshot } from './booking.query.ts';
import { offerFreedPlace } from './waitlist-offers.ts';
import { publishQueue } from './publish.ts';
import { SlotGate, now } from './slot-gate.ts';

type StaffContext = RequestContext & { actor: StaffActor };
type Locked = NonNullable<Awaited<ReturnType<typeof repo.lock>>>;

/**
 * Booking, cancelling and rescheduling. A booking takes a place with one conditional UPDATE of the slot and
 * inserts the appointment in the same transaction; a partial unique index refuses a second active booking of the
 * patient with that doctor that day. Nothing is read first and written later, so no concurrency can overbook.
 */
export class BookingService {
  /** Bookings of one slot queue here in this process, so a rush costs one transaction per place, not per request. */
  private readonly gate = new SlotGate();

  constructor(private readonly deps: AppDeps) {}

  async book(ctx: RequestContext, body: BookBody, language: Language): Promise<Appointment> {
    const actor = patientOnly(ctx.actor);
    const arrivedAt = now();
    const id = uuidv7();
    const taken = () => new AppError('SLOT_TAKEN', { errors: [{ path: 'slotId', message: 'full' }] });
    const booked = await this.gate.run(
      body.slotId,
      arrivedAt,
      async (sawFull) => {
        // One statement checks the book scope, takes the place, writes the appointment and its audit entry, so a
        // request holds the slot's line for one round trip. A request the gate refuses (the slot was seen full
        // after it arrived) learns only that the slot is full, which every signed-in person may read in the
        // slot list, so it needs no query at all.
        const claimAt = now();
        const outcome = await bookPlace(this.deps.pool, {
          patientId: body.patientId,
          slotId: body.slotId,
          accountId: actor.accountId,
          appointmentId: id,
          auditId: uuidv7(),
          actorKind: actor.via === 'token' ? 'token' : 'patient',
          requestId: ctx.requestId,
          ip: ctx.ip,
        }).catch(duplicateBooking);
        if (outcome.kind === 'booked') {
          // Full once this committed: requests that arrived before it began learn it without a query.
          if (outcome.place.booked + outcome.place.held >= outcome.place.capacity) sawFull(claimAt);
          return outcome.appointment;
        }
        // No book scope: the access check says which answer (not found, or a proxy grant that has lapsed).
        const orgId =
          outcome.kind === 'no_access'
            ? (await bookAccess(this.deps.db, actor, body.patientId)).orgId
            : outcome.orgId;
        const refusal = refusalOf(outcome.kind === 'refused' ? outcome.slot : undefined, orgId, true)!;
        if (refusal.code === 'SLOT_TAKEN') sawFull(claimAt);
        throw refusal;
      },
      taken,
    );
    return toAppointment(booked, language);
  }

  /**
   * The desk books for a patient of its organization (a phone call, a walk-in); `checkIn` also checks the patient in,
   * in the same transaction, so a walk-in is booked and waiting or neither.
   */
  async bookAtDesk(ctx: StaffContext, body: DeskBookBody, language: Language): Promise<Appointment> {
    const { actor } = ctx;
    const id = uuidv7();
    const checkedIn = await this.deps.db.transaction().execute(async (tx) => {
      if (!(await repo.patientInOrg(tx, body.patientId, actor.orgId)))
        throw new AppError('PATIENT_NOT_FOUND');
      const place = await bookSlotInTransaction(tx, ctx, {
        id,
        patientId: body.patientId,
        slotId: body.slotId,
        orgId: actor.orgId,
        basis: 'desk',
      });
      if (!body.checkIn) return null;
      const row = await repo.lock(tx, id);
      if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
      await checkInLocked(tx, ctx, row);
      return place;
    });
    if (checkedIn) await publishQueue(this.deps, checkedIn.session_id, checkedIn.org_id);
    return this.view(id, language);
  }

  async list(
    ctx: RequestContext,
    q: {
      patientId?: string | undefined;
      view: 'upcoming' | 'past';
      limit: number;
      cursor?: string | undefined;
    },
    language: Language,
  ): Promise<AppointmentList> {
    const actor = patientOnly(ctx.actor);
    if (q.patientId) await bookAccess(this.deps.db, actor, q.patientId);
    const rows = await repo.listForAccount(this.deps.db, actor.accountId, {
      view: q.view,
      limit: q.limit,
      ...(q.patientId ? { patientId: q.patientId } : {}),
      ...(q.cursor ? { before: q.cursor } : {}),
    });
    const page = rows.slice(0, q.limit);
    await recordAudit(this.deps.db, ctx, {
      action: 'appointment.list',
      resourceType: 'appointment',
      patientId: q.patientId ?? null,
      detail: { view: q.view, count: page.length },
    });
    const items = page.map((r) => toAppointment(r, language));
    return { items, nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
  }

  async get(ctx: RequestContext, id: string, language: Language): Promise<Appointment> {
    const row = await repo.load(this.deps.db, id);
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    await mayReach(this.deps.db, ctx.actor, row);
    await recordAudit(this.deps.db, ctx, {
      action: 'appointment.read',
      resourceType: 'appointment',
      resourceId: id,
      patientId: row.patient_id,
      orgId: row.org_id,
    });
    return toAppointment(row, language);
  }

  /** Patients cancel until the org's cut-off; staff at any time before the visit. The place goes to the waitlist. */
  async cancel(
    ctx: RequestContext,
    id: string,
    body: { reason?: string | undefined; version?: number | undefined },
    language: Language,
  ): Promise<Appointment> {
    const { actor } = ctx;
    const queueChanged = await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.lockReachable(tx, actor, id, body.version);
      const allowed = actor.kind === 'staff' ? ['booked', 'checked_in'] : ['booked'];
      if (!allowed.includes(row.status)) throw new AppError('APPOINTMENT_STATE');
      if (actor.kind === 'patient') await requireBeforeCutoff(tx, row);
      await repo.cancel(
        tx,
        id,
        actor.accountId,
        body.reason ?? (actor.kind === 'staff' ? 'by_staff' : 'by_patient'),
      );
      await this.freePlace(tx, row);
      await recordAudit(tx, ctx, {
        action: 'appointment.cancel',
        resourceType: 'appointment',
        resourceId: id,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
      if (actor.kind === 'staff') await notifyPatientSide(tx, row, 'cancelled');
      return row.status === 'checked_in' ? row : null;
    });
    if (queueChanged) await publishQueue(this.deps, queueChanged.session_id, queueChanged.org_id);
    return this.view(id, language);
  }

  /** Moves a booking to another slot in one transaction: the new place is taken before the old one is given up. */
  async reschedule(
    ctx: RequestContext,
    id: string,
    body: { slotId: string; version: number },
    language: Language,
  ): Promise<Appointment> {
    const actor = patientOnly(ctx.actor);
    const newId = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.lockReachable(tx, actor, id, body.version);
      if (row.status !== 'booked') throw new AppError('APPOINTMENT_STATE');
      if (row.slot_id === body.slotId) throw new AppError('APPOINTMENT_DUPLICATE');
      await requireBeforeCutoff(tx, row);
      const access = await bookAccess(tx, actor, row.patient_id);
      // Both slots locked in one order, so two patients swapping times wait for each other instead of deadlocking.
      await repo.lockSlots(tx, [row.slot_id, body.slotId]);
      await repo.cancel(tx, id, actor.accountId, 'rescheduled');
      const place = await repo.claimPlace(tx, body.slotId, access.orgId);
      if (!place) throw refusalOf(await repo.slotState(tx, body.slotId), access.orgId, true);
      const inserted = await repo.insert(tx, {
        id: newId,
        patientId: row.patient_id,
        place,
        bookedBy: actor.accountId,
        basis: access.basis,
        rescheduledFrom: id,
      });
      if (inserted === 'duplicate') throw new AppError('APPOINTMENT_DUPLICATE');
      await this.freePlace(tx, row);
      await recordAudit(tx, ctx, {
        action: 'appointment.reschedule',
        resourceType: 'appointment',
        resourceId: newId,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { from: id, slotId: body.slotId },
      });
    });
    return this.view(newId, language);
  }

  private async freePlace(tx: Tx, row: Locked) {
    await freePlace(tx, row);
  }

  private async lockReachable(tx: Tx, actor: Actor, id: string, version: number | undefined) {
    const row = await repo.lock(tx, id);
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    await mayReach(tx, actor, row);
    if (version !== undefined && version !== row.version) throw new AppError('VERSION_CONFLICT');
    return row;
  }

  async view(id: string, language: Language): Promise<Appointment> {
    const row = await repo.load(this.deps.db, id);
    if (!row) throw new AppError('APPOINTMENT_NOT_FOUND');
    return toAppointment(row, language);
  }
}

/** Writes a booking for a place already claimed: the appointment and its audit entry (reminders: the sweep). */
async function recordBooking(
  tx: Tx,
  ctx: RequestContext,
  b: { id: string; patientId: string; place: ClaimedPlace; basis: string },
) {
  const inserted = await repo.insert(tx, {
    id: b.id,
    patientId: b.patientId,
    place: b.place,
    bookedBy: ctx.actor.accountId,
    basis: b.basis,
  });
  if (inserted === 'duplicate') throw new AppError('APPOINTMENT_DUPLICATE');
  await recordAudit(tx, ctx, {
    action: 'appointment.book',
    resourceType: 'appointment',
    resourceId: b.id,
    patientId: b.patientId,
    orgId: b.place.org_id,
    detail: { basis: b.basis, slotId: b.place.id },
  });
}

/**
 * Books a slot of `orgId` for a patient in the caller's transaction, for staff paths (the desk, a referral's
 * receiver) whose access the caller has checked: the conditional UPDATE takes the place or the refusal says why.
 */
export async function bookSlotInTransaction(
  tx: Tx,
  ctx: RequestContext,
  b: { id: string; patientId: string; slotId: string; orgId: string; basis: 'desk' | 'referral' },
): Promise<ClaimedPlace> {
  const place = await repo.claimPlace(tx, b.slotId, b.orgId);
  if (!place) throw refusalOf(await repo.slotState(tx, b.slotId), b.orgId, true)!;
  await recordBooking(tx, ctx, { id: b.id, patientId: b.patientId, place, basis: b.basis });
  return place;
}

/** Gives a cancelled booking's place back: to the slot, and offered to the waitlist when the visit is ahead. */
async function freePlace(tx: Tx, row: Locked) {
  await repo.releasePlace(tx, row.slot_id);
  if (row.starts_at.getTime() > Date.now())
    await offerFreedPlace(tx, {
      id: row.slot_id,
      org_id: row.org_id,
      session_id: row.session_id,
      doctor_account_id: row.doctor_account_id,
      date: row.visit_date,
      starts_at: row.starts_at,
    });
}

/** Cancels a booking made by a staff path (a referral rebooked elsewhere) in the caller's transaction. */
export async function releaseAppointment(tx: Tx, ctx: RequestContext, id: string): Promise<void> {
  const row = await repo.lock(tx, id);
  if (!row || (row.status !== 'booked' && row.status !== 'checked_in')) return;
  await repo.cancel(tx, id, ctx.actor.accountId, 'rebooked');
  await freePlace(tx, row);
  await recordAudit(tx, ctx, {
    action: 'appointment.cancel',
    resourceType: 'appointment',
    resourceId: id,
    patientId: row.patient_id,
    orgId: row.org_id,
    detail: { reason: 'rebooked' },
  });
}

export function patientOnly(actor: Actor): PatientActor {
  if (actor.kind !== 'patient') throw new AppError('FORBIDDEN');
  return actor;
}

/** The book scope on the patient, telling a proxy whose grant has lapsed why (instead of a bare 404). */
export async function bookAccess(
  tx: Tx | AppDeps['db'],
  actor: PatientActor,
  patientId: string,
): Promise<PatientAccess> {
  try {
    return await requirePatientAccess(tx, actor, patientId, 'book');
  } catch (error) {
    if (
      error instanceof AppError &&
      error.code === 'PATIENT_NOT_FOUND' &&
      (await repo.hadBookGrant(tx, actor.accountId, patientId))
    )
      throw new AppError('PROXY_GRANT_EXPIRED');
    throw error;
  }
}

/** Patient side: the book scope on the appointment's patient. Staff: an appointment of their organization. */
export async function mayReach(
  tx: Tx | AppDeps['db'],
  actor: Actor,
  row: { org_id: string; patient_id: string },
): Promise<void> {
  if (actor.kind === 'staff') {
    if (row.org_id !== actor.orgId) throw new AppError('APPOINTMENT_NOT_FOUND');
    return;
  }
  await bookAccess(tx, actor, row.patient_id);
}

async function requireBeforeCutoff(tx: Tx, row: Locked) {
  const settings = await schedulesRepository.settings(tx, row.org_id);
  if (Date.now() > row.starts_at.getTime() - settings.cancelCutoffHours * 3_600_000)
    throw new AppError('APPOINTMENT_CUTOFF_PASSED');
}

/** The one unique index a booking can break: a second active booking of the patient with that doctor that day. */
function duplicateBooking(error: unknown): never {
  if (isDuplicateBooking(error)) throw new AppError('APPOINTMENT_DUPLICATE');
  throw error;
}

/**
 * Why a slot cannot be booked, or null when it looks bookable: the first reason that applies, each a clear 4xx.
 * `taken` when the conditional UPDATE already refused: then a slot that looks free was held or raced away.
 */
export function refusalOf(slot: SlotSnapshot | undefined, orgId: string, taken = false): AppError | null {
  const refuse = (
    code: 'SLOT_NOT_FOUND' | 'SLOT_OTHER_ORG' | 'SLOT_PAST' | 'SLOT_CLOSED' | 'SLOT_TAKEN',
    why: string,
  ) => new AppError(code, { errors: [{ path: 'slotId', message: why }] });
  if (!slot) return refuse('SLOT_NOT_FOUND', 'unknown_slot');
  if (slot.org_id !== orgId) return refuse('SLOT_OTHER_ORG', 'other_org');
  if (slot.starts_at.getTime() <= Date.now()) return refuse('SLOT_PAST', 'past');
  if (slot.status !== 'open' || slot.session_status !== 'open') return refuse('SLOT_CLOSED', 'closed');
  if (taken || slot.booked + slot.held >= slot.capacity) return refuse('SLOT_TAKEN', 'full');
  return null;
}

async function notifyPatientSide(tx: Tx, row: Locked, what: 'cancelled') {
  const accounts = await repo.patientSideAccounts(tx, row.patient_id, row.booked_by);
  await notify(
    tx,
    accounts.map((accountId) => ({
      orgId: row.org_id,
      accountId,
      patientId: row.patient_id,
      kind: 'appointment_update' as const,
      titleZh: '您的预约已取消',
      titleEn: 'Your appointment was cancelled',
      bodyZh: '医院取消了您的预约，如需就诊请重新预约。',
      bodyEn: 'The clinic cancelled your appointment. Please book again if you still need the visit.',
      link: `/appointments/${row.id}`,
      dedupeKey: `appointment:${row.id}:${what}`,
    })),
  );
}
