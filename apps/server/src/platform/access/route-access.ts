import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '@careloop/contracts';

/**
 * The access rule every route declares in `config.access`. The auth hook enforces it before the handler runs;
 * services then check the record itself (care relationship, ownership, proxy grant).
 *  - public: no sign-in (login, health checks)
 *  - session: signed in, even with two-step verification still pending (me, logout, MFA steps)
 *  - signed-in: any fully signed-in account
 *  - patient: a patient account
 *  - staff: any staff member of the active organization
 *  - { roles }: staff holding one of these roles
 *  - device: a registered home device's bearer token; the owning module's preValidation hook resolves it
 *    (request.device) and answers 401 when it names no active device
 */
export type RouteAccess =
  'public' | 'session' | 'signed-in' | 'patient' | 'staff' | 'device' | { roles: readonly StaffRole[] };

export function describeAccess(access: RouteAccess | undefined): string {
  if (access === undefined) return 'MISSING';
  return typeof access === 'string' ? access : `roles:${[...access.roles].sort().join(',')}`;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Bearer tokens may call this route when they hold this scope. */
    tokenScope?: string;
  }
}

/** For plugin-made routes that carry no personal data (built app assets, API docs): declares them public. */
export function markRoutesPublic(scope: FastifyInstance) {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), access: 'public' };
    route.schema = { ...(route.schema ?? {}), hide: true };
  });
}
