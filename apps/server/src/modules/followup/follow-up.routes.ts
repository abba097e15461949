import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignFollowUpTask,
  CancelFollowUpTask,
  CompleteFollowUpTask,
  FollowUpRule,
  FollowUpRuleInput,
  FollowUpRuleUpdate,
  FollowUpTask,
  PatientFollowUpTask,
  Uuid,
  Worklist,
  WorklistQuery,
} from '@careloop/contracts';
import { contextOf, staffContextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { FollowUpService } from './follow-up.service.ts';
import type { FollowUpRulesService } from './follow-up-rules.service.ts';

const CARE_ROLES = { roles: ['health_manager', 'doctor', 'nurse', 'org_admin'] as const };
const RULE_READERS = { roles: ['health_manager', 'doctor', 'nurse', 'org_admin'] as const };
const RULE_EDITORS = { roles: ['org_admin'] as const };

export function followUpRoutes(tasks: FollowUpService, rules: FollowUpRulesService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['follow-up'];
    const taskParams = z.object({ taskId: Uuid });

    app.get(
      '/followup/tasks',
      {
        schema: {
          tags,
          summary: 'Follow-up worklist (due, overdue, done)',
          querystring: WorklistQuery,
          response: { 200: Worklist },
        },
        config: { access: CARE_ROLES },
      },
      async (req) => tasks.worklist(staffContextOf(req), req.query, requestLanguage(req)),
    );

    app.post(
      '/followup/tasks/:taskId/complete',
      {
        schema: {
          tags,
          summary: 'Close a task with its outcome',
          params: taskParams,
          body: CompleteFollowUpTask,
          response: { 200: FollowUpTask },
        },
        config: { access: CARE_ROLES },
      },
      async (req) => tasks.complete(staffContextOf(req), req.params.taskId, req.body, requestLanguage(req)),
    );

    app.post(
      '/followup/tasks/:taskId/assign',
      {
        schema: {
          tags,
          summary: 'Assign a task to a staff member (or unassign)',
          params: taskParams,
          body: AssignFollowUpTask,
          response: { 200: FollowUpTask },
        },
        config: { access: CARE_ROLES },
      },
      async (req) => tasks.assign(staffContextOf(req), req.params.taskId, req.body, requestLanguage(req)),
    );

    app.post(
      '/followup/tasks/:taskId/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a task, with the reason',
          params: taskParams,
          body: CancelFollowUpTask,
          response: { 200: FollowUpTask },
        },
        config: { access: CARE_ROLES },
      },
      async (req) => tasks.cancel(staffContextOf(req), req.params.taskId, req.body, requestLanguage(req)),
    );

    app.get(
      '/patients/:id/followup-tasks',
      {
        schema: {
          tags,
          summary: "A patient's follow-up tasks (patients see the advice, staff the whole task)",
          params: z.object({ id: Uuid }),
          response: { 200: z.object({ items: z.array(z.union([FollowUpTask, PatientFollowUpTask])) }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => tasks.patientTasks(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.get(
      '/followup/rules',
      {
        schema: {
          tags,
          summary: "The organization's follow-up rules",
          response: { 200: z.object({ items: z.array(FollowUpRule) }) },
        },
        config: { access: RULE_READERS },
      },
      async (req) => ({ items: await rules.list(staffContextOf(req)) }),
    );

    app.post(
      '/followup/rules',
      {
        schema: {
          tags,
          summary: 'Add a follow-up rule',
          body: FollowUpRuleInput,
          response: { 201: FollowUpRule },
        },
        config: { access: RULE_EDITORS },
      },
      async (req, reply) => reply.status(201).send(await rules.create(staffContextOf(req), req.body)),
    );

    app.patch(
      '/followup/rules/:ruleId',
      {
        schema: {
          tags,
          summary: 'Change a follow-up rule (send the version you read)',
          params: z.object({ ruleId: Uuid }),
          body: FollowUpRuleUpdate,
          response: { 200: FollowUpRule },
        },
        config: { access: RULE_EDITORS },
      },
      async (req) => rules.update(staffContextOf(req), req.params.ruleId, req.body),
    );
  };
}
