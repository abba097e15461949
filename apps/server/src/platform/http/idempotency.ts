import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const TTL_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/**
 * Idempotency-Key for POSTs a phone or device may retry: the same key from the same account within 24 hours
 * gets the first answer again and does nothing again. Only successful answers are kept, so a failed attempt can
 * be retried with the same key. Runs after the access check (the key is scoped to the signed-in account).
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    const owner = request.actor?.accountId ?? request.device?.id;
    if (request.method !== 'POST' || typeof key !== 'string' || !owner) return;
    if (!KEY_PATTERN.test(key)) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'headers.idempotency-key', message: 'invalid_format' }],
      });
    }
    const stored = await db
      .selectFrom('idempotency_keys')
      .select(['method', 'path', 'status', 'body'])
      .where('account_id', '=', owner)
      .where('key', '=', key)
      .where('created_at', '>', sql<Date>`now() - make_interval(hours => ${TTL_HOURS})`)
      .executeTakeFirst();
    if (stored) {
      if (stored.path !== request.url || stored.method !== request.method) {
        throw new AppError('CONFLICT', { detail: 'This Idempotency-Key was used for another request' });
      }
      void reply.header('idempotent-replayed', 'true');
      return reply.status(stored.status).type('application/json').send(stored.body);
    }
    request.idempotencyKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    const owner = request.actor?.accountId ?? request.device?.id;
    if (!key || !owner || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    await db
      .insertInto('idempotency_keys')
      .values({
        key,
        account_id: owner,
        method: request.method,
        path: request.url,
        status: reply.statusCode,
        body: payload,
      })
      .onConflict((oc) =>
        oc.columns(['account_id', 'key']).doUpdateSet({
          method: request.method,
          path: request.url,
          status: reply.statusCode,
          body: payload,
          created_at: new Date(),
        }),
      )
      .execute();
    return payload;
  });
}
