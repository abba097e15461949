import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddCareTeamMember,
  BreakGlassGrant,
  BreakGlassRequest,
  CareTeamMember,
  Ok,
  PatientInput,
  PatientProfile,
  PatientSearchQuery,
  PatientSummary,
  PatientUpdate,
  Uuid,
  pageOf,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { contextOf, staffContextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { PatientsService } from './patients.service.ts';
import type { CareTeamService } from './care-team.service.ts';

const PatientParams = z.object({ id: Uuid });
const CLINICAL_STAFF = ['doctor', 'nurse', 'health_manager', 'pharmacist', 'org_admin'] as const;

export function patientRecordRoutes(_deps: AppDeps, patients: PatientsService, careTeam: CareTeamService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['patients'];

    app.get(
      '/patients',
      {
        schema: {
          tags,
          summary: 'Search patients of the organization',
          querystring: PatientSearchQuery,
          response: { 200: pageOf(PatientSummary) },
        },
        config: { access: { roles: CLINICAL_STAFF }, tokenScope: 'patients:read' },
      },
      async (req) => patients.search(staffContextOf(req), req.query),
    );

    app.post(
      '/patients',
      {
        schema: {
          tags,
          summary: 'Register a patient',
          body: PatientInput,
          response: { 201: PatientProfile },
        },
        config: { access: { roles: ['doctor', 'nurse', 'health_manager', 'org_admin'] } },
      },
      async (req, reply) => reply.status(201).send(await patients.create(staffContextOf(req), req.body)),
    );

    app.get(
      '/patients/:id',
      {
        schema: {
          tags,
          summary: 'A patient profile',
          params: PatientParams,
          response: { 200: PatientProfile },
        },
        config: { access: 'signed-in', tokenScope: 'patients:read' },
      },
      async (req) => patients.get(contextOf(req), req.params.id),
    );

    app.patch(
      '/patients/:id',
      {
        schema: {
          tags,
          summary: 'Update a patient profile (send the version you read)',
          params: PatientParams,
          body: PatientUpdate,
          response: { 200: PatientProfile },
        },
        config: { access: 'signed-in' },
      },
      async (req) => patients.update(contextOf(req), req.params.id, req.body),
    );

    app.get(
      '/patients/:id/care-team',
      {
        schema: {
          tags,
          summary: 'The care team of a patient',
          params: PatientParams,
          response: { 200: z.object({ items: z.array(CareTeamMember) }) },
        },
        config: { access: 'signed-in' },
      },
      async (req) => ({ items: await careTeam.list(contextOf(req), req.params.id, requestLanguage(req)) }),
    );

    app.post(
      '/patients/:id/care-team',
      {
        schema: {
          tags,
          summary: 'Add a staff member to the care team',
          params: PatientParams,
          body: AddCareTeamMember,
          response: { 201: Ok },
        },
        config: { access: 'staff' },
      },
      async (req, reply) => {
        await careTeam.add(staffContextOf(req), req.params.id, req.body.staffId, req.body.role);
        return reply.status(201).send({ ok: true as const });
      },
    );

    app.delete(
      '/patients/:id/care-team/:staffId',
      {
        schema: {
          tags,
          summary: 'Remove a staff member from the care team',
          params: z.object({ id: Uuid, staffId: Uuid }),
          response: { 200: Ok },
        },
        config: { access: 'staff' },
      },
      async (req) => {
        await careTeam.remove(staffContextOf(req), req.params.id, req.params.staffId);
        return { ok: true as const };
      },
    );

    app.post(
      '/patients/:id/break-glass',
      {
        schema: {
          tags,
          summary: 'Emergency access with a written reason (audited, 4 hours)',
          params: PatientParams,
          body: BreakGlassRequest,
          response: { 201: BreakGlassGrant },
        },
        config: { access: { roles: ['doctor', 'nurse', 'health_manager'] } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await careTeam.breakGlass(staffContextOf(req), req.params.id, req.body.reason)),
    );

    app.get(
      '/break-glass',
      {
        schema: {
          tags,
          summary: 'Recent break-glass access in the organization',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ items: z.array(BreakGlassGrant) }) },
        },
        config: { access: { roles: ['org_admin'] } },
      },
      async (req) => ({ items: await careTeam.listBreakGlass(staffContextOf(req), req.query.limit) }),
    );
  };
}
