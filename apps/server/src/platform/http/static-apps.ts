import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
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
 * Unknown paths under each fall back to its index.html so client-side routes survive a reload.
 */
export async function registerStaticApps(app: FastifyInstance) {
  const hasConsole = await exists(CONSOLE_DIST + 'index.html');
  const hasPatient = await exists(PATIENT_DIST + 'index.html');
  await app.register(async (scope) => {
    // Built assets are public by nature; every route in this scope says so explicitly.
    markRoutesPublic(scope);
    if (hasPatient) await scope.register(fastifyStatic, { root: PATIENT_DIST, prefix: '/', wildcard: false });
    if (hasConsole) {
      await scope.register(fastifyStatic, {
        root: CONSOLE_DIST,
        prefix: '/console/',
        wildcard: false,
        decorateReply: !hasPatient,
      });
      scope.get('/console', (_req, reply) => reply.redirect('/console/'));
      scope.get('/console/*', (_req, reply) => reply.type('text/html').sendFile('index.html', CONSOLE_DIST));
    }
    if (hasPatient) {
      scope.get('/*', (req, reply) => {
        const path = req.url.split('?')[0] ?? '/';
        if (/^\/(api|fhir|console)(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path))
          return reply.callNotFound();
        return reply.type('text/html').sendFile('index.html', PATIENT_DIST);
      });
    }
  });
}
