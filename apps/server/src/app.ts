import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './platform/deps.ts';
import { loggerOptions } from './platform/logging.ts';
import { registerErrorHandler, type PageFallback } from './platform/errors/error-handler.ts';
import { registerAuthHook } from './platform/auth/auth-hook.ts';
import { registerOperationsRoutes } from './platform/http/operations.routes.ts';
import { registerStaticApps } from './platform/http/static-apps.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { identityRoutes } from './modules/identity/index.ts';
import { orgsRoutes } from './modules/orgs/index.ts';
import { patientsRoutes } from './modules/patients/index.ts';
import { followUpRoutes } from './modules/followup/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { checkupsRoutes } from './modules/checkups/index.ts';
import { recordsRoutes } from './modules/records/index.ts';
import { monitoringModuleRoutes } from './modules/monitoring/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { consultationsRoutes } from './modules/consultations/index.ts';
import { triageRoutes } from './modules/triage/index.ts';
import { schedulingRoutes } from './modules/scheduling/index.ts';
import { referralsRoutes } from './modules/referrals/index.ts';
import { pharmacyRoutes } from './modules/pharmacy/index.ts';
import { fulfilmentRoutes } from './modules/pharmacy/fulfilment.ts';
import { medicationRoutes } from './modules/medication/index.ts';
import { uuidv7 } from './platform/db/ids.ts';
import { describeAccess, markRoutesPublic } from './platform/access/route-access.ts';
import { SESSION_COOKIE } from './platform/auth/session-store.ts';
import { securityHeaders } from './platform/http/security-headers.ts';

export interface RouteRecord {
  readonly method: string;
  readonly url: string;
  readonly access: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteRecord[];
  }
}

export interface BuildOptions {
  /** Serve the built patient app and console (off in API-only tests). */
  serveApps?: boolean;
  logger?: boolean;
}

/** The whole application as one Fastify instance; main.ts only starts it, tests build the same thing. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: config.env === 'production',
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  // Every route and its declared access rule, for the route-access test and for review. Read lazily: plugins
  // in child scopes may declare the rule in their own onRoute hooks, which run after this one.
  const routeTable: RouteRecord[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        get access() {
          const token = route.config?.tokenScope ? ` +token:${route.config.tokenScope}` : '';
          return describeAccess(route.config?.access) + token;
        },
      });
    }
  });
  app.decorate('routeTable', routeTable);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let pageFallback: PageFallback | null = null;
  registerErrorHandler(app, () => pageFallback);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Helmet's headers, the same on every answer: worked out once, set on each request (decision 0010).
  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: '1 minute',
    // Signed-in callers are limited per session, others per address.
    keyGenerator: (req) => req.cookies[SESSION_COOKIE]?.slice(0, 24) ?? req.ip,
    errorResponseBuilder: (_req, context) => {
      const error = new Error('rate limited') as Error & { statusCode: number };
      error.statusCode = context.statusCode;
      return error;
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'CareLoop API',
        version: '1',
        description: 'Doctor-patient communication and health management',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });

  registerAuthHook(app, deps);
  registerIdempotency(app, deps.db);
  registerOperationsRoutes(app, deps);

  await app.register(
    async (api) => {
      await api.register(identityRoutes(deps));
      await api.register(orgsRoutes(deps));
      await api.register(patientsRoutes(deps));
      await api.register(auditRoutes(deps));
      await api.register(followUpRoutes(deps));
      await api.register(checkupsRoutes(deps));
      await api.register(recordsRoutes(deps));
      await api.register(monitoringModuleRoutes(deps));
      await api.register(notificationsRoutes(deps));
      await api.register(consultationsRoutes(deps));
      await api.register(triageRoutes(deps));
      await api.register(schedulingRoutes(deps));
      await api.register(referralsRoutes(deps));
      await api.register(pharmacyRoutes(deps));
      await api.register(fulfilmentRoutes(deps));
      await api.register(medicationRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  if (options.serveApps) pageFallback = await registerStaticApps(app);
  return app;
}
