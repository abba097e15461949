import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  StartTriageBody,
  TriageAnswerBody,
  TriageClassifierStatus,
  TriageKnowledge,
  TriageOutcomeBody,
  TriageSession,
  TriageSessionList,
  TriageSessionListQuery,
  TriageSymptomOverrideBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { TriageService } from './triage.service.ts';
import type { KnowledgeService } from './knowledge.service.ts';

const Params = z.object({ id: Uuid });
const SymptomParams = z.object({ symptomId: z.string().min(1).max(60) });
const ADMIN = { roles: ['org_admin'] } as const;
/** A triage message is at most 2,000 characters; anything much bigger is refused before parsing (413). */
const BODY_LIMIT = 16 * 1024;

export function triageRoutes(sessions: TriageService, knowledge: KnowledgeService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['triage'];

    app.post(
      '/triage/sessions',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Start triage with free text (zh or en): red flags, urgency, departments, or a follow-up question',
          body: StartTriageBody,
          response: { 201: TriageSession },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        reply.code(201);
        return sessions.start(contextOf(req), req.body, requestLanguage(req));
      },
    );

    app.get(
      '/triage/sessions',
      {
        schema: {
          tags,
          summary: "A patient's triage sessions, newest first",
          querystring: TriageSessionListQuery,
          response: { 200: TriageSessionList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => sessions.list(contextOf(req), req.query),
    );

    app.get(
      '/triage/sessions/:id',
      {
        schema: {
          tags,
          summary: 'A triage session with its messages',
          params: Params,
          response: { 200: TriageSession },
        },
        config: { access: 'signed-in' },
      },
      async (req) => sessions.get(contextOf(req), req.params.id),
    );

    app.post(
      '/triage/sessions/:id/answers',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          summary: 'Answer (or skip) the waiting follow-up question',
          params: Params,
          body: TriageAnswerBody,
          response: { 200: TriageSession },
        },
        config: { access: 'signed-in' },
      },
      async (req) => sessions.answer(contextOf(req), req.params.id, req.body),
    );

    app.post(
      '/triage/sessions/:id/outcome',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          summary:
            'Record what the patient did after triage (booked, consulted, called 120, self-care, nothing)',
          params: Params,
          body: TriageOutcomeBody,
          response: { 200: TriageSession },
        },
        config: { access: 'signed-in' },
      },
      async (req) => sessions.outcome(contextOf(req), req.params.id, req.body),
    );

    app.get(
      '/triage/knowledge',
      {
        schema: {
          tags,
          summary: "The org's triage knowledge base (repo data with its overrides)",
          response: { 200: TriageKnowledge },
        },
        config: { access: ADMIN },
      },
      async (req) => knowledge.view(contextOf(req)),
    );

    app.put(
      '/triage/knowledge/symptoms/:symptomId',
      {
        schema: {
          tags,
          summary: "Override a symptom's extra synonyms and department weights for this org",
          params: SymptomParams,
          body: TriageSymptomOverrideBody,
          response: { 200: TriageKnowledge },
        },
        config: { access: ADMIN },
      },
      async (req) => knowledge.override(contextOf(req), req.params.symptomId, req.body),
    );

    app.delete(
      '/triage/knowledge/symptoms/:symptomId',
      {
        schema: {
          tags,
          summary: "Remove the org's override of a symptom",
          params: SymptomParams,
          response: { 200: TriageKnowledge },
        },
        config: { access: ADMIN },
      },
      async (req) => knowledge.removeOverride(contextOf(req), req.params.symptomId),
    );

    app.get(
      '/triage/classifier',
      {
        schema: {
          tags,
          summary: "The org's department classifier",
          response: { 200: TriageClassifierStatus },
        },
        config: { access: ADMIN },
      },
      async (req) => knowledge.classifierStatus(contextOf(req)),
    );

    app.post(
      '/triage/classifier/retrain',
      {
        schema: {
          tags,
          summary: 'Retrain the classifier on closed consultations now',
          response: { 202: TriageClassifierStatus },
        },
        config: { access: ADMIN },
      },
      async (req, reply) => {
        reply.code(202);
        return knowledge.requestRetrain(contextOf(req));
      },
    );
  };
}
