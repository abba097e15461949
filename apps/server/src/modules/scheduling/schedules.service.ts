import type {
  ScheduleException,
  ScheduleExceptionBody,
  ScheduleTemplate,
  ScheduleTemplateBody,
  SchedulingSettings,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../platform/auth/actor.ts';
import { hasRole } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { notify } from '../notifications/index.ts';
import { schedulesRepository as repo, type TemplateRow } from './schedules.repository.ts';
import { generateSessions } from './slot-generation.ts';
import { hhmm, toTemplate } from './scheduling-view.ts';
import { appointmentsRepository } from './appointments.repository.ts';
import { dayOffNotice, offerRebooking } from './rebook-offers.ts';

type StaffContext = RequestContext & { actor: StaffActor };

/**
 * Templates and exceptions of doctors' schedules. Every change runs in one transaction under a per-doctor lock
 * (so two overlapping sessions cannot both pass the check), then regenerates the doctor's future sessions that
 * nobody booked; booked sessions keep their times.
 */
export class SchedulesService {
  constructor(private readonly deps: AppDeps) {}

  async settings(ctx: StaffContext): Promise<SchedulingSettings> {
    return repo.settings(this.deps.db, ctx.actor.orgId);
  }

  async saveSettings(ctx: StaffContext, body: SchedulingSettings): Promise<SchedulingSettings> {
    await this.deps.db.transaction().execute(async (tx) => {
      await repo.saveSettings(tx, ctx.actor.orgId, body, ctx.actor.accountId);
      await recordAudit(tx, ctx, {
        action: 'scheduling.settings.update',
        resourceType: 'scheduling_settings',
      });
    });
    return body;
  }

  async templates(ctx: StaffContext, doctorId: string | undefined, language: Language) {
    const rows = await repo.templates(this.deps.db, ctx.actor.orgId, doctorId ? { doctorId } : {});
    return { items: rows.map((r) => toTemplate(r, language)) };
  }

  async createTemplate(
    ctx: StaffContext,
    body: ScheduleTemplateBody,
    language: Language,
  ): Promise<ScheduleTemplate> {
    const id = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      const values = await this.checkTemplate(tx, ctx, body);
      await repo.insertTemplate(tx, {
        id,
        org_id: ctx.actor.orgId,
        created_by: ctx.actor.accountId,
        ...values,
      });
      await this.afterChange(tx, ctx, { templateId: id }, 'scheduling.template.create', id);
    });
    return this.template(ctx, id, language);
  }

  async updateTemplate(
    ctx: StaffContext,
    id: string,
    body: ScheduleTemplateBody & { version: number },
    language: Language,
  ): Promise<ScheduleTemplate> {
    const kept = await this.deps.db.transaction().execute(async (tx) => {
      const current = await this.owned(tx, ctx, id);
      if (current.doctor_account_id !== body.doctorId)
        throw fieldError('VALIDATION_FAILED', 'doctorId', 'immutable');
      const values = await this.checkTemplate(tx, ctx, body, id);
      if (!(await repo.updateTemplate(tx, id, body.version, values))) throw new AppError('VERSION_CONFLICT');
      await repo.removeUnbookedFutureSessions(tx, { templateId: id });
      await this.afterChange(tx, ctx, { templateId: id }, 'scheduling.template.update', id);
      return repo.bookedFutureSessions(tx, id);
    });
    return { ...(await this.template(ctx, id, language)), keptSessions: kept };
  }

  async deleteTemplate(ctx: StaffContext, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const current = await this.owned(tx, ctx, id);
      await repo.lockDoctor(tx, current.doctor_account_id);
      await repo.retireTemplate(tx, id);
      await repo.removeUnbookedFutureSessions(tx, { templateId: id });
      await recordAudit(tx, ctx, {
        action: 'scheduling.template.delete',
        resourceType: 'schedule_template',
        resourceId: id,
      });
    });
  }

  async exceptions(ctx: StaffContext, f: { doctorId?: string; from?: string; to?: string }) {
    const rows = await repo.exceptions(this.deps.db, ctx.actor.orgId, f);
    return { items: rows.map(toException) };
  }

  /**
   * A day off cancels the doctor's sessions that day (or one template's), tells the booked patients and keeps
   * the day free from generation; a changed session replaces one template's session that nobody booked yet.
   */
  async createException(ctx: StaffContext, body: ScheduleExceptionBody): Promise<ScheduleException> {
    const id = uuidv7();
    let offered = 0;
    const cancelled = await this.deps.db.transaction().execute(async (tx) => {
      this.mayEdit(ctx.actor, body.doctorId);
      await repo.lockDoctor(tx, body.doctorId);
      if (!(await repo.doctorOf(tx, ctx.actor.orgId, body.doctorId)))
        throw fieldError('SCHEDULE_DOCTOR_INVALID', 'doctorId', 'not_a_doctor');
      let template: TemplateRow | undefined;
      if (body.templateId) {
        template = (await repo.templates(tx, ctx.actor.orgId, { id: body.templateId }))[0];
        if (!template || template.doctor_account_id !== body.doctorId)
          throw fieldError('SCHEDULE_TEMPLATE_NOT_FOUND', 'templateId', 'unknown_template');
      }
      if (body.kind === 'changed' && template && body.startTime && body.endTime) {
        const clash = await repo.overlappingTemplate(tx, {
          doctorId: body.doctorId,
          weekday: template.weekday,
          startTime: body.startTime,
          endTime: body.endTime,
          validFrom: body.date,
          validUntil: body.date,
          exceptId: template.id,
        });
        if (clash) throw fieldError('SCHEDULE_OVERLAP', 'startTime', 'overlaps_another_session');
      }
      try {
        await repo.insertException(tx, {
          id,
          org_id: ctx.actor.orgId,
          doctor_account_id: body.doctorId,
          date: body.date,
          kind: body.kind,
          template_id: body.templateId ?? null,
          start_time: body.startTime ?? null,
          end_time: body.endTime ?? null,
          slot_minutes: body.slotMinutes ?? null,
          capacity: body.capacity ?? null,
          reason: body.reason ?? null,
          created_by: ctx.actor.accountId,
        });
      } catch (error) {
        if ((error as { code?: string }).code === '23505')
          throw fieldError('ALREADY_EXISTS', 'date', 'exception_exists');
        throw error;
      }
      const sessions = await repo.sessionsOn(tx, body.doctorId, body.date, body.templateId);
      let cancelledCount = 0;
      if (body.kind === 'off') {
        const gone = await repo.cancelSessions(
          tx,
          sessions.map((s) => s.id),
          ctx.actor.accountId,
          'doctor_unavailable',
        );
        cancelledCount = gone.length;
        await repo.setCancelledCount(tx, id, gone.length);
        const modeOf = new Map(sessions.map((s) => [s.id, s.mode]));
        const visits = gone.map((a) => ({ ...a, mode: modeOf.get(a.session_id) ?? ('in_person' as const) }));
        const offers = await offerRebooking(tx, visits, body.date);
        offered = offers.size;
        const timeZone = await appointmentsRepository.sessionOrgTimeZone(tx, ctx.actor.orgId);
        await notify(
          tx,
          visits.map((v) => dayOffNotice(v, offers.get(v.id), timeZone)),
        );
      } else {
        for (const s of sessions)
          if (await repo.hasAppointments(tx, s.id)) throw new AppError('SCHEDULE_SESSION_HAS_BOOKINGS');
        await repo.removeUnbookedFutureSessions(tx, { doctorId: body.doctorId, date: body.date });
      }
      await this.afterChange(tx, ctx, { doctorId: body.doctorId }, 'scheduling.exception.create', id);
      return cancelledCount;
    });
    const row = (await repo.exceptions(this.deps.db, ctx.actor.orgId, { id }))[0];
    if (!row) throw new AppError('SCHEDULE_EXCEPTION_NOT_FOUND');
    return { ...toException(row), cancelledAppointments: cancelled, offeredPlaces: offered };
  }

  /** Withdraws an exception: the day's sessions come back (cancelled bookings stay cancelled). */
  async deleteException(ctx: StaffContext, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = (await repo.exceptions(tx, ctx.actor.orgId, { id }))[0];
      if (!row) throw new AppError('SCHEDULE_EXCEPTION_NOT_FOUND');
      this.mayEdit(ctx.actor, row.doctor_account_id);
      await repo.lockDoctor(tx, row.doctor_account_id);
      await repo.withdrawException(tx, id);
      await repo.removeUnbookedFutureSessions(tx, { doctorId: row.doctor_account_id, date: row.date });
      await this.afterChange(tx, ctx, { doctorId: row.doctor_account_id }, 'scheduling.exception.delete', id);
    });
  }

  private async template(ctx: StaffContext, id: string, language: Language) {
    const row = (await repo.templates(this.deps.db, ctx.actor.orgId, { id }))[0];
    if (!row) throw new AppError('SCHEDULE_TEMPLATE_NOT_FOUND');
    return toTemplate(row, language);
  }

  private async owned(tx: Tx, ctx: StaffContext, id: string) {
    const row = (await repo.templates(tx, ctx.actor.orgId, { id }))[0];
    if (!row) throw new AppError('SCHEDULE_TEMPLATE_NOT_FOUND');
    this.mayEdit(ctx.actor, row.doctor_account_id);
    return row;
  }

  /** Org admins edit every doctor's schedule; a doctor edits only their own. */
  private mayEdit(actor: StaffActor, doctorId: string) {
    if (!hasRole(actor, 'org_admin') && actor.accountId !== doctorId) throw new AppError('FORBIDDEN');
  }

  private async checkTemplate(tx: Tx, ctx: StaffContext, body: ScheduleTemplateBody, exceptId?: string) {
    this.mayEdit(ctx.actor, body.doctorId);
    await repo.lockDoctor(tx, body.doctorId);
    const doctor = await repo.doctorOf(tx, ctx.actor.orgId, body.doctorId);
    if (!doctor) throw fieldError('SCHEDULE_DOCTOR_INVALID', 'doctorId', 'not_a_doctor');
    const departmentId = body.departmentId ?? doctor.department_id;
    if (departmentId && !(await repo.departmentExists(tx, ctx.actor.orgId, departmentId)))
      throw fieldError('SCHEDULE_DEPARTMENT_INVALID', 'departmentId', 'unknown_department');
    const { today } = await repo.today(tx, ctx.actor.orgId);
    const validFrom = body.validFrom ?? today;
    const validUntil = body.validUntil ?? null;
    if (validUntil && validUntil < validFrom)
      throw fieldError('VALIDATION_FAILED', 'validUntil', 'before_valid_from');
    const clash = await repo.overlappingTemplate(tx, {
      doctorId: body.doctorId,
      weekday: body.weekday,
      startTime: body.startTime,
      endTime: body.endTime,
      validFrom,
      validUntil,
      ...(exceptId ? { exceptId } : {}),
    });
    if (clash) throw fieldError('SCHEDULE_OVERLAP', 'startTime', 'overlaps_another_session');
    return {
      doctor_account_id: body.doctorId,
      department_id: departmentId,
      weekday: body.weekday,
      start_time: body.startTime,
      end_time: body.endTime,
      slot_minutes: body.slotMinutes,
      capacity: body.capacity,
      mode: body.mode,
      fee_fen: body.feeFen,
      valid_from: validFrom,
      valid_until: validUntil,
    };
  }

  private async afterChange(
    tx: Tx,
    ctx: StaffContext,
    filter: { templateId?: string; doctorId?: string },
    action: string,
    id: string,
  ) {
    const settings = await repo.settings(tx, ctx.actor.orgId);
    const created = await generateSessions(tx, ctx.actor.orgId, settings.horizonWeeks, filter);
    await recordAudit(tx, ctx, {
      action,
      resourceType: action.includes('template') ? 'schedule_template' : 'schedule_exception',
      resourceId: id,
      detail: { sessionsCreated: created },
    });
  }
}

function toException(row: Awaited<ReturnType<typeof repo.exceptions>>[number]): ScheduleException {
  return {
    id: row.id,
    doctorId: row.doctor_account_id,
    date: row.date,
    kind: row.kind,
    templateId: row.template_id,
    startTime: row.start_time ? hhmm(row.start_time) : null,
    endTime: row.end_time ? hhmm(row.end_time) : null,
    slotMinutes: row.slot_minutes,
    capacity: row.capacity,
    reason: row.reason,
    cancelledAppointments: row.cancelled_appointments,
  };
}
