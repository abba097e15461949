export { orgsRoutes } from './orgs.routes.ts';
