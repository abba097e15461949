// The scheduling module's public API (预约挂号与候诊): doctors' schedules become sessions and slots; patients (or
// a proxy with the book scope) book, cancel and reschedule; a waitlist takes freed places; arrivals check in and
// watch the live queue of their doctor's session. Other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { SchedulesService } from './schedules.service.ts';
import { SlotsService } from './slots.service.ts';
import { BookingService } from './booking.service.ts';
import { QueueService } from './queue.service.ts';
import { WaitlistService } from './waitlist.service.ts';
import { schedulesRoutes } from './schedules.routes.ts';
import { appointmentsRoutes } from './appointments.routes.ts';
import {
  appointmentReminderJob,
  offerExpiryJob,
  reminderSweepJob,
  sessionGenerationJob,
} from './scheduling.jobs.ts';
import { noShowJob } from './no-show.job.ts';

export { SlotsService } from './slots.service.ts';
export { generateAllSessions, sendDueReminders, sendReminder } from './scheduling.jobs.ts';
export { expireOffers } from './waitlist-offers.ts';
export { markNoShows } from './no-show.job.ts';
export { bookSlotInTransaction, releaseAppointment } from './booking.service.ts';

export function schedulingRoutes(deps: AppDeps) {
  const booking = new BookingService(deps);
  const queue = new QueueService(deps, booking);
  const services = {
    schedules: new SchedulesService(deps),
    slots: new SlotsService(deps),
    booking,
    queue,
    waitlist: new WaitlistService(deps, booking),
  };
  return async function routes(app: FastifyInstance) {
    await app.register(schedulesRoutes(services));
    await app.register(appointmentsRoutes(services));
  };
}

/** The module's pg-boss jobs, for the runtime to register. */
export function schedulingJobs(deps: AppDeps) {
  return [
    sessionGenerationJob(deps),
    reminderSweepJob(deps),
    appointmentReminderJob(deps),
    offerExpiryJob(deps),
    noShowJob(deps),
  ] as const;
}
