import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DeliveryLog,
  DeliveryLogQuery,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  Ok,
  PushSubscriptionInput,
  PushSubscriptionRemove,
  PushSubscriptionSaved,
  VapidPublicKey,
} from '@careloop/contracts';
import { contextOf, staffContextOf } from '../../platform/auth/auth-hook.ts';
import type { PreferencesService } from './preferences.service.ts';
import type { DeliveryLogService } from './delivery-log.service.ts';

const ADMINS = { roles: ['org_admin'] as const };

export function settingsRoutes(preferences: PreferencesService, log: DeliveryLogService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    app.get(
      '/me/notification-preferences',
      {
        schema: {
          tags,
          summary: 'My channels per category, quiet hours and where I can be reached',
          response: { 200: NotificationPreferences },
        },
        config: { access: 'signed-in' },
      },
      async (req) => preferences.get(contextOf(req)),
    );

    app.put(
      '/me/notification-preferences',
      {
        schema: {
          tags,
          summary: 'Change my channels per category, quiet hours or time zone (with the version read)',
          body: NotificationPreferencesUpdate,
          response: { 200: NotificationPreferences },
        },
        config: { access: 'signed-in' },
      },
      async (req) => preferences.update(contextOf(req), req.body),
    );

    app.get(
      '/notifications/vapid-public-key',
      {
        schema: {
          tags,
          summary: 'The server key a browser subscribes to web push with (applicationServerKey)',
          response: { 200: VapidPublicKey },
        },
        config: { access: 'signed-in' },
      },
      async () => preferences.vapidPublicKey(),
    );

    app.post(
      '/me/push-subscriptions',
      {
        schema: {
          tags,
          summary: "Receive web push on this device (the browser's PushSubscription)",
          body: PushSubscriptionInput,
          response: { 201: PushSubscriptionSaved },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const saved = await preferences.subscribe(
          contextOf(req),
          req.body,
          req.headers['user-agent'] ?? null,
        );
        return reply.code(201).send(saved);
      },
    );

    app.delete(
      '/me/push-subscriptions',
      {
        schema: {
          tags,
          summary: 'Stop web push on a device',
          querystring: PushSubscriptionRemove,
          response: { 200: Ok },
        },
        config: { access: 'signed-in' },
      },
      async (req) => {
        await preferences.unsubscribe(contextOf(req), req.query.endpoint);
        return { ok: true as const };
      },
    );

    app.get(
      '/notification-deliveries',
      {
        schema: {
          tags,
          summary: "The organization's delivery log (newest first)",
          querystring: DeliveryLogQuery,
          response: { 200: DeliveryLog },
        },
        config: { access: ADMINS },
      },
      async (req) => log.list(staffContextOf(req), req.query),
    );
  };
}
