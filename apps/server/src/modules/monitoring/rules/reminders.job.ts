// Reminders to measure (测量提醒): at each time of a patient's plan, in the organization's time zone, the patient's
// accounts get an in-app notification unless a reading of that type came in during the two hours before.
// Runs every five minutes; a reminder is keyed by patient, type, local date and time, so it is sent once.
import { sql } from 'kysely';
import { z } from 'zod';
import type { MeasurementReminder } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { notify, type NewNotification } from '../../notifications/index.ts';
import { patientAccounts } from '../alerts/raise-alerts.ts';

/** A reminder time counts as due when it fell within this many minutes before now. */
const WINDOW_MINUTES = 15;
const RECENT_MS = 2 * 3_600_000;

const TYPE_NAMES: Record<MeasurementReminder['type'], { zh: string; en: string }> = {
  'blood-pressure': { zh: '血压', en: 'blood pressure' },
  glucose: { zh: '血糖', en: 'blood glucose' },
  weight: { zh: '体重', en: 'weight' },
  'heart-rate': { zh: '心率', en: 'heart rate' },
  spo2: { zh: '血氧', en: 'oxygen saturation' },
  steps: { zh: '步数', en: 'steps' },
  sleep: { zh: '睡眠', en: 'sleep' },
  temperature: { zh: '体温', en: 'temperature' },
};

function localParts(at: Date, timeZone: string): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** Reminders due now (time of day within the window), as `HH:mm` with the local date they belong to. */
export function dueReminders(
  reminders: readonly MeasurementReminder[],
  now: Date,
  timeZone: string,
): { type: MeasurementReminder['type']; time: string; date: string }[] {
  const here = localParts(now, timeZone);
  const due: { type: MeasurementReminder['type']; time: string; date: string }[] = [];
  for (const r of reminders) {
    for (const time of r.times) {
      const [h, m] = time.split(':').map(Number) as [number, number];
      const minutes = h * 60 + m;
      const behind = here.minutes - minutes;
      if (behind >= 0 && behind < WINDOW_MINUTES) due.push({ type: r.type, time, date: here.date });
    }
  }
  return due;
}

const CODE_OF_TYPE: Record<MeasurementReminder['type'], string> = {
  'blood-pressure': '8480-6',
  glucose: '15074-8',
  weight: '29463-7',
  'heart-rate': '8867-4',
  spo2: '59408-5',
  steps: '55423-8',
  sleep: '93832-4',
  temperature: '8310-5',
};

export async function sendMeasurementReminders(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const plans = await sql<{
    patient_id: string;
    org_id: string;
    reminders: MeasurementReminder[];
    time_zone: string;
  }>`
    SELECT mp.patient_id, mp.org_id, mp.reminders, o.time_zone
      FROM monitoring_plans mp JOIN orgs o ON o.id = mp.org_id
     WHERE jsonb_array_length(mp.reminders) > 0`.execute(deps.db);
  let sent = 0;
  for (const plan of plans.rows) {
    const due = dueReminders(plan.reminders, now, plan.time_zone);
    if (due.length === 0) continue;
    const notes: NewNotification[] = [];
    const accounts = await patientAccounts(deps.db, plan.patient_id);
    for (const d of due) {
      const recent = await deps.db
        .selectFrom('observations')
        .select('id')
        .where('patient_id', '=', plan.patient_id)
        .where('code', '=', CODE_OF_TYPE[d.type])
        .where('effective_at', '>', new Date(now.getTime() - RECENT_MS))
        .where('dedupe_key', 'like', 'rd:%')
        .limit(1)
        .executeTakeFirst();
      if (recent) continue;
      const name = TYPE_NAMES[d.type];
      for (const accountId of accounts) {
        notes.push({
          orgId: plan.org_id,
          accountId,
          patientId: plan.patient_id,
          kind: 'measurement_reminder',
          titleZh: `该测${name.zh}了`,
          titleEn: `Time to measure your ${name.en}`,
          bodyZh: `按照您的监测计划，${d.time} 请测量${name.zh}并记录。`,
          bodyEn: `Your monitoring plan asks for a ${name.en} reading at ${d.time}.`,
          link: '/monitoring',
          dedupeKey: `remind:${plan.patient_id}:${d.type}:${d.date}T${d.time}`,
        });
      }
    }
    await notify(deps.db, notes);
    sent += notes.length;
  }
  return sent;
}

export function measurementRemindersJob(deps: AppDeps) {
  return defineJob({
    name: 'monitoring.reminders',
    version: 1,
    schema: z.object({}).loose(),
    policy: 'stately',
    cron: '*/5 * * * *',
    handler: async () => {
      await sendMeasurementReminders(deps);
    },
  });
}
