// The medication module's public API (用药提醒与依从性): dose schedules started when a patient has their drugs,
// a day's doses generated ahead, reminders at each dose time, the Today list with taken / skipped / late, a sweeper
// that calls unanswered doses missed and raises follow-up tasks for streaks, adherence for the patient and the
// care team, adverse reactions and refill requests. Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { SchedulesService } from './schedules.service.ts';
import { DosesService } from './doses.service.ts';
import { ReactionsService } from './reactions.service.ts';
import { RefillsService } from './refills.service.ts';
import { medicationRoutes as routesOf } from './medication.routes.ts';

export { startSchedulesForOrder } from './schedules.service.ts';
export {
  generateDoseEvents,
  medicationJobs,
  sendDoseReminders,
  sweepMissedDoses,
} from './medication.jobs.ts';
export { schedulesRepository } from './schedules.repository.ts';

export function medicationRoutes(deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    await app.register(
      routesOf({
        schedules: new SchedulesService(deps),
        doses: new DosesService(deps),
        reactions: new ReactionsService(deps),
        refills: new RefillsService(deps),
      }),
    );
  };
}
