import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LifestyleAssessment, LifestyleHistory, LifestyleInput, Uuid } from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import type { LifestyleService } from './lifestyle.service.ts';

const PatientParams = z.object({ id: Uuid });

export function lifestyleRoutes(lifestyle: LifestyleService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['records'];

    app.get(
      '/patients/:id/lifestyle',
      {
        schema: {
          tags,
          summary: 'Lifestyle: the current assessment and the history, newest first',
          params: PatientParams,
          response: { 200: LifestyleHistory },
        },
        config: { access: 'signed-in' },
      },
      async (req) => lifestyle.history(contextOf(req), req.params.id),
    );

    app.post(
      '/patients/:id/lifestyle',
      {
        schema: {
          tags,
          summary: 'Record a lifestyle assessment (smoking, alcohol, activity, diet, sleep)',
          params: PatientParams,
          body: LifestyleInput,
          response: { 201: LifestyleAssessment },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) =>
        reply.status(201).send(await lifestyle.create(contextOf(req), req.params.id, req.body)),
    );
  };
}
