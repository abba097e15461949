import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { jobsInTransaction } from '../../platform/jobs/in-transaction.ts';
import { notify } from '../notifications/index.ts';
import { appointmentsRepository } from './appointments.repository.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { generateSessions } from './slot-generation.ts';
import { expireOffers } from './waitlist-offers.ts';

const ReminderData = z.object({ appointmentId: z.uuid(), which: z.enum(['day_before', 'two_hours']) });
type ReminderData = z.infer<typeof ReminderData>;

const REMINDER_LEAD_MS = { day_before: 24 * 3_600_000, two_hours: 2 * 3_600_000 } as const;

/** Reminds the patient side of an appointment, unless it was cancelled (or moved) meanwhile. */
export async function sendReminder(deps: AppDeps, data: ReminderData): Promise<boolean> {
  const row = await appointmentsRepository.load(deps.db, data.appointmentId);
  if (!row || (row.status !== 'booked' && row.status !== 'checked_in')) return false;
  if (row.starts_at.getTime() < Date.now()) return false;
  const accounts = await appointmentsRepository.patientSideAccounts(deps.db, row.patient_id, row.booked_by);
  const timeZone = await appointmentsRepository.sessionOrgTimeZone(deps.db, row.org_id);
  const when = (locale: string) =>
    row.starts_at.toLocaleString(locale, {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  await notify(
    deps.db,
    accounts.map((accountId) => ({
      orgId: row.org_id,
      accountId,
      patientId: row.patient_id,
      kind: 'appointment_reminder' as const,
      titleZh: data.which === 'day_before' ? '明天就诊提醒' : '就诊提醒：2 小时后',
      titleEn:
        data.which === 'day_before' ? 'Your appointment is tomorrow' : 'Your appointment is in 2 hours',
      bodyZh: `${row.patient_name} 预约了 ${row.doctor_name} 医生，时间 ${when('zh-CN')}。`,
      bodyEn: `${row.patient_name} sees ${row.doctor_name} at ${when('en-US')}.`,
      link: `/appointments/${row.id}`,
      dedupeKey: `appointment:${row.id}:reminder:${data.which}`,
      category: 'appointment' as const,
    })),
  );
  return true;
}

export function appointmentReminderJob(deps: AppDeps) {
  return defineJob({
    name: 'scheduling.reminder',
    version: 1,
    schema: ReminderData,
    handler: async (data) => {
      await sendReminder(deps, data);
    },
  });
}

/** Enqueues the day-before and two-hours-before reminders in the booking's transaction (past ones are skipped). */
export async function scheduleReminders(deps: AppDeps, tx: Tx, appointmentId: string, startsAt: Date) {
  const jobs = deps.jobs;
  if (!jobs) return;
  for (const which of ['day_before', 'two_hours'] as const) {
    const at = new Date(startsAt.getTime() - REMINDER_LEAD_MS[which]);
    if (at.getTime() <= Date.now()) continue;
    await jobs.send(
      appointmentReminderJob(deps),
      { appointmentId, which },
      { db: jobsInTransaction(tx), startAfter: at, retryLimit: 3, singletonKey: `${appointmentId}:${which}` },
    );
  }
}

/** Lays out sessions and slots up to each org's horizon; daily, and safe to run again at any time. */
export async function generateAllSessions(deps: AppDeps): Promise<number> {
  let created = 0;
  for (const orgId of await schedulesRepository.orgsWithTemplates(deps.db)) {
    created += await deps.db.transaction().execute(async (tx) => {
      const settings = await schedulesRepository.settings(tx, orgId);
      return generateSessions(tx, orgId, settings.horizonWeeks);
    });
  }
  return created;
}

export function sessionGenerationJob(deps: AppDeps) {
  return defineJob({
    name: 'scheduling.generate',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    cron: '10 0 * * *',
    handler: async () => {
      await generateAllSessions(deps);
    },
  });
}

export function offerExpiryJob(deps: AppDeps) {
  return defineJob({
    name: 'scheduling.offers-expire',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    repeatSeconds: 30,
    handler: async () => {
      await expireOffers(deps);
    },
  });
}
