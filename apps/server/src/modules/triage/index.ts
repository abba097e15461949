// The triage module's public API (智能分诊): routes and the classifier job. Free text in zh or en, red flags first,
// urgency, the top departments and their doctors; the org's classifier refines the ranking.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { KnowledgeService } from './knowledge.service.ts';
import { TriageService } from './triage.service.ts';
import { triageRoutes as routesOf } from './triage.routes.ts';

export { triageRetrainJob, retrainClassifier } from './triage.jobs.ts';

export function triageRoutes(deps: AppDeps) {
  const knowledge = new KnowledgeService(deps);
  const sessions = new TriageService(deps, knowledge);
  return async function routes(app: FastifyInstance) {
    await app.register(routesOf(sessions, knowledge));
  };
}
