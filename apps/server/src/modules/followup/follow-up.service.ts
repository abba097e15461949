import type {
  AssignFollowUpTask,
  CancelFollowUpTask,
  CompleteFollowUpTask,
  FollowUpTask,
  PatientFollowUpTask,
  Worklist,
  WorklistQuery,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Language } from '../../platform/http/language.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { followUpRepository as repo, type TaskChange, type TaskRow } from './follow-up.repository.ts';
import { toPatientTask, toTask } from './follow-up.mapper.ts';
import { notify } from '../notifications/index.ts';

type StaffContext = RequestContext & { actor: StaffActor };

const decodeOffset = (cursor: string | undefined): number => {
  if (!cursor) return 0;
  const n = Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'cursor', message: 'invalid_cursor' }] });
  return n;
};
const encodeOffset = (n: number) => Buffer.from(String(n), 'utf8').toString('base64url');

/** The health manager's follow-up work: the worklist, one patient's tasks, and closing the loop on each task. */
export class FollowUpService {
  constructor(private readonly deps: AppDeps) {}

  async worklist(ctx: StaffContext, query: WorklistQuery, language: Language): Promise<Worklist> {
    const offset = decodeOffset(query.cursor);
    return this.deps.db.transaction().execute(async (tx) => {
      if (query.patientId) await requirePatientAccess(tx, ctx.actor, query.patientId, 'view');
      const scope = {
        orgId: ctx.actor.orgId,
        staffId: ctx.actor.accountId,
        mineOnly: query.assignee === 'me',
        patientId: query.patientId ?? null,
      };
      const rows = await repo.worklist(tx, { ...scope, view: query.view, limit: query.limit, offset });
      const counts = await repo.counts(tx, scope);
      const page = rows.slice(0, query.limit);
      await recordAudit(tx, ctx, {
        action: 'followup.worklist.read',
        resourceType: 'follow_up_task',
        patientId: query.patientId ?? null,
        detail: { view: query.view, count: page.length },
      });
      return {
        items: page.map((r) => toTask(r, language)),
        nextCursor: rows.length > query.limit ? encodeOffset(offset + query.limit) : null,
        counts,
      };
    });
  }

  async patientTasks(
    ctx: RequestContext,
    patientId: string,
    language: Language,
  ): Promise<{ items: FollowUpTask[] } | { items: PatientFollowUpTask[] }> {
    return this.deps.db.transaction().execute(async (tx) => {
      await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.forPatient(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'followup.patient_tasks.read',
        resourceType: 'follow_up_task',
        patientId,
        detail: { count: rows.length },
      });
      return ctx.actor.kind === 'staff'
        ? { items: rows.map((r) => toTask(r, language)) }
        : { items: rows.map((r) => toPatientTask(r, language)) };
    });
  }

  async complete(ctx: StaffContext, taskId: string, body: CompleteFollowUpTask, language: Language) {
    return this.change(ctx, taskId, body.version, language, 'followup.task.complete', (task) => {
      if (task.status !== 'open') throw new AppError('CONFLICT', { detail: 'The task is already closed' });
      return {
        status: 'done' as const,
        outcome: body.outcome,
        outcome_note: body.note || null,
        completed_at: new Date(),
        completed_by: ctx.actor.accountId,
      };
    });
  }

  async cancel(ctx: StaffContext, taskId: string, body: CancelFollowUpTask, language: Language) {
    return this.change(ctx, taskId, body.version, language, 'followup.task.cancel', (task) => {
      if (task.status !== 'open') throw new AppError('CONFLICT', { detail: 'The task is already closed' });
      return {
        status: 'cancelled' as const,
        outcome_note: body.note,
        completed_at: new Date(),
        completed_by: ctx.actor.accountId,
      };
    });
  }

  async assign(ctx: StaffContext, taskId: string, body: AssignFollowUpTask, language: Language) {
    const { db } = this.deps;
    let assigneeName: string | null = null;
    if (body.assigneeId) {
      assigneeName = await repo.isStaffOfOrg(db, ctx.actor.orgId, body.assigneeId);
      if (assigneeName === null)
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'assigneeId', message: 'not_staff_of_org' }],
        });
    }
    return this.change(
      ctx,
      taskId,
      body.version,
      language,
      'followup.task.assign',
      (task) => {
        if (task.status !== 'open') throw new AppError('CONFLICT', { detail: 'The task is already closed' });
        return { assignee_id: body.assigneeId };
      },
      async (tx, task) => {
        if (!body.assigneeId || body.assigneeId === ctx.actor.accountId) return;
        await notify(tx, [
          {
            orgId: ctx.actor.orgId,
            accountId: body.assigneeId,
            patientId: task.patient_id,
            kind: 'task_assigned',
            titleZh: `新随访任务：${task.title_zh}`,
            titleEn: `New follow-up task: ${task.title_en}`,
            bodyZh: `${ctx.actor.displayName} 将随访任务分配给您（患者 ${task.patient_name}）。`,
            bodyEn: `${ctx.actor.displayName} assigned you a follow-up task (patient ${task.patient_name}).`,
            link: `/patients/${task.patient_id}?tab=followup`,
            dedupeKey: `assign:${task.id}:${task.version + 1}`,
          },
        ]);
      },
    );
  }

  /** Loads the task, checks the care relationship, applies the change if the version still matches, audits. */
  private async change(
    ctx: StaffContext,
    taskId: string,
    version: number,
    language: Language,
    action: string,
    decide: (task: TaskRow) => TaskChange,
    after?: (tx: Executor, task: TaskRow) => Promise<void>,
  ): Promise<FollowUpTask> {
    return this.deps.db.transaction().execute(async (tx) => {
      const task = await repo.byId(tx, ctx.actor.orgId, taskId);
      if (!task) throw new AppError('NOT_FOUND');
      await requirePatientAccess(tx, ctx.actor, task.patient_id, 'edit');
      if (task.version !== version)
        throw new AppError('VERSION_CONFLICT', { detail: `current version is ${task.version}` });
      const change = decide(task);
      if ((await repo.update(tx, taskId, version, change)) === 0)
        throw new AppError('VERSION_CONFLICT', { detail: 'The task changed meanwhile' });
      await after?.(tx, task);
      await recordAudit(tx, ctx, {
        action,
        resourceType: 'follow_up_task',
        resourceId: taskId,
        patientId: task.patient_id,
        detail: { fields: Object.keys(change) },
      });
      const updated = await repo.byId(tx, ctx.actor.orgId, taskId);
      if (!updated) throw new AppError('NOT_FOUND');
      return toTask(updated, language);
    });
  }
}

/** The tasks one checkup report created, for the report view; the caller has checked access to the patient. */
export async function listTasksForReport(
  tx: Executor,
  reportId: string,
  language: Language,
  audience: 'staff' | 'patient',
): Promise<FollowUpTask[] | PatientFollowUpTask[]> {
  const rows = await repo.forReport(tx, reportId);
  return audience === 'staff'
    ? rows.map((r) => toTask(r, language))
    : rows.map((r) => toPatientTask(r, language));
}
