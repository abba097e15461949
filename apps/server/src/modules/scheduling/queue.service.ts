import type {
  Appointment,
  DayView,
  MyQueuePosition,
  QueueActionBody,
  QueueEntry,
  SessionQueue,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { AppointmentsTable } from '../../platform/db/schema-scheduling.ts';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { appointmentsRepository } from './appointments.repository.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { queueRepository as repo, type QueueRow, type SessionRow } from './queue.repository.ts';
import { departmentRef } from './scheduling-view.ts';
import { mayReach, type BookingService } from './booking.service.ts';
import { publishQueue } from './publish.ts';
import { checkInLocked } from './check-in.ts';

type StaffContext = RequestContext & { actor: StaffActor };

/** Which queue states each staff action starts from, and where it leads. */
const ACTIONS: Record<QueueActionBody['action'], { from: readonly string[]; to: QueueRow['queue_state'] }> = {
  call: { from: ['waiting', 'skipped'], to: 'called' },
  start: { from: ['waiting', 'called'], to: 'in_consultation' },
  done: { from: ['called', 'in_consultation'], to: 'done' },
  skip: { from: ['waiting', 'called'], to: 'skipped' },
  requeue: { from: ['skipped'], to: 'waiting' },
  no_show: { from: ['waiting', 'called', 'skipped'], to: 'no_show' },
};

/**
 * Check-in and the live queue of a doctor's session. Every change locks the session's queue row (moving its
 * version on) in the same transaction, and publishes `scheduling.queue.updated` once it committed.
 */
export class QueueService {
  constructor(
    private readonly deps: AppDeps,
    private readonly booking: BookingService,
  ) {}

  /** Patients within the check-in window on the visit; staff at the desk on the visit day. */
  async checkIn(
    ctx: RequestContext,
    id: string,
    version: number | undefined,
    language: Language,
  ): Promise<Appointment> {
    const { actor } = ctx;
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const a = await appointmentsRepository.lock(tx, id);
      if (!a) throw new AppError('APPOINTMENT_NOT_FOUND');
      await mayReach(tx, actor, a);
      if (version !== undefined && version !== a.version) throw new AppError('VERSION_CONFLICT');
      if (a.status === 'checked_in') return null;
      await checkInLocked(tx, ctx, a);
      return a;
    });
    if (row) await publishQueue(this.deps, row.session_id, row.org_id);
    return this.booking.view(id, language);
  }

  async sessionQueue(ctx: StaffContext, sessionId: string, language: Language): Promise<SessionQueue> {
    const session = await this.session(ctx.actor.orgId, sessionId);
    const entries = await repo.entries(this.deps.db, sessionId);
    await recordAudit(this.deps.db, ctx, {
      action: 'scheduling.queue.read',
      resourceType: 'schedule_session',
      resourceId: sessionId,
      detail: { count: entries.length },
    });
    void language;
    return toQueue(session, entries);
  }

  async myPosition(ctx: RequestContext, appointmentId: string): Promise<MyQueuePosition> {
    const a = await appointmentsRepository.load(this.deps.db, appointmentId);
    if (!a) throw new AppError('APPOINTMENT_NOT_FOUND');
    await mayReach(this.deps.db, ctx.actor, a);
    const session = await repo.session(this.deps.db, a.session_id);
    if (!session) throw new AppError('SESSION_NOT_FOUND');
    const queue = toQueue(session, await repo.entries(this.deps.db, a.session_id));
    const mine = queue.entries.find((e) => e.appointmentId === appointmentId);
    const serving = queue.entries.filter((e) => e.state === 'called' || e.state === 'in_consultation').at(-1);
    return {
      appointmentId,
      sessionId: a.session_id,
      queueNumber: mine?.queueNumber ?? null,
      state: mine?.state ?? null,
      position: mine?.position ?? null,
      ahead: mine?.position ? mine.position - 1 : 0,
      estimatedWaitMinutes: mine?.estimatedWaitMinutes ?? null,
      nowServing: serving?.queueNumber ?? null,
      version: queue.version,
    };
  }

  async act(
    ctx: StaffContext,
    appointmentId: string,
    body: QueueActionBody,
    language: Language,
  ): Promise<Appointment> {
    const row = await this.deps.db.transaction().execute(async (tx) => {
      const a = await appointmentsRepository.lock(tx, appointmentId);
      if (!a || a.org_id !== ctx.actor.orgId) throw new AppError('APPOINTMENT_NOT_FOUND');
      if (body.version !== undefined && body.version !== a.version) throw new AppError('VERSION_CONFLICT');
      await repo.bump(tx, a.session_id);
      // A booked patient who never came is a no-show without having been in the queue.
      if (body.action === 'no_show' && a.status === 'booked') {
        await repo.update(tx, appointmentId, { status: 'no_show' });
      } else {
        const rule = ACTIONS[body.action];
        if (a.queue_state === null || !rule.from.includes(a.queue_state)) throw new AppError('QUEUE_STATE');
        await repo.update(tx, appointmentId, transition(rule.to));
      }
      await recordAudit(tx, ctx, {
        action: `appointment.queue.${body.action}`,
        resourceType: 'appointment',
        resourceId: appointmentId,
        patientId: a.patient_id,
        orgId: a.org_id,
      });
      return a;
    });
    await publishQueue(this.deps, row.session_id, row.org_id);
    return this.booking.view(appointmentId, language);
  }

  async callNext(ctx: StaffContext, sessionId: string): Promise<SessionQueue> {
    await this.session(ctx.actor.orgId, sessionId);
    await this.deps.db.transaction().execute(async (tx: Tx) => {
      await repo.bump(tx, sessionId);
      const next = await repo.firstWaiting(tx, sessionId);
      if (!next) throw new AppError('QUEUE_EMPTY');
      await repo.update(tx, next.id, transition('called'));
      await recordAudit(tx, ctx, {
        action: 'appointment.queue.call',
        resourceType: 'appointment',
        resourceId: next.id,
        detail: { sessionId, next: true },
      });
    });
    await publishQueue(this.deps, sessionId, ctx.actor.orgId);
    const session = await this.session(ctx.actor.orgId, sessionId);
    return toQueue(session, await repo.entries(this.deps.db, sessionId));
  }

  async day(
    ctx: StaffContext,
    date: string,
    doctorId: string | undefined,
    language: Language,
  ): Promise<DayView> {
    const sessions = await repo.sessionsOn(this.deps.db, ctx.actor.orgId, date, doctorId);
    const appointments = await repo.dayAppointments(
      this.deps.db,
      sessions.map((s) => s.id),
    );
    const { timeZone } = await schedulesRepository.today(this.deps.db, ctx.actor.orgId);
    await recordAudit(this.deps.db, ctx, {
      action: 'appointment.day_view',
      resourceType: 'appointment',
      detail: { date, count: appointments.length },
    });
    return {
      date,
      timeZone,
      sessions: sessions.map((s) => ({
        id: s.id,
        doctor: { id: s.doctor_account_id, name: s.doctor_name },
        department: departmentRef(language, s.department_id, s.department_zh, s.department_en),
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        mode: s.mode,
        slotMinutes: s.slot_minutes,
        capacity: s.capacity,
        booked: s.booked,
        status: s.status,
        queueVersion: s.queue_version,
        appointments: appointments
          .filter((a) => a.session_id === s.id)
          .map((a) => ({
            id: a.id,
            patient: { id: a.patient_id, name: a.patient_name },
            slotId: a.slot_id,
            startsAt: a.starts_at.toISOString(),
            status: a.status,
            queueState: a.queue_state,
            queueNumber: a.queue_number,
            checkedInAt: a.checked_in_at?.toISOString() ?? null,
            version: a.version,
            noShowCount: a.no_shows,
          })),
      })),
    };
  }

  async noShows(ctx: StaffContext, patientId: string) {
    const noShows = await this.deps.db.transaction().execute(async (tx) => {
      if (!(await appointmentsRepository.patientInOrg(tx, patientId, ctx.actor.orgId)))
        throw new AppError('PATIENT_NOT_FOUND');
      await recordAudit(tx, ctx, { action: 'appointment.no_shows', resourceType: 'patient', patientId });
      return appointmentsRepository.noShowCount(tx, patientId);
    });
    return { patientId, noShows };
  }

  private async session(orgId: string, sessionId: string) {
    const session = await repo.session(this.deps.db, sessionId);
    if (!session || session.org_id !== orgId) throw new AppError('SESSION_NOT_FOUND');
    return session;
  }
}

