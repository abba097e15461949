import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Adherence,
  AdherenceQuery,
  AdverseReaction,
  AdverseReactionList,
  CreateRefillBody,
  DeclineRefillBody,
  DoseEvent,
  MedicationSchedule,
  MedicationScheduleList,
  RecordDoseBody,
  RefillRequest,
  RefillRequestList,
  RenewRefillBody,
  ReportReactionBody,
  ReviewReactionBody,
  TodayDoses,
  UpdateScheduleBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { SchedulesService } from './schedules.service.ts';
import type { DosesService } from './doses.service.ts';
import type { ReactionsService } from './reactions.service.ts';
import type { RefillsService } from './refills.service.ts';

const PatientParams = z.object({ patientId: Uuid });
const IdParams = z.object({ id: Uuid });
const DOCTOR = { roles: ['doctor'] } as const;

export interface MedicationServices {
  schedules: SchedulesService;
  doses: DosesService;
  reactions: ReactionsService;
  refills: RefillsService;
}

export function medicationRoutes(s: MedicationServices) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['medication'];

    app.get(
      '/patients/:patientId/medication-schedules',
      {
        schema: {
          tags,
          summary: 'Dose schedules of the patient',
          params: PatientParams,
          response: { 200: MedicationScheduleList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.schedules.list(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.patch(
      '/medication-schedules/:id',
      {
        schema: {
          tags,
          summary: 'The patient chooses the times of day of a schedule',
          params: IdParams,
          body: UpdateScheduleBody,
          response: { 200: MedicationSchedule },
        },
        config: { access: 'patient' },
      },
      async (req) => s.schedules.updateTimes(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.get(
      '/patients/:patientId/doses/today',
      {
        schema: {
          tags,
          summary: "Today's doses (the organization's time zone)",
          params: PatientParams,
          response: { 200: TodayDoses },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.doses.today(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.post(
      '/dose-events/:id/record',
      {
        schema: {
          tags,
          summary: 'Mark a dose taken (late when over 2 h after its time) or skipped with a reason',
          params: IdParams,
          body: RecordDoseBody,
          response: { 200: DoseEvent },
        },
        config: { access: 'patient' },
      },
      async (req) => s.doses.record(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.get(
      '/patients/:patientId/adherence',
      {
        schema: {
          tags,
          summary:
            'Adherence over 7 or 30 days: overall, per medication, per day (patient side and care team)',
          params: PatientParams,
          querystring: AdherenceQuery,
          response: { 200: Adherence },
        },
        config: { access: 'signed-in' },
      },
      async (req) =>
        s.doses.adherence(contextOf(req), req.params.patientId, req.query.days, requestLanguage(req)),
    );

    app.post(
      '/patients/:patientId/adverse-reactions',
      {
        schema: {
          tags,
          summary: 'Report a reaction to a prescribed drug; the prescriber is alerted',
          params: PatientParams,
          body: ReportReactionBody,
          response: { 201: AdverseReaction },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await s.reactions.report(contextOf(req), req.params.patientId, req.body, requestLanguage(req)),
          ),
    );

    app.get(
      '/patients/:patientId/adverse-reactions',
      {
        schema: {
          tags,
          summary: "The patient's reported reactions",
          params: PatientParams,
          response: { 200: AdverseReactionList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.reactions.listForPatient(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.get(
      '/adverse-reactions',
      {
        schema: {
          tags,
          summary: 'Doctors: reactions reported against their prescriptions',
          querystring: z.object({ status: z.enum(['reported', 'all']).default('reported') }),
          response: { 200: AdverseReactionList },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.reactions.listForPrescriber(contextOf(req), req.query.status, requestLanguage(req)),
    );

    app.post(
      '/adverse-reactions/:id/review',
      {
        schema: {
          tags,
          summary:
            'Review a reaction: noted, dismissed, or added to the allergies (care relationship required)',
          params: IdParams,
          body: ReviewReactionBody,
          response: { 200: AdverseReaction },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.reactions.review(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/patients/:patientId/refill-requests',
      {
        schema: {
          tags,
          summary: 'Ask the prescriber to renew a long-term prescription',
          params: PatientParams,
          body: CreateRefillBody,
          response: { 201: RefillRequest },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await s.refills.request(contextOf(req), req.params.patientId, req.body, requestLanguage(req)),
          ),
    );

    app.get(
      '/patients/:patientId/refill-requests',
      {
        schema: {
          tags,
          summary: "The patient's refill requests",
          params: PatientParams,
          response: { 200: RefillRequestList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.refills.listForPatient(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.get(
      '/refill-requests',
      {
        schema: {
          tags,
          summary: 'Doctors: refill requests for their prescriptions',
          response: { 200: RefillRequestList },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.refills.listForPrescriber(contextOf(req), requestLanguage(req)),
    );

    app.post(
      '/refill-requests/:id/renew',
      {
        schema: {
          tags,
          summary: 'Link the renewal (a new prescription for the same patient) to the request',
          params: IdParams,
          body: RenewRefillBody,
          response: { 200: RefillRequest },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.refills.decide(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/refill-requests/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline a refill request with a reason',
          params: IdParams,
          body: DeclineRefillBody,
          response: { 200: RefillRequest },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.refills.decide(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );
  };
}
