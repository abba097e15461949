import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DayQuery,
  DayView,
  DepartmentNextFreeQuery,
  IsoDate,
  NextFreeQuery,
  NoShowCount,
  Ok,
  ScheduleException,
  ScheduleExceptionBody,
  ScheduleExceptionList,
  ScheduleTemplate,
  ScheduleTemplateBody,
  ScheduleTemplateList,
  ScheduleTemplateUpdate,
  SchedulingSettings,
  SlotList,
  SlotQuery,
  Uuid,
} from '@careloop/contracts';
import { contextOf, staffContextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { SchedulesService } from './schedules.service.ts';
import type { SlotsService } from './slots.service.ts';
import type { QueueService } from './queue.service.ts';

const Params = z.object({ id: Uuid });
const EDITORS = { roles: ['doctor', 'org_admin'] } as const;
const ADMIN = { roles: ['org_admin'] } as const;

/** Staff routes of schedules (templates, exceptions, settings, day view) and everyone's slot reads. */
export function schedulesRoutes(s: {
  schedules: SchedulesService;
  slots: SlotsService;
  queue: QueueService;
}) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['scheduling'];

    app.get(
      '/scheduling/settings',
      {
        schema: { tags, summary: "The org's scheduling rules", response: { 200: SchedulingSettings } },
        config: { access: 'staff' },
      },
      async (req) => s.schedules.settings(staffContextOf(req)),
    );

    app.put(
      '/scheduling/settings',
      {
        schema: {
          tags,
          summary: 'Change the scheduling rules',
          body: SchedulingSettings,
          response: { 200: SchedulingSettings },
        },
        config: { access: ADMIN },
      },
      async (req) => s.schedules.saveSettings(staffContextOf(req), req.body),
    );

    app.get(
      '/scheduling/templates',
      {
        schema: {
          tags,
          summary: "Weekly schedule templates (a doctor's, or the org's)",
          querystring: z.object({ doctorId: Uuid.optional() }),
          response: { 200: ScheduleTemplateList },
        },
        config: { access: 'staff' },
      },
      async (req) => s.schedules.templates(staffContextOf(req), req.query.doctorId, requestLanguage(req)),
    );

    app.post(
      '/scheduling/templates',
      {
        schema: {
          tags,
          summary: 'A new weekly session (409 SCHEDULE_OVERLAP when it overlaps another of the doctor)',
          body: ScheduleTemplateBody,
          response: { 201: ScheduleTemplate },
        },
        config: { access: EDITORS },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await s.schedules.createTemplate(staffContextOf(req), req.body, requestLanguage(req))),
    );

    app.put(
      '/scheduling/templates/:id',
      {
        schema: {
          tags,
          summary: 'Change a template (future sessions nobody booked follow it)',
          params: Params,
          body: ScheduleTemplateUpdate,
          response: { 200: ScheduleTemplate },
        },
        config: { access: EDITORS },
      },
      async (req) =>
        s.schedules.updateTemplate(staffContextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.delete(
      '/scheduling/templates/:id',
      {
        schema: { tags, summary: 'Retire a template', params: Params, response: { 200: Ok } },
        config: { access: EDITORS },
      },
      async (req) => {
        await s.schedules.deleteTemplate(staffContextOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/scheduling/exceptions',
      {
        schema: {
          tags,
          summary: 'Days off and changed sessions',
          querystring: z.object({
            doctorId: Uuid.optional(),
            from: IsoDate.optional(),
            to: IsoDate.optional(),
          }),
          response: { 200: ScheduleExceptionList },
        },
        config: { access: 'staff' },
      },
      async (req) =>
        s.schedules.exceptions(staffContextOf(req), {
          ...(req.query.doctorId ? { doctorId: req.query.doctorId } : {}),
          ...(req.query.from ? { from: req.query.from } : {}),
          ...(req.query.to ? { to: req.query.to } : {}),
        }),
    );

    app.post(
      '/scheduling/exceptions',
      {
        schema: {
          tags,
          summary: 'A day off (bookings cancelled, patients told) or a changed session',
          body: ScheduleExceptionBody,
          response: { 201: ScheduleException },
        },
        config: { access: EDITORS },
      },
      async (req, reply) =>
        reply.status(201).send(await s.schedules.createException(staffContextOf(req), req.body)),
    );

    app.delete(
      '/scheduling/exceptions/:id',
      {
        schema: { tags, summary: 'Withdraw an exception', params: Params, response: { 200: Ok } },
        config: { access: EDITORS },
      },
      async (req) => {
        await s.schedules.deleteException(staffContextOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/scheduling/day',
      {
        schema: {
          tags,
          summary: 'Day view: sessions with their appointments and queue',
          querystring: DayQuery,
          response: { 200: DayView },
        },
        config: { access: 'staff' },
      },
      async (req) =>
        s.queue.day(staffContextOf(req), req.query.date, req.query.doctorId, requestLanguage(req)),
    );

    app.get(
      '/scheduling/doctors/:id/slots',
      {
        schema: {
          tags,
          summary: "A doctor's slots",
          params: Params,
          querystring: SlotQuery,
          response: { 200: SlotList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.slots.forDoctor(contextOf(req), req.params.id, req.query, requestLanguage(req)),
    );

    app.get(
      '/scheduling/doctors/:id/next-free',
      {
        schema: {
          tags,
          summary: "A doctor's next free slots",
          params: Params,
          querystring: NextFreeQuery,
          response: { 200: SlotList },
        },
        config: { access: 'signed-in' },
      },
      async (req) =>
        s.slots.nextFree(
          contextOf(req),
          { doctorId: req.params.id, limit: req.query.limit, mode: req.query.mode },
          requestLanguage(req),
        ),
    );

    app.get(
      '/scheduling/next-free',
      {
        schema: {
          tags,
          summary: "The next free slots of a department's doctors",
          querystring: DepartmentNextFreeQuery,
          response: { 200: SlotList },
        },
        config: { access: 'signed-in' },
      },
      async (req) =>
        s.slots.nextFree(
          contextOf(req),
          { departmentId: req.query.departmentId, limit: req.query.limit, mode: req.query.mode },
          requestLanguage(req),
        ),
    );

    app.get(
      '/scheduling/patients/:id/no-shows',
      {
        schema: {
          tags,
          summary: "A patient's no-show count",
          params: Params,
          response: { 200: NoShowCount },
        },
        config: { access: 'staff' },
      },
      async (req) => s.queue.noShows(staffContextOf(req), req.params.id),
    );
  };
}
