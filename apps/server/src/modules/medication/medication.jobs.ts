import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { recordAudits } from '../../platform/audit/audit-log.ts';
import { notify, type NewNotification } from '../notifications/index.ts';
import { schedulesRepository } from './schedules.repository.ts';
import { raiseMissedDoseTasks } from './missed-doses.ts';

/** A reminder goes out for a dose that fell due within this window and is still pending. */
const REMIND_WINDOW_MINUTES = 30;
/** A pending dose this long past its time is missed (the record window for late marking runs longer, 36 h). */
export const MISSED_AFTER_HOURS = 12;

/**
 * Makes the dose rows of today and tomorrow for every active schedule in one statement, and ends finished
 * schedules. Runs every six hours; rows that exist already are left alone, so a run after a failed one catches up.
 */
export async function generateDoseEvents(deps: { db: Executor }, asOf: Date = new Date()) {
  const ended = await schedulesRepository.endFinished(deps.db, asOf);
  const created = await schedulesRepository.generateDoses(deps.db, { asOf, fromDay: 0, toDay: 1 });
  return { created, ended };
}

/**
 * Reminds the patient side of doses now due: one notification per patient and due time, however many drugs fall
 * due together, naming no drug. The doses are claimed with SKIP LOCKED, so two workers never remind twice.
 */
export async function sendDoseReminders(deps: AppDeps, now: Date = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    const due = await sql<{ patient_id: string; org_id: string; due_at: Date; doses: number }>`
      WITH claimed AS (
        UPDATE dose_events d SET reminded_at = ${now.toISOString()}::timestamptz
         WHERE d.id IN (SELECT id FROM dose_events
                         WHERE status = 'pending' AND reminded_at IS NULL
                           AND due_at <= ${now.toISOString()}::timestamptz
                           AND due_at > ${now.toISOString()}::timestamptz - make_interval(mins => ${REMIND_WINDOW_MINUTES})
                         ORDER BY due_at LIMIT 20000 FOR UPDATE SKIP LOCKED)
        RETURNING d.patient_id, d.org_id, d.due_at)
      SELECT patient_id, org_id, due_at, count(*)::int AS doses FROM claimed GROUP BY 1, 2, 3`.execute(tx);
    if (due.rows.length === 0) return 0;
    const links = await tx
      .selectFrom('patient_links')
      .select(['patient_id', 'account_id'])
      .where('patient_id', 'in', [...new Set(due.rows.map((r) => r.patient_id))])
      .where('removed_at', 'is', null)
      .execute();
    const notes: NewNotification[] = [];
    for (const d of due.rows) {
      for (const link of links) {
        if (link.patient_id !== d.patient_id) continue;
        notes.push({
          orgId: d.org_id,
          accountId: link.account_id,
          patientId: d.patient_id,
          kind: 'medication_reminder',
          titleZh: '该服药了',
          titleEn: 'Time for your medication',
          bodyZh:
            d.doses > 1
              ? `现在有 ${d.doses} 种药需要服用，服后请在“今日用药”中记录。`
              : '现在该服药了，服后请在“今日用药”中记录。',
          bodyEn:
            d.doses > 1
              ? `${d.doses} medications are due now; mark them in Today's medications.`
              : "A dose is due now; mark it in Today's medications.",
          link: '/medications/today',
          dedupeKey: `dose-reminder:${d.patient_id}:${d.due_at.toISOString()}`,
        });
      }
    }
    await notify(tx, notes);
    return notes.length;
  });
}

/** Marks doses still pending long after their time as missed, then raises tasks for missed-dose streaks. */
export async function sweepMissedDoses(deps: AppDeps, now: Date = new Date()) {
  return deps.db.transaction().execute(async (tx) => {
    const swept = await sql<{ patient_id: string; org_id: string; missed: number }>`
      WITH missed AS (
        UPDATE dose_events SET status = 'missed'
         WHERE status = 'pending'
           AND due_at < ${now.toISOString()}::timestamptz - make_interval(hours => ${MISSED_AFTER_HOURS})
        RETURNING patient_id, org_id)
      SELECT patient_id, org_id, count(*)::int AS missed FROM missed GROUP BY 1, 2`.execute(tx);
    await recordAudits(
      tx,
      null,
      swept.rows.map((r) => ({
        action: 'dose_event.missed',
        resourceType: 'dose_event',
        patientId: r.patient_id,
        orgId: r.org_id,
        detail: { count: r.missed },
      })),
    );
    const tasks = await raiseMissedDoseTasks(tx, now);
    return { missed: swept.rows.reduce((s, r) => s + r.missed, 0), tasks };
  });
}

export function medicationJobs(deps: AppDeps) {
  return [
    defineJob({
      name: 'medication.generate-doses',
      version: 1,
      schema: z.object({}).loose(),
      policy: 'stately',
      cron: '15 */6 * * *',
      handler: async () => {
        await generateDoseEvents(deps);
      },
    }),
    defineJob({
      name: 'medication.reminders',
      version: 1,
      schema: z.object({}).loose(),
      policy: 'stately',
      cron: '* * * * *',
      handler: async () => {
        await sendDoseReminders(deps);
      },
    }),
    defineJob({
      name: 'medication.sweep-missed',
      version: 1,
      schema: z.object({}).loose(),
      policy: 'stately',
      cron: '*/15 * * * *',
      handler: async () => {
        await sweepMissedDoses(deps);
      },
    }),
  ] as const;
}
