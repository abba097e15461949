export { identityRoutes } from './identity.routes.ts';
export { hashPassword } from './passwords.ts';
