import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Appointment,
  AppointmentList,
  AppointmentListQuery,
  BookBody,
  CancelAppointmentBody,
  CheckInBody,
  DeskBookBody,
  MyQueuePosition,
  QueueActionBody,
  RescheduleBody,
  SessionQueue,
  Uuid,
  WaitlistEntry,
  WaitlistJoinBody,
  WaitlistList,
  WaitlistQuery,
} from '@careloop/contracts';
import { contextOf, staffContextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { BookingService } from './booking.service.ts';
import type { QueueService } from './queue.service.ts';
import type { WaitlistService } from './waitlist.service.ts';

const Params = z.object({ id: Uuid });
const DESK = { roles: ['doctor', 'nurse', 'org_admin'] } as const;

/** Appointments (book, list, cancel, reschedule, check-in), the waitlist and the live queue. */
export function appointmentsRoutes(s: {
  booking: BookingService;
  queue: QueueService;
  waitlist: WaitlistService;
}) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['scheduling'];

    app.post(
      '/appointments',
      {
        schema: {
          tags,
          summary:
            'Book a slot for a patient profile (Idempotency-Key recommended); 409 SLOT_TAKEN when full',
          body: BookBody,
          response: { 201: Appointment },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply.status(201).send(await s.booking.book(contextOf(req), req.body, requestLanguage(req))),
    );

    app.post(
      '/scheduling/desk/appointments',
      {
        schema: {
          tags,
          summary:
            'The desk books a slot for a patient of its organization (a call or a walk-in); checkIn checks in at once',
          body: DeskBookBody,
          response: { 201: Appointment },
        },
        config: { access: DESK },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await s.booking.bookAtDesk(staffContextOf(req), req.body, requestLanguage(req))),
    );

    app.get(
      '/appointments',
      {
        schema: {
          tags,
          summary: 'My appointments (own profiles and those shared with the book scope)',
          querystring: AppointmentListQuery,
          response: { 200: AppointmentList },
        },
        config: { access: 'patient' },
      },
      async (req) => s.booking.list(contextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/appointments/:id',
      {
        schema: { tags, summary: 'One appointment', params: Params, response: { 200: Appointment } },
        config: { access: 'signed-in' },
      },
      async (req) => s.booking.get(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/appointments/:id/cancel',
      {
        schema: {
          tags,
          summary: "Cancel (patients until the org's cut-off); the place goes to the waitlist",
          params: Params,
          body: CancelAppointmentBody,
          response: { 200: Appointment },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.booking.cancel(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/appointments/:id/reschedule',
      {
        schema: {
          tags,
          summary: 'Move to another slot (before the cut-off); answers the new appointment',
          params: Params,
          body: RescheduleBody,
          response: { 200: Appointment },
        },
        config: { access: 'patient' },
      },
      async (req) => s.booking.reschedule(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/appointments/:id/check-in',
      {
        schema: {
          tags,
          summary: 'Check in: the patient within the check-in window, or staff at the desk on the day',
          params: Params,
          body: CheckInBody,
          response: { 200: Appointment },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.queue.checkIn(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );

    app.get(
      '/appointments/:id/queue',
      {
        schema: {
          tags,
          summary: 'My place in the queue and the estimated wait',
          params: Params,
          response: { 200: MyQueuePosition },
        },
        config: { access: 'patient' },
      },
      async (req) => s.queue.myPosition(contextOf(req), req.params.id),
    );

    app.post(
      '/appointments/:id/queue-action',
      {
        schema: {
          tags,
          summary: 'Queue control: call, start, done, skip, requeue, no_show',
          params: Params,
          body: QueueActionBody,
          response: { 200: Appointment },
        },
        config: { access: DESK },
      },
      async (req) => s.queue.act(staffContextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.get(
      '/scheduling/sessions/:id/queue',
      {
        schema: { tags, summary: "A session's live queue", params: Params, response: { 200: SessionQueue } },
        config: { access: 'staff' },
      },
      async (req) => s.queue.sessionQueue(staffContextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/scheduling/sessions/:id/call-next',
      {
        schema: {
          tags,
          summary: 'Call the next waiting patient (409 QUEUE_EMPTY when nobody waits)',
          params: Params,
          response: { 200: SessionQueue },
        },
        config: { access: DESK },
      },
      async (req) => s.queue.callNext(staffContextOf(req), req.params.id),
    );

    app.post(
      '/scheduling/waitlist',
      {
        schema: {
          tags,
          summary: "Join the waitlist of a slot, a session or a doctor's day",
          body: WaitlistJoinBody,
          response: { 201: WaitlistEntry },
        },
        config: { access: 'patient' },
      },
      async (req, reply) => reply.status(201).send(await s.waitlist.join(contextOf(req), req.body)),
    );

    app.get(
      '/scheduling/waitlist',
      {
        schema: {
          tags,
          summary: 'My waitlist entries and offers',
          querystring: WaitlistQuery,
          response: { 200: WaitlistList },
        },
        config: { access: 'patient' },
      },
      async (req) => s.waitlist.list(contextOf(req), req.query.patientId),
    );

    app.post(
      '/scheduling/waitlist/:id/accept',
      {
        schema: {
          tags,
          summary: 'Take an offered place within its window (409 WAITLIST_OFFER_GONE otherwise)',
          params: Params,
          response: { 201: Appointment },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply.status(201).send(await s.waitlist.accept(contextOf(req), req.params.id, requestLanguage(req))),
    );

    app.post(
      '/scheduling/waitlist/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Leave the waitlist or decline an offer',
          params: Params,
          response: { 200: WaitlistEntry },
        },
        config: { access: 'patient' },
      },
      async (req) => s.waitlist.cancel(contextOf(req), req.params.id),
    );
  };
}
