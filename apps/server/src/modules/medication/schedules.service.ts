import { chosenTimesProblem, doseTimesForDay, type FrequencyCode } from '@careloop/clinical';
import type { MedicationSchedule } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { Language } from '../../platform/http/language.ts';
import { schedulesRepository as repo, type ScheduleRow } from './schedules.repository.ts';

/** Frequencies without fixed times: nothing falls due (as needed), or the one dose was given at once (stat). */
const UNSCHEDULED = new Set(['prn', 'stat']);

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function toSchedule(r: ScheduleRow, language: Language): MedicationSchedule {
  return {
    id: r.id,
    prescriptionItemId: r.prescription_item_id,
    drugName: language === 'zh-CN' ? r.drug_name_zh : r.drug_name_en,
    dose: `${Number(r.dose_value)} ${r.dose_unit}`,
    frequency: r.frequency,
    times: r.times,
    timeZone: r.time_zone,
    startDate: r.start_date,
    endDate: r.end_date,
    active: r.active,
    version: r.version,
  };
}

/**
 * Starts taking the drugs of an order that reached the patient (delivered, picked up, or the patient's "start"):
 * one schedule per item at the frequency's usual local times (or the patient's chosen ones) in the organization's
 * time zone, from today for the prescribed duration, and the doses of the rest of today and of tomorrow at once
 * (the nightly generator makes the days after). Safe to call again: an item has at most one schedule.
 */
export async function startSchedulesForOrder(
  tx: Executor,
  order: { id: string; org_id: string; patient_id: string },
  options: { chosenTimes?: Readonly<Record<string, readonly string[]>>; now?: Date } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const timeZone = await repo.orgTimeZone(tx, order.org_id);
  const today = await repo.localToday(tx, timeZone, now);
  const items = await repo.itemsOfOrder(tx, order.id);
  const rows = [];
  for (const item of items) {
    if (UNSCHEDULED.has(item.frequency)) continue;
    const chosen = options.chosenTimes?.[item.prescription_item_id];
    if (chosen) {
      const problem = chosenTimesProblem(item.frequency as FrequencyCode, [...chosen]);
      if (problem) throw fieldError('VALIDATION_FAILED', `times.${item.prescription_item_id}`, problem);
    }
    const times = doseTimesForDay({
      frequency: item.frequency as FrequencyCode,
      chosenTimes: chosen ? [...chosen] : null,
      startDate: today,
      day: today,
    });
    rows.push({
      id: uuidv7(),
      org_id: order.org_id,
      patient_id: order.patient_id,
      prescription_item_id: item.prescription_item_id,
      order_id: order.id,
      frequency: item.frequency,
      times,
      time_zone: timeZone,
      start_date: today,
      end_date: item.duration_days ? addDays(today, item.duration_days - 1) : null,
    });
  }
  const ids = await repo.insertMany(tx, rows);
  if (ids.length > 0)
    await repo.generateDoses(tx, { asOf: now, fromDay: 0, toDay: 1, scheduleIds: ids, notBefore: now });
  return ids;
}

export class SchedulesService {
  constructor(private readonly deps: AppDeps) {}

  async list(ctx: RequestContext, patientId: string, language: Language) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.forPatient(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'medication_schedule.list',
        resourceType: 'medication_schedule',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, count: rows.length },
      });
      return { items: rows.map((r) => toSchedule(r, language)) };
    });
  }

  /**
   * The patient picks their own times of day, and may say their own time zone (the phone's) when it is not the
   * hospital's; doses not yet due are re-made from them.
   */
  async updateTimes(
    ctx: RequestContext,
    scheduleId: string,
    body: { version: number; times: string[]; timeZone?: string | undefined },
    language: Language,
  ): Promise<MedicationSchedule> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.load(tx, scheduleId);
      if (!row) throw new AppError('SCHEDULE_NOT_FOUND');
      const access = await requirePatientAccess(tx, ctx.actor, row.patient_id, 'edit').catch(
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'PATIENT_NOT_FOUND')
            throw new AppError('SCHEDULE_NOT_FOUND');
          throw error;
        },
      );
      const problem = chosenTimesProblem(row.frequency as FrequencyCode, body.times);
      if (problem) throw fieldError('VALIDATION_FAILED', 'times', problem);
      const times = [...body.times].sort();
      if (!(await repo.updateTimes(tx, row.id, body.version, times, body.timeZone)))
        throw new AppError('VERSION_CONFLICT');
      const now = new Date();
      await repo.dropFuturePending(tx, row.id, now);
      await repo.generateDoses(tx, {
        asOf: now,
        fromDay: 0,
        toDay: 1,
        scheduleIds: [row.id],
        notBefore: now,
      });
      await recordAudit(tx, ctx, {
        action: 'medication_schedule.update',
        resourceType: 'medication_schedule',
        resourceId: row.id,
        patientId: row.patient_id,
        orgId: access.orgId,
        detail: { basis: access.basis, times: times.length, ownTimeZone: body.timeZone !== undefined },
      });
      return toSchedule((await repo.load(tx, row.id))!, language);
    });
  }
}