function transition(to: QueueRow['queue_state']): Updateable<AppointmentsTable> {
  const now = new Date();
  switch (to) {
    case 'called':
      return { queue_state: to, called_at: now };
    case 'in_consultation':
      return { queue_state: to, started_at: now };
    case 'done':
      return { queue_state: to, done_at: now, status: 'completed' };
    case 'no_show':
      return { queue_state: to, status: 'no_show' };
    case 'waiting':
    case 'skipped':
      return { queue_state: to };
  }
}

/** Positions among those waiting, and the wait: people ahead (and anyone in with the doctor) x average minutes. */
export function toQueue(session: SessionRow, rows: QueueRow[]): SessionQueue {
  const average =
    session.average_minutes && session.average_minutes > 0 ? session.average_minutes : session.slot_minutes;
  const busy = rows.filter((r) => r.queue_state === 'called' || r.queue_state === 'in_consultation').length;
  let position = 0;
  const entries: QueueEntry[] = rows.map((r) => {
    const waiting = r.queue_state === 'waiting';
    if (waiting) position += 1;
    return {
      appointmentId: r.appointment_id,
      patient: { id: r.patient_id, name: r.patient_name },
      queueNumber: r.queue_number,
      state: r.queue_state,
      slotStartsAt: r.slot_starts_at.toISOString(),
      checkedInAt: r.checked_in_at.toISOString(),
      calledAt: r.called_at?.toISOString() ?? null,
      position: waiting ? position : null,
      estimatedWaitMinutes: waiting ? (position - 1 + Math.min(busy, 1)) * average : null,
      noShowCount: r.no_shows,
      version: r.version,
    };
  });
  return {
    sessionId: session.id,
    doctor: { id: session.doctor_account_id, name: session.doctor_name },
    startsAt: session.starts_at.toISOString(),
    endsAt: session.ends_at.toISOString(),
    averageMinutes: average,
    waiting: position,
    entries,
    version: session.queue_version,
  };
}
