import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptInvitation,
  CreateInvitation,
  CreatedInvitation,
  Department,
  DepartmentInput,
  Invitation,
  Ok,
  Organization,
  OrganizationInput,
  Staff,
  StaffRole,
  StaffUpdate,
  Uuid,
} from '@careloop/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { staffContextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import { OrgsService } from './orgs.service.ts';

export function orgsRoutes(deps: AppDeps) {
  const orgs = new OrgsService(deps);
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['organizations'];
    const admin = { access: { roles: ['org_admin'] as const } };

    app.get(
      '/departments',
      {
        schema: {
          tags,
          summary: 'Departments of the organization',
          response: { 200: z.object({ items: z.array(Department) }) },
        },
        config: { access: 'staff' },
      },
      async (req) => ({ items: await orgs.departments(staffContextOf(req)) }),
    );

    app.post(
      '/departments',
      {
        schema: {
          tags,
          summary: 'Create a department',
          body: DepartmentInput,
          response: { 201: Department },
        },
        config: admin,
      },
      async (req, reply) =>
        reply.status(201).send(await orgs.createDepartment(staffContextOf(req), req.body)),
    );

    app.patch(
      '/departments/:id',
      {
        schema: {
          tags,
          summary: 'Update a department',
          params: z.object({ id: Uuid }),
          body: DepartmentInput.partial(),
          response: { 200: Department },
        },
        config: admin,
      },
      async (req) => orgs.updateDepartment(staffContextOf(req), req.params.id, req.body),
    );

    app.get(
      '/staff',
      {
        schema: {
          tags,
          summary: 'Staff of the organization',
          querystring: z.object({ departmentId: Uuid.optional(), role: StaffRole.optional() }),
          response: { 200: z.object({ items: z.array(Staff) }) },
        },
        config: { access: 'staff' },
      },
      async (req) => ({ items: await orgs.staff(staffContextOf(req), req.query) }),
    );

    app.patch(
      '/staff/:id',
      {
        schema: {
          tags,
          summary: 'Change roles, department, title or active',
          params: z.object({ id: Uuid }),
          body: StaffUpdate,
          response: { 200: Ok },
        },
        config: admin,
      },
      async (req) => {
        await orgs.updateStaff(staffContextOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/invitations',
      {
        schema: {
          tags,
          summary: 'Staff invitations',
          response: { 200: z.object({ items: z.array(Invitation) }) },
        },
        config: admin,
      },
      async (req) => ({ items: await orgs.invitations(staffContextOf(req)) }),
    );

    app.post(
      '/invitations',
      {
        schema: {
          tags,
          summary: 'Invite a staff member by email',
          body: CreateInvitation,
          response: { 201: CreatedInvitation },
        },
        config: admin,
      },
      async (req, reply) =>
        reply.status(201).send(await orgs.invite(staffContextOf(req), req.body, requestLanguage(req))),
    );

    app.post(
      '/invitations/accept',
      {
        schema: {
          tags,
          summary: 'Accept an invitation and set a password',
          body: AcceptInvitation,
          response: { 200: Ok },
        },
        config: { access: 'public', rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      },
      async (req) => {
        await orgs.acceptInvitation(req.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/organizations',
      {
        schema: {
          tags,
          summary: 'Organizations (tenants) on this platform',
          response: { 200: z.object({ items: z.array(Organization) }) },
        },
        config: { access: { roles: ['platform_admin'] } },
      },
      async () => ({ items: await orgs.organizations() }),
    );

    app.post(
      '/organizations',
      {
        schema: {
          tags,
          summary: 'Create an organization (tenant)',
          body: OrganizationInput,
          response: { 201: Organization },
        },
        config: { access: { roles: ['platform_admin'] } },
      },
      async (req, reply) =>
        reply.status(201).send(await orgs.createOrganization(staffContextOf(req), req.body)),
    );
  };
}
