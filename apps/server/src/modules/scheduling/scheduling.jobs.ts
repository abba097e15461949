import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { notify } from '../notifications/index.ts';
import { appointmentsRepository } from './appointments.repository.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { generateSessions } from './slot-generation.ts';
import { expireOffers } from './waitlist-offers.ts';

const ReminderData = z.object({ appointmentId: z.uuid(), which: z.enum(['day_before', 'two_hours']) });
type ReminderData = z.infer<typeof ReminderData>;

type Which = ReminderData['which'];
type Row = NonNullable<Awaited<ReturnType<typeof appointmentsRepository.load>>>;

const REMINDER_BATCH = 200;

/** The day-before and two-hours-before reminders of one appointment, to every account on the patient's side. */
async function remind(tx: Executor, row: Row, which: Which): Promise<void> {
  const accounts = await appointmentsRepository.patientSideAccounts(tx, row.patient_id, row.booked_by);
  const timeZone = await appointmentsRepository.sessionOrgTimeZone(tx, row.org_id);
  const when = (locale: string) =>
    row.starts_at.toLocaleString(locale, {
      timeZone,
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  await notify(
    tx,
    accounts.map((accountId) => ({
      orgId: row.org_id,
      accountId,
      patientId: row.patient_id,
      kind: 'appointment_reminder' as const,
      titleZh: which === 'day_before' ? '明天就诊提醒' : '就诊提醒：2 小时后',
      titleEn: which === 'day_before' ? 'Your appointment is tomorrow' : 'Your appointment is in 2 hours',
      bodyZh: `${row.patient_name} 预约了 ${row.doctor_name} 医生，时间 ${when('zh-CN')}。`,
      bodyEn: `${row.patient_name} sees ${row.doctor_name} at ${when('en-US')}.`,
      link: `/appointments/${row.id}`,
      dedupeKey: `appointment:${row.id}:reminder:${which}`,
      category: 'appointment' as const,
    })),
  );
}

/**
 * Sends the appointment reminders due at `at`: two hours before first, then the day before, in batches, each
 * reminder marked in the transaction that writes its notifications, so a crash or a second sweep sends none
 * twice. Cancelled and moved visits are no longer candidates, so nothing needs clearing when plans change.
 */
export async function sendDueReminders(deps: AppDeps, at: Date = new Date()): Promise<number> {
  let sent = 0;
  for (const which of ['two_hours', 'day_before'] as const) {
    for (;;) {
      const count = await deps.db.transaction().execute(async (tx) => {
        const due = await appointmentsRepository.claimDueReminders(tx, which, at, REMINDER_BATCH);
        for (const row of due) await remind(tx, row, which);
        return due.length;
      });
      sent += count;
      if (count < REMINDER_BATCH) break;
    }
  }
  return sent;
}

export function reminderSweepJob(deps: AppDeps) {
  return defineJob({
    name: 'scheduling.reminders',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    cron: '* * * * *',
    handler: async () => {
      await sendDueReminders(deps);
    },
  });
}

/**
 * One reminder queued as a job of its own, as bookings made before migration 020 did: sent unless the visit was
 * cancelled, moved or is past, and marked, so the sweep does not send it again (the notification's dedupe key
 * would also refuse a second one).
 */
export async function sendReminder(deps: AppDeps, data: ReminderData): Promise<boolean> {
  const row = await appointmentsRepository.load(deps.db, data.appointmentId);
  if (!row || (row.status !== 'booked' && row.status !== 'checked_in')) return false;
  if (row.starts_at.getTime() < Date.now()) return false;
  await deps.db.transaction().execute(async (tx) => {
    await appointmentsRepository.markReminded(tx, row.id, data.which);
    await remind(tx, row, data.which);
  });
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
