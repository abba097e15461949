import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { FollowUpTasksTable } from '../../platform/db/schema-followup.ts';
import type { ObservationFlag } from '../../platform/db/schema-records.ts';

export interface TaskRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  patient_mrn: string;
  rule_id: string | null;
  report_id: string | null;
  title_zh: string;
  title_en: string;
  advice_zh: string;
  advice_en: string;
  kind: FollowUpTasksTable['kind'];
  priority: FollowUpTasksTable['priority'];
  department: string | null;
  status: 'open' | 'done' | 'cancelled';
  due_at: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  outcome: FollowUpTasksTable['outcome'];
  outcome_note: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  completed_by_name: string | null;
  created_at: Date;
  version: number;
  obs_id: string | null;
  obs_code: string | null;
  obs_code_system: 'loinc' | 'local' | null;
  obs_name: string | null;
  obs_value: number | null;
  obs_value_text: string | null;
  obs_unit: string | null;
  obs_flag: ObservationFlag | null;
  obs_at: Date | null;
}

const TASK_SELECT = sql`
  SELECT t.id, t.org_id, t.patient_id, p.name AS patient_name, p.mrn AS patient_mrn, t.rule_id, t.report_id,
         t.title_zh, t.title_en, t.advice_zh, t.advice_en, t.kind, t.priority, t.department, t.status, t.due_at,
         t.assignee_id, a.display_name AS assignee_name, t.outcome, t.outcome_note, t.completed_at,
         t.completed_by, c.display_name AS completed_by_name, t.created_at, t.version,
         o.id AS obs_id, o.code AS obs_code, o.code_system AS obs_code_system, o.name AS obs_name,
         o.value_num AS obs_value, o.value_text AS obs_value_text, o.unit AS obs_unit, o.flag AS obs_flag,
         o.effective_at AS obs_at
    FROM follow_up_tasks t
    JOIN patients p ON p.id = t.patient_id
    LEFT JOIN accounts a ON a.id = t.assignee_id
    LEFT JOIN accounts c ON c.id = t.completed_by
    LEFT JOIN observations o ON o.id = t.observation_id AND o.effective_at = t.observation_at
                              AND o.patient_id = t.patient_id`;

export interface TaskChange {
  status?: 'open' | 'done' | 'cancelled';
  assignee_id?: string | null;
  outcome?: FollowUpTasksTable['outcome'];
  outcome_note?: string | null;
  completed_at?: Date | null;
  completed_by?: string | null;
}

export type WorklistFilter = 'due' | 'overdue' | 'done' | 'all';

const viewCondition = (view: WorklistFilter) => {
  switch (view) {
    case 'due':
      return sql`t.status = 'open' AND t.due_at >= now()`;
    case 'overdue':
      return sql`t.status = 'open' AND t.due_at < now()`;
    case 'done':
      return sql`t.status <> 'open'`;
    case 'all':
      return sql`true`;
  }
};

/**
 * The tasks a staff member may see: of patients on their care team in their organization, or assigned to them.
 * Critical first, then by due date; done tasks newest first.
 */
export const followUpRepository = {
  async worklist(
    db: Executor,
    input: {
      orgId: string;
      staffId: string;
      view: WorklistFilter;
      mineOnly: boolean;
      patientId: string | null;
      limit: number;
      offset: number;
    },
  ): Promise<TaskRow[]> {
    const order =
      input.view === 'done'
        ? sql`t.completed_at DESC NULLS LAST, t.id DESC`
        : sql`(t.status = 'open') DESC, (t.priority = 'critical') DESC, t.due_at ASC, t.id ASC`;
    const result = await sql<TaskRow>`${TASK_SELECT}
     WHERE t.org_id = ${input.orgId}
       AND ${viewCondition(input.view)}
       AND ${
         input.mineOnly
           ? sql`t.assignee_id = ${input.staffId}`
           : sql`(t.assignee_id = ${input.staffId} OR EXISTS (
             SELECT 1 FROM care_team ct WHERE ct.patient_id = t.patient_id AND ct.staff_account_id = ${input.staffId}
                AND ct.org_id = t.org_id AND ct.removed_at IS NULL))`
       }
       AND ${input.patientId ? sql`t.patient_id = ${input.patientId}` : sql`true`}
     ORDER BY ${order}
     LIMIT ${input.limit + 1} OFFSET ${input.offset}`.execute(db);
    return result.rows;
  },

  async counts(
    db: Executor,
    input: { orgId: string; staffId: string; mineOnly: boolean; patientId: string | null },
  ): Promise<{ due: number; overdue: number; done: number }> {
    const result = await sql<{ due: string; overdue: string; done: string }>`
      SELECT count(*) FILTER (WHERE t.status = 'open' AND t.due_at >= now()) AS due,
             count(*) FILTER (WHERE t.status = 'open' AND t.due_at < now()) AS overdue,
             count(*) FILTER (WHERE t.status <> 'open') AS done
        FROM follow_up_tasks t
       WHERE t.org_id = ${input.orgId}
         AND ${
           input.mineOnly
             ? sql`t.assignee_id = ${input.staffId}`
             : sql`(t.assignee_id = ${input.staffId} OR EXISTS (
               SELECT 1 FROM care_team ct WHERE ct.patient_id = t.patient_id AND ct.staff_account_id = ${input.staffId}
                  AND ct.org_id = t.org_id AND ct.removed_at IS NULL))`
         }
         AND ${input.patientId ? sql`t.patient_id = ${input.patientId}` : sql`true`}`.execute(db);
    const row = result.rows[0];
    return { due: Number(row?.due ?? 0), overdue: Number(row?.overdue ?? 0), done: Number(row?.done ?? 0) };
  },

  async forPatient(db: Executor, patientId: string): Promise<TaskRow[]> {
    const result = await sql<TaskRow>`${TASK_SELECT}
     WHERE t.patient_id = ${patientId}
     ORDER BY (t.status = 'open') DESC, (t.priority = 'critical') DESC, t.due_at ASC
     LIMIT 200`.execute(db);
    return result.rows;
  },

  async forReport(db: Executor, reportId: string): Promise<TaskRow[]> {
    const result = await sql<TaskRow>`${TASK_SELECT}
     WHERE t.report_id = ${reportId}
     ORDER BY (t.priority = 'critical') DESC, t.due_at ASC`.execute(db);
    return result.rows;
  },

  async byId(db: Executor, orgId: string, id: string): Promise<TaskRow | undefined> {
    const result = await sql<TaskRow>`${TASK_SELECT} WHERE t.id = ${id} AND t.org_id = ${orgId}`.execute(db);
    return result.rows[0];
  },

  /** Applies a change when the version still matches; answers the rows changed (0 means someone else won). */
  async update(db: Executor, id: string, version: number, change: TaskChange): Promise<number> {
    const result = await db
      .updateTable('follow_up_tasks')
      .set((eb) => ({ ...change, updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async isStaffOfOrg(db: Executor, orgId: string, accountId: string): Promise<string | null> {
    const row = await db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('a.display_name')
      .where('m.org_id', '=', orgId)
      .where('m.account_id', '=', accountId)
      .where('m.active', '=', true)
      .where('a.active', '=', true)
      .executeTakeFirst();
    return row?.display_name ?? null;
  },
};
