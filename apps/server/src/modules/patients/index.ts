import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { PatientsService } from './patients.service.ts';
import { FamilyService } from './family.service.ts';
import { CareTeamService } from './care-team.service.ts';
import { patientRecordRoutes } from './patients.routes.ts';
import { familyRoutes } from './family.routes.ts';

export { PatientsService } from './patients.service.ts';

export function patientsRoutes(deps: AppDeps) {
  const patients = new PatientsService(deps);
  const family = new FamilyService(deps, patients);
  const careTeam = new CareTeamService(deps);
  return async function routes(app: FastifyInstance) {
    await app.register(patientRecordRoutes(deps, patients, careTeam));
    await app.register(familyRoutes(family));
  };
}
export { nameSearchText } from './name-search.ts';
export { careTeamRepository } from './care-team.repository.ts';
export { profileAtOrg } from './referred-profile.ts';
