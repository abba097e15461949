import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, CreateApiToken, CreatedApiToken, Ok, Uuid } from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { staffContextOf } from '../../platform/auth/auth-hook.ts';
import { ApiTokensService } from './api-tokens.service.ts';

export function apiTokenRoutes(deps: AppDeps) {
  const tokens = new ApiTokensService(deps);
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['identity'];

    app.get(
      '/api-tokens',
      {
        schema: {
          tags,
          summary: 'Own API tokens',
          response: { 200: z.object({ items: z.array(ApiToken) }) },
        },
        config: { access: 'staff' },
      },
      async (req) => ({ items: await tokens.list(staffContextOf(req)) }),
    );

    app.post(
      '/api-tokens',
      {
        schema: {
          tags,
          summary: 'Create an API token (the secret is shown once)',
          body: CreateApiToken,
          response: { 201: CreatedApiToken },
        },
        config: { access: 'staff' },
      },
      async (req, reply) => reply.status(201).send(await tokens.create(staffContextOf(req), req.body)),
    );

    app.post(
      '/api-tokens/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke an API token',
          params: z.object({ id: Uuid }),
          response: { 200: Ok },
        },
        config: { access: 'staff' },
      },
      async (req) => {
        await tokens.revoke(staffContextOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
}
