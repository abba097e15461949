import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { recordAudits } from '../../platform/audit/audit-log.ts';
import { notify, type NewNotification } from '../notifications/index.ts';

/** Missed doses on this many local days running (the days before today) raise a task. */
export const MISSED_STREAK_DAYS = 3;

const TASK = {
  titleZh: '连续 3 天漏服药物',
  titleEn: 'Missed medication doses 3 days running',
  adviceZh: '患者连续 3 天有漏服的药物。请联系患者了解原因（忘记、不良反应、药已用完等），必要时告知医生。',
  adviceEn:
    'The patient missed doses on each of the last 3 days. Contact them to find out why (forgetting, side effects, ' +
    'running out) and tell the doctor if needed.',
};

/**
 * Raises a follow-up task (the health managers' worklist, assigned to the care team's health manager) for each
 * patient with a missed dose on each of the three local days before today, unless a task raised for this is still
 * open or was raised in the last three days. The task shows in the follow-up worklist like any other.
 */
export async function raiseMissedDoseTasks(tx: Executor, now: Date): Promise<number> {
  const at = now.toISOString();
  const streaks = await sql<{ patient_id: string; org_id: string }>`
    SELECT s.patient_id, s.org_id
      FROM dose_events d JOIN medication_schedules s ON s.id = d.schedule_id
     WHERE d.status = 'missed'
       AND d.due_at > ${at}::timestamptz - interval '5 days'
       AND (d.due_at AT TIME ZONE s.time_zone)::date
           BETWEEN (${at}::timestamptz AT TIME ZONE s.time_zone)::date - ${MISSED_STREAK_DAYS}::int
               AND (${at}::timestamptz AT TIME ZONE s.time_zone)::date - 1
     GROUP BY s.patient_id, s.org_id
    HAVING count(DISTINCT (d.due_at AT TIME ZONE s.time_zone)::date) = ${MISSED_STREAK_DAYS}::int
       AND NOT EXISTS (
             SELECT 1 FROM medication_schedules s2 JOIN follow_up_tasks t ON t.id = s2.missed_task_id
              WHERE s2.patient_id = s.patient_id
                AND (t.status = 'open' OR t.created_at > ${at}::timestamptz - interval '3 days'))`.execute(
    tx,
  );
  if (streaks.rows.length === 0) return 0;
  const patientIds = streaks.rows.map((r) => r.patient_id);
  const managers = await sql<{ patient_id: string; staff_account_id: string }>`
    SELECT DISTINCT ON (patient_id) patient_id, staff_account_id FROM care_team
     WHERE patient_id = ANY (${patientIds}::uuid[]) AND removed_at IS NULL AND role = 'health_manager'
     ORDER BY patient_id, created_at`.execute(tx);
  const managerOf = new Map(managers.rows.map((r) => [r.patient_id, r.staff_account_id]));
  const tasks = streaks.rows.map((r) => ({
    id: uuidv7(),
    org_id: r.org_id,
    patient_id: r.patient_id,
    rule_id: null,
    observation_id: null,
    observation_at: null,
    report_id: null,
    title_zh: TASK.titleZh,
    title_en: TASK.titleEn,
    advice_zh: TASK.adviceZh,
    advice_en: TASK.adviceEn,
    kind: 'alert' as const,
    priority: 'soon' as const,
    department: null,
    due_at: new Date(now.getTime() + 86_400_000),
    assignee_id: managerOf.get(r.patient_id) ?? null,
  }));
  await tx.insertInto('follow_up_tasks').values(tasks).execute();
  for (const t of tasks) {
    await tx
      .updateTable('medication_schedules')
      .set({ missed_task_id: t.id })
      .where('patient_id', '=', t.patient_id)
      .where('active', '=', true)
      .execute();
  }
  const notes: NewNotification[] = tasks
    .filter((t) => t.assignee_id)
    .map((t) => ({
      orgId: t.org_id,
      accountId: t.assignee_id!,
      patientId: t.patient_id,
      kind: 'task_assigned' as const,
      titleZh: `新随访任务：${TASK.titleZh}`,
      titleEn: `New follow-up task: ${TASK.titleEn}`,
      bodyZh: TASK.adviceZh,
      bodyEn: TASK.adviceEn,
      link: `/patients/${t.patient_id}?tab=followup`,
      dedupeKey: `task:${t.id}`,
    }));
  await notify(tx, notes);
  await recordAudits(
    tx,
    null,
    tasks.map((t) => ({
      action: 'followup.tasks.create',
      resourceType: 'follow_up_task',
      resourceId: t.id,
      patientId: t.patient_id,
      orgId: t.org_id,
      detail: { reason: 'missed_doses', days: MISSED_STREAK_DAYS },
    })),
  );
  return tasks.length;
}
