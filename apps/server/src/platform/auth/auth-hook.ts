import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { safeEqual } from '../crypto/tokens.ts';
import type { Db } from '../db/database.ts';
import { hasRole, type Actor, type RequestContext, type StaffActor } from './actor.ts';
import { resolveApiToken, SESSION_COOKIE, type SessionStore } from './session-store.ts';
import type { RouteAccess } from '../access/route-access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** The home device calling a `device` route (set by the monitoring module's token check). */
    device: DeviceCaller | null;
  }
}

/** A registered home device: it writes readings of one patient of one organization, nothing else. */
export interface DeviceCaller {
  readonly id: string;
  readonly orgId: string;
  readonly patientId: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the caller (cookie session or bearer token) and enforces the route's declared access rule. */
export function registerAuthHook(app: FastifyInstance, deps: { db: Db; sessions: SessionStore }) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('device', null);

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      // Routes without a declared rule are refused (the route-access test also fails on them).
      if (request.routeOptions.url === undefined) return; // 404 handler
      throw new AppError('FORBIDDEN');
    }
    if (access === 'public') return;
    if (access === 'device') {
      // Devices present their own token; the module that owns devices resolves it before the handler.
      if (!request.headers.authorization?.startsWith('Bearer ')) throw new AppError('NOT_AUTHENTICATED');
      return;
    }
    await identify(request, deps);
    enforce(request, access);
  });
}

async function identify(request: FastifyRequest, deps: { db: Db; sessions: SessionStore }) {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const actor = await resolveApiToken(deps.db, auth.slice(7).trim());
    if (!actor) throw new AppError('NOT_AUTHENTICATED');
    const scope = request.routeOptions.config.tokenScope;
    if (!scope || !actor.scopes.includes(scope)) throw new AppError('FORBIDDEN');
    request.actor = actor;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const resolved = await deps.sessions.resolve(cookie);
  if (!resolved) return;
  request.actor = resolved.actor;
  request.sessionId = resolved.sessionId;
  request.csrfToken = resolved.csrfToken;
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, resolved.csrfToken)) throw new AppError('CSRF_INVALID');
  }
}

function enforce(request: FastifyRequest, access: Exclude<RouteAccess, 'public' | 'device'>) {
  const actor = request.actor;
  if (!actor) throw new AppError('NOT_AUTHENTICATED');
  if (access === 'session') return;
  if (actor.mfa === 'required') throw new AppError('MFA_REQUIRED');
  if (actor.mfa === 'enrolment_required') throw new AppError('MFA_ENROLMENT_REQUIRED');
  switch (access) {
    case 'signed-in':
      return;
    case 'patient':
      if (actor.kind !== 'patient') throw new AppError('FORBIDDEN');
      return;
    case 'staff':
      if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
      return;
    default:
      if (!hasRole(actor, ...access.roles)) throw new AppError('FORBIDDEN');
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError('NOT_AUTHENTICATED');
  return { actor: request.actor, requestId: request.id, ip: request.ip ?? null };
}

export function staffContextOf(request: FastifyRequest): RequestContext & { actor: StaffActor } {
  const ctx = contextOf(request);
  if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  return ctx as RequestContext & { actor: StaffActor };
}
