import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatePrescriptionBody,
  Prescription,
  PrescriptionCheckBody,
  PrescriptionCheckResult,
  PrescriptionList,
  ReasonBody,
  RevisePrescriptionBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { PrescriptionsService } from './prescriptions.service.ts';

const PatientParams = z.object({ patientId: Uuid });
const OneParams = z.object({ patientId: Uuid, prescriptionId: Uuid });
const DOCTOR = { roles: ['doctor'] } as const;

export function prescriptionsRoutes(prescriptions: PrescriptionsService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pharmacy'];

    app.post(
      '/patients/:patientId/prescriptions/check',
      {
        schema: {
          tags,
          summary:
            "Live safety check of draft items against the patient's record (allergies, conditions, current " +
            'medications), interactions, duplicates and maximum doses; stores nothing',
          params: PatientParams,
          body: PrescriptionCheckBody,
          response: { 200: PrescriptionCheckResult },
        },
        config: { access: DOCTOR },
      },
      async (req) => prescriptions.check(contextOf(req), req.params.patientId, req.body),
    );

    app.post(
      '/patients/:patientId/prescriptions',
      {
        schema: {
          tags,
          summary:
            'Sign a prescription (care relationship required): checked again on the server; every finding needs ' +
            "an override reason on its item; it then waits for the pharmacist's review",
          params: PatientParams,
          body: CreatePrescriptionBody,
          response: { 201: Prescription },
        },
        config: { access: DOCTOR },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await prescriptions.create(contextOf(req), req.params.patientId, req.body, requestLanguage(req)),
          ),
    );

    app.get(
      '/patients/:patientId/prescriptions',
      {
        schema: {
          tags,
          summary:
            "The patient's prescriptions, newest first (care team, or the patient and proxies with view)",
          params: PatientParams,
          response: { 200: PrescriptionList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => prescriptions.list(contextOf(req), req.params.patientId, requestLanguage(req)),
    );

    app.get(
      '/patients/:patientId/prescriptions/:prescriptionId',
      {
        schema: { tags, summary: 'One prescription', params: OneParams, response: { 200: Prescription } },
        config: { access: 'signed-in' },
      },
      async (req) =>
        prescriptions.get(
          contextOf(req),
          req.params.patientId,
          req.params.prescriptionId,
          requestLanguage(req),
        ),
    );

    app.post(
      '/patients/:patientId/prescriptions/:prescriptionId/revise',
      {
        schema: {
          tags,
          summary:
            'A new signed version of a prescription waiting for review or rejected; the old one is superseded',
          params: OneParams,
          body: RevisePrescriptionBody,
          response: { 201: Prescription },
        },
        config: { access: DOCTOR },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await prescriptions.revise(
              contextOf(req),
              req.params.patientId,
              req.params.prescriptionId,
              req.body,
              requestLanguage(req),
            ),
          ),
    );

    app.post(
      '/patients/:patientId/prescriptions/:prescriptionId/cancel',
      {
        schema: {
          tags,
          summary: 'The prescriber withdraws a prescription waiting for review or rejected',
          params: OneParams,
          body: ReasonBody,
          response: { 200: Prescription },
        },
        config: { access: DOCTOR },
      },
      async (req) =>
        prescriptions.cancel(
          contextOf(req),
          req.params.patientId,
          req.params.prescriptionId,
          req.body.reason,
          requestLanguage(req),
        ),
    );
  };
}
