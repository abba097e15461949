import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { markRoutesPublic } from '../access/route-access.ts';

const PATIENT_DIST = fileURLToPath(new URL('../../../../patient/dist/', import.meta.url));
const CONSOLE_DIST = fileURLToPath(new URL('../../../../console/dist/', import.meta.url));

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/**
 * Serves the built apps from the same origin as the API: the patient PWA at / and the console at /console/.
 * Returns the fallback used by the not-found handler: a page navigation to a client-side route gets the app's
 * index.html, so deep links and reloads work; anything else stays a 404.
 */
export async function registerStaticApps(
  app: FastifyInstance,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply | null> {
  const hasConsole = await exists(CONSOLE_DIST + 'index.html');
  const hasPatient = await exists(PATIENT_DIST + 'index.html');
  await app.register(async (scope) => {
    // Built assets are public by nature; every route in this scope says so explicitly.
    markRoutesPublic(scope);
    if (hasPatient) await scope.register(fastifyStatic, { root: PATIENT_DIST, prefix: '/' });
    if (hasConsole) {
      await scope.register(fastifyStatic, {
        root: CONSOLE_DIST,
        prefix: '/console/',
        decorateReply: !hasPatient,
      });
      scope.get('/console', (_req, reply) => reply.redirect('/console/'));
    }
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage || /^\/(api|fhir)(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path)) return null;
    if (path.startsWith('/console/') && hasConsole) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', CONSOLE_DIST);
    }
    if (!path.startsWith('/console') && hasPatient) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', PATIENT_DIST);
    }
    return null;
  };
}
