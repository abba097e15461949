import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { AppDeps } from '../deps.ts';
import { migrationsUpToDate } from '../db/migrate.ts';
import { sendProblem } from '../errors/error-handler.ts';
import { AppError } from '../errors/app-error.ts';

/** /healthz (process alive), /readyz (database reachable and migrated), /metrics (Prometheus). */
export function registerOperationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));

  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    try {
      const migrated = await migrationsUpToDate(deps.db);
      if (!migrated)
        return sendProblem(request, reply, new AppError('UNAVAILABLE', { detail: 'migrations pending' }));
      return { status: 'ready' };
    } catch {
      return sendProblem(request, reply, new AppError('UNAVAILABLE', { detail: 'database unreachable' }));
    }
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    void reply.type(registry.contentType);
    return registry.metrics();
  });
}
