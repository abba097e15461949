import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PatientRecordSummary, Uuid } from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { SummaryService } from './summary.service.ts';

export function summaryRoutes(summary: SummaryService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/patients/:id/summary',
      {
        schema: {
          tags: ['records'],
          summary:
            'The patient 360 summary: active problems, allergies, medications, latest vitals and labs, abnormal items',
          params: z.object({ id: Uuid }),
          response: { 200: PatientRecordSummary },
        },
        config: { access: 'signed-in' },
      },
      async (req) => summary.summary(contextOf(req), req.params.id, requestLanguage(req)),
    );
  };
}
