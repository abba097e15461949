import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TimelinePage, TimelineQuery, Uuid } from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { TimelineService } from './timeline.service.ts';

export function timelineRoutes(timeline: TimelineService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/patients/:id/timeline',
      {
        schema: {
          tags: ['records'],
          summary: 'Everything in the record, newest first (keyset pages; filter with kinds=a,b)',
          params: z.object({ id: Uuid }),
          querystring: TimelineQuery,
          response: { 200: TimelinePage },
        },
        config: { access: 'signed-in' },
      },
      async (req) => timeline.page(contextOf(req), req.params.id, req.query, requestLanguage(req)),
    );
  };
}
