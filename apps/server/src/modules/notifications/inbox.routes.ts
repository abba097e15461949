import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationList, NotificationQuery, Ok, Uuid } from '@careloop/contracts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { InboxService } from './inbox.service.ts';

export function inboxRoutes(inbox: InboxService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    app.get(
      '/me/notifications',
      {
        schema: {
          tags,
          summary: 'My in-app notifications',
          querystring: NotificationQuery,
          response: { 200: NotificationList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => inbox.list(contextOf(req), req.query, requestLanguage(req)),
    );

    app.post(
      '/me/notifications/:notificationId/read',
      {
        schema: {
          tags,
          summary: 'Mark one notification read',
          params: z.object({ notificationId: Uuid }),
          response: { 200: Ok },
        },
        config: { access: 'signed-in' },
      },
      async (req) => {
        await inbox.markRead(contextOf(req), req.params.notificationId);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/notifications/read-all',
      {
        schema: {
          tags,
          summary: 'Mark all my notifications read',
          response: { 200: z.object({ ok: z.literal(true), updated: z.number().int() }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => ({ ok: true as const, updated: await inbox.markAllRead(contextOf(req)) }),
    );
  };
}
