import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { identityRoutes as authRoutes } from './identity.routes.ts';
import { apiTokenRoutes } from './api-tokens.routes.ts';

export { hashPassword } from './passwords.ts';

export function identityRoutes(deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    await app.register(authRoutes(deps));
    await app.register(apiTokenRoutes(deps));
  };
}
