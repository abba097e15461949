import { adherenceRate } from '@careloop/clinical';
import type { Adherence, DoseEvent, RecordDoseBody, TodayDoses } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import type { DoseStatusColumn } from '../../platform/db/schema-medication.ts';
import { dosesRepository as repo, type DoseRow } from './doses.repository.ts';
import { schedulesRepository } from './schedules.repository.ts';

/**
 * A dose taken more than this long after it fell due counts as late. Our convention, following the timing window
 * electronic-monitoring studies commonly use (a dose within +/- 2 hours of the scheduled time counts as on time);
 * late doses still count as taken in the adherence rate (adherenceRate in @careloop/clinical).
 */
export const LATE_AFTER_MS = 2 * 3_600_000;
/** A dose can be marked this long before it falls due (taking the evening dose with dinner). */
export const EARLY_WINDOW_MS = 2 * 3_600_000;
/** A dose can be marked or corrected until this long after it fell due; the sweeper calls it missed after 12 h. */
export const RECORD_WINDOW_MS = 36 * 3_600_000;

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function toDose(r: DoseRow, language: Language): DoseEvent {
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    drugName: language === 'zh-CN' ? r.drug_name_zh : r.drug_name_en,
    dose: `${Number(r.dose_value)} ${r.dose_unit}`,
    dueAt: r.due_at.toISOString(),
    localTime: r.local_time,
    status: r.status,
    reason: r.reason,
    recordedAt: r.recorded_at ? r.recorded_at.toISOString() : null,
  };
}

/** Taken on time or late, by how long after the due time it was taken. */
export function takenStatus(dueAt: Date, takenAt: Date): 'taken' | 'late' {
  return takenAt.getTime() - dueAt.getTime() > LATE_AFTER_MS ? 'late' : 'taken';
}

export class DosesService {
  constructor(private readonly deps: AppDeps) {}

  /** Today's doses in the organization's time zone (each dose shown at its schedule's local time). */
  async today(ctx: RequestContext, patientId: string, language: Language): Promise<TodayDoses> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const timeZone = await schedulesRepository.patientTimeZone(tx, patientId, access.orgId);
      const day = await schedulesRepository.localToday(tx, timeZone);
      const rows = await repo.ofLocalDay(tx, patientId, day);
      await recordAudit(tx, ctx, {
        action: 'dose_event.list',
        resourceType: 'dose_event',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, count: rows.length },
      });
      return { date: day, timeZone, items: rows.map((r) => toDose(r, language)) };
    });
  }

  /** Marks a dose taken (on time or late, by the time taken) or skipped with a reason. */
  async record(
    ctx: RequestContext,
    doseId: string,
    body: RecordDoseBody,
    language: Language,
  ): Promise<DoseEvent> {
    return this.deps.db.transaction().execute(async (tx) => {
      const dose = await repo.load(tx, doseId, { lock: true });
      if (!dose) throw new AppError('DOSE_NOT_FOUND');
      const access = await requirePatientAccess(tx, ctx.actor, dose.patient_id, 'edit').catch(
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'PATIENT_NOT_FOUND')
            throw new AppError('DOSE_NOT_FOUND');
          throw error;
        },
      );
      const now = new Date();
      // Skipping may be decided ahead ("not tonight"); taking is recorded near its time.
      if (body.status === 'taken' && dose.due_at.getTime() - now.getTime() > EARLY_WINDOW_MS) {
        throw new AppError('DOSE_NOT_DUE');
      }
      if (now.getTime() - dose.due_at.getTime() > RECORD_WINDOW_MS) throw new AppError('DOSE_TOO_OLD');
      let status: DoseStatusColumn;
      let reason: string | null = null;
      if (body.status === 'taken') {
        const takenAt = body.takenAt ? new Date(body.takenAt) : now;
        if (takenAt.getTime() > now.getTime() + 60_000) {
          throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'takenAt', message: 'in_future' }] });
        }
        status = takenStatus(dose.due_at, takenAt);
      } else {
        status = 'skipped';
        reason = body.reason;
      }
      await repo.record(tx, dose.id, { status, reason, recordedAt: now, recordedBy: ctx.actor.accountId });
      await recordAudit(tx, ctx, {
        action: 'dose_event.record',
        resourceType: 'dose_event',
        resourceId: dose.id,
        patientId: dose.patient_id,
        orgId: access.orgId,
        detail: { basis: access.basis, status, previous: dose.status },
      });
      return toDose((await repo.load(tx, dose.id))!, language);
    });
  }

  /**
   * Adherence over the last 7 or 30 local days (today included, doses not yet due left out): overall, per
   * medication and per day, each as the proportion of due doses taken (adherenceRate in @careloop/clinical).
   * For the patient side and for the care team.
   */
  async adherence(
    ctx: RequestContext,
    patientId: string,
    days: number,
    language: Language,
  ): Promise<Adherence> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const timeZone = await schedulesRepository.patientTimeZone(tx, patientId, access.orgId);
      const to = await schedulesRepository.localToday(tx, timeZone);
      const from = addDays(to, -(days - 1));
      const rows = await repo.inRange(tx, patientId, from, to);
      const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
      const bySchedule = new Map<string, typeof rows>();
      for (const r of rows) bySchedule.set(r.schedule_id, [...(bySchedule.get(r.schedule_id) ?? []), r]);
      await recordAudit(tx, ctx, {
        action: 'medication_adherence.read',
        resourceType: 'dose_event',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, days },
      });
      return {
        days,
        from,
        to,
        overall: adherenceRate(rows),
        perMedication: [...bySchedule.entries()].map(([scheduleId, list]) => ({
          scheduleId,
          drugName: language === 'zh-CN' ? list[0]!.drug_name_zh : list[0]!.drug_name_en,
          ...adherenceRate(list),
          daily: dates.map((d) => adherenceRate(list.filter((r) => r.local_day === d)).rate),
        })),
        daily: dates.map((date) => ({ date, ...adherenceRate(rows.filter((r) => r.local_day === date)) })),
      };
    });
  }
}
