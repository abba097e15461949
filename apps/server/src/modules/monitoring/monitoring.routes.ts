import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Alert,
  AlertAssignInput,
  AlertDetail,
  AlertListQuery,
  AlertResolveInput,
  BoardQuery,
  BoardRow,
  BoardStatus,
  EffectiveMonitoringRule,
  MonitoringPlan,
  MonitoringPlanInput,
  MonitoringRuleOverrideInput,
  MonitoringSettings,
  MonitoringSettingsInput,
  MonitoringSummary,
  MonitoringSummaryQuery,
  Uuid,
  pageOf,
} from '@careloop/contracts';
import { contextOf, staffContextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { AlertsService } from './alerts/alerts.service.ts';
import type { MonitoringSettingsService } from './alerts/settings.service.ts';
import type { BoardService } from './board/board.service.ts';
import type { SummaryService } from './board/summary.service.ts';
import type { PlanRulesService } from './rules/plan-rules.service.ts';

const CLINICAL = { roles: ['doctor', 'nurse', 'health_manager'] } as const;
const AlertParams = z.object({ alertId: Uuid });
const PatientParams = z.object({ patientId: Uuid });
const RuleParams = z.object({ patientId: Uuid, ruleKey: z.string().regex(/^[a-z0-9-]{1,60}$/) });

export interface MonitoringServices {
  alerts: AlertsService;
  settings: MonitoringSettingsService;
  board: BoardService;
  summary: SummaryService;
  planRules: PlanRulesService;
}

export function monitoringRoutes(s: MonitoringServices) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring'];

    app.get(
      '/alerts',
      {
        schema: {
          tags,
          summary: "Alerts of the caller's patients and alerts assigned to the caller, newest first",
          querystring: AlertListQuery,
          response: { 200: pageOf(Alert) },
        },
        config: { access: CLINICAL },
      },
      async (req) => s.alerts.list(staffContextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/alerts/:alertId',
      {
        schema: {
          tags,
          summary: 'One alert with the readings behind it and its history',
          params: AlertParams,
          response: { 200: AlertDetail },
        },
        config: { access: CLINICAL },
      },
      async (req) => s.alerts.get(staffContextOf(req), req.params.alertId, requestLanguage(req)),
    );

    app.post(
      '/alerts/:alertId/acknowledge',
      {
        schema: {
          tags,
          summary: 'Acknowledge an alert: it stops escalating',
          params: AlertParams,
          response: { 200: Alert },
        },
        config: { access: CLINICAL },
      },
      async (req) => s.alerts.acknowledge(staffContextOf(req), req.params.alertId, requestLanguage(req)),
    );

    app.post(
      '/alerts/:alertId/resolve',
      {
        schema: {
          tags,
          summary: 'Resolve an alert with a note and the action taken (messaging the patient tells them)',
          params: AlertParams,
          body: AlertResolveInput,
          response: { 200: Alert },
        },
        config: { access: CLINICAL },
      },
      async (req) =>
        s.alerts.resolve(staffContextOf(req), req.params.alertId, req.body, requestLanguage(req)),
    );

    app.post(
      '/alerts/:alertId/assign',
      {
        schema: {
          tags,
          summary: 'Hand an alert to another staff member of the organization',
          params: AlertParams,
          body: AlertAssignInput,
          response: { 200: Alert },
        },
        config: { access: CLINICAL },
      },
      async (req) =>
        s.alerts.assign(staffContextOf(req), req.params.alertId, req.body.accountId, requestLanguage(req)),
    );

    app.get(
      '/monitoring/board',
      {
        schema: {
          tags,
          summary: "The caller's monitored patients, most at risk first, with counts by status",
          querystring: BoardQuery.extend({ status: BoardStatus.optional() }),
          response: {
            200: pageOf(BoardRow).extend({ counts: z.record(BoardStatus, z.number().int()) }),
          },
        },
        config: { access: CLINICAL },
      },
      async (req) => s.board.board(staffContextOf(req), req.query),
    );

    app.get(
      '/monitoring/settings',
      {
        schema: {
          tags,
          summary: 'Escalation settings of the organization',
          response: { 200: MonitoringSettings },
        },
        config: { access: 'staff' },
      },
      async (req) => s.settings.get(staffContextOf(req)),
    );

    app.put(
      '/monitoring/settings',
      {
        schema: {
          tags,
          summary: 'Set how long an urgent alert may wait and who is on call',
          body: MonitoringSettingsInput,
          response: { 200: MonitoringSettings },
        },
        config: { access: { roles: ['org_admin'] } },
      },
      async (req) => s.settings.put(staffContextOf(req), req.body),
    );

    app.get(
      '/patients/:patientId/monitoring/summary',
      {
        schema: {
          tags,
          summary: 'Metrics of the home readings of the last N days (glucose with AGP, BP, weight, activity)',
          params: PatientParams,
          querystring: MonitoringSummaryQuery,
          response: { 200: MonitoringSummary },
        },
        config: { access: 'signed-in' },
      },
      async (req) =>
        s.summary.summary(contextOf(req), req.params.patientId, req.query.days, requestLanguage(req)),
    );

    app.get(
      '/patients/:patientId/monitoring/plan',
      {
        schema: {
          tags,
          summary: 'What the patient is asked to measure, and when',
          params: PatientParams,
          response: { 200: z.object({ plan: MonitoringPlan.nullable() }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.planRules.getPlan(contextOf(req), req.params.patientId),
    );

    app.put(
      '/patients/:patientId/monitoring/plan',
      {
        schema: {
          tags,
          summary: "Set the patient's monitoring plan (care team)",
          params: PatientParams,
          body: MonitoringPlanInput,
          response: { 200: MonitoringPlan },
        },
        config: { access: CLINICAL },
      },
      async (req) => s.planRules.putPlan(contextOf(req), req.params.patientId, req.body),
    );

    app.get(
      '/patients/:patientId/monitoring/rules',
      {
        schema: {
          tags,
          summary: 'The alert rules as they apply to this patient (defaults and overrides)',
          params: PatientParams,
          response: { 200: z.object({ items: z.array(EffectiveMonitoringRule) }) },
        },
        config: { access: CLINICAL },
      },
      async (req) => s.planRules.rules(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.put(
      '/patients/:patientId/monitoring/rules/:ruleKey',
      {
        schema: {
          tags,
          summary: 'Change a rule for this patient (limits, severity, off), with the reason',
          params: RuleParams,
          body: MonitoringRuleOverrideInput,
          response: { 200: EffectiveMonitoringRule },
        },
        config: { access: { roles: ['doctor'] } },
      },
      async (req) =>
        s.planRules.override(
          contextOf(req),
          req.params.patientId,
          req.params.ruleKey,
          req.body,
          requestLanguage(req),
        ),
    );

    app.delete(
      '/patients/:patientId/monitoring/rules/:ruleKey',
      {
        schema: {
          tags,
          summary: 'Return a rule to its default for this patient',
          params: RuleParams,
          response: { 200: EffectiveMonitoringRule },
        },
        config: { access: { roles: ['doctor'] } },
      },
      async (req) =>
        s.planRules.override(
          contextOf(req),
          req.params.patientId,
          req.params.ruleKey,
          null,
          requestLanguage(req),
        ),
    );
  };
}
