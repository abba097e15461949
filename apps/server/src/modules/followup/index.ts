// The follow-up module's public API (检后随访): rules turn stored observations into follow-up tasks for health
// managers, critical values into immediate alerts to the care team, and notify the patient.
// Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { FollowUpService } from './follow-up.service.ts';
import { FollowUpRulesService } from './follow-up-rules.service.ts';
import { followUpRoutes as routesOf } from './follow-up.routes.ts';

export { evaluateFollowUp, evaluateFollowUpMany, loadFollowUpRules } from './follow-up.evaluate.ts';
export type { FollowUpRuleSet, ObservationForRules } from './follow-up.evaluate.ts';
export { listTasksForReport } from './follow-up.service.ts';

export function followUpRoutes(deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    await app.register(routesOf(new FollowUpService(deps), new FollowUpRulesService(deps)));
  };
}
