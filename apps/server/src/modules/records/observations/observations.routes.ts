import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  EnteredInErrorInput,
  Observation,
  ObservationCodeList,
  ObservationInput,
  ObservationListQuery,
  ObservationPage,
  ObservationSeries,
  ObservationSeriesQuery,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { ObservationsService } from './observations.service.ts';

const PatientParams = z.object({ id: Uuid });

export function observationsRoutes(observations: ObservationsService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['records'];

    app.get(
      '/patients/:id/observations',
      {
        schema: {
          tags,
          summary: "The patient's observations, newest first (filter by code and time)",
          params: PatientParams,
          querystring: ObservationListQuery,
          response: { 200: ObservationPage },
        },
        config: { access: 'signed-in' },
      },
      async (req) => observations.list(contextOf(req), req.params.id, req.query, requestLanguage(req)),
    );

    app.get(
      '/patients/:id/observations/series',
      {
        schema: {
          tags,
          summary:
            'One item over time for a curve, with its reference band (oldest first, at most 5,000 points)',
          params: PatientParams,
          // `code` is required, but checked after access so an outsider learns nothing from a 400.
          querystring: ObservationSeriesQuery.partial({ code: true }),
          response: { 200: ObservationSeries },
        },
        config: { access: 'signed-in' },
      },
      async (req) => observations.series(contextOf(req), req.params.id, req.query, requestLanguage(req)),
    );

    app.get(
      '/patients/:id/observations/codes',
      {
        schema: {
          tags,
          summary: 'The items this patient has results for, with count and latest value',
          params: PatientParams,
          response: { 200: ObservationCodeList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => observations.codes(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/patients/:id/observations',
      {
        schema: {
          tags,
          summary: 'Add a reading (patients: self-reported; staff: clinician); converted and flagged',
          params: PatientParams,
          body: ObservationInput,
          response: { 201: Observation },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await observations.create(contextOf(req), req.params.id, req.body, requestLanguage(req))),
    );

    app.post(
      '/patients/:id/observations/:obsId/entered-in-error',
      {
        schema: {
          tags,
          summary:
            'Mark a reading as entered in error (kept for the audit trail, hidden from lists and curves)',
          params: z.object({ id: Uuid, obsId: Uuid }),
          body: EnteredInErrorInput.nullish(),
          response: { 200: Observation },
        },
        config: { access: 'signed-in' },
      },
      async (req) =>
        observations.enteredInError(
          contextOf(req),
          { patientId: req.params.id, observationId: req.params.obsId },
          req.body?.reason,
          requestLanguage(req),
        ),
    );
  };
}
