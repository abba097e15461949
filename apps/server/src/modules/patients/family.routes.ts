import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AccessiblePatient,
  AddFamilyMember,
  CreateProxyGrant,
  Ok,
  PatientProfile,
  ProxyGrant,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import type { FamilyService } from './family.service.ts';

export function familyRoutes(family: FamilyService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['family'];

    app.get(
      '/me/patients',
      {
        schema: {
          tags,
          summary: 'Profiles this account can act for',
          response: { 200: z.object({ items: z.array(AccessiblePatient) }) },
        },
        config: { access: 'patient' },
      },
      async (req) => ({ items: await family.listAccessible(contextOf(req)) }),
    );

    app.post(
      '/me/family-members',
      {
        schema: {
          tags,
          summary: 'Add own profile or a family member (就诊人)',
          body: AddFamilyMember,
          response: { 201: PatientProfile },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await family.addFamilyMember(contextOf(req), req.body.relationship, req.body.profile)),
    );

    app.delete(
      '/me/family-members/:patientId',
      {
        schema: {
          tags,
          summary: 'Unlink a family member',
          params: z.object({ patientId: Uuid }),
          response: { 200: Ok },
        },
        config: { access: 'patient' },
      },
      async (req) => {
        await family.removeFamilyMember(contextOf(req), req.params.patientId);
        return { ok: true as const };
      },
    );

    app.get(
      '/patients/:id/proxy-grants',
      {
        schema: {
          tags,
          summary: 'Proxy grants given for an own profile',
          params: z.object({ id: Uuid }),
          response: { 200: z.object({ items: z.array(ProxyGrant) }) },
        },
        config: { access: 'patient' },
      },
      async (req) => ({ items: await family.listGrants(contextOf(req), req.params.id) }),
    );

    app.post(
      '/patients/:id/proxy-grants',
      {
        schema: {
          tags,
          summary: 'Let another account act for this profile',
          params: z.object({ id: Uuid }),
          body: CreateProxyGrant,
          response: { 201: ProxyGrant },
        },
        config: { access: 'patient' },
      },
      async (req, reply) =>
        reply.status(201).send(await family.createGrant(contextOf(req), req.params.id, req.body)),
    );

    app.post(
      '/patients/:id/proxy-grants/:grantId/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a proxy grant',
          params: z.object({ id: Uuid, grantId: Uuid }),
          response: { 200: Ok },
        },
        config: { access: 'patient' },
      },
      async (req) => {
        await family.revokeGrant(contextOf(req), req.params.id, req.params.grantId);
        return { ok: true as const };
      },
    );

    app.get(
      '/me/proxy-grants',
      {
        schema: {
          tags,
          summary: 'Proxy grants this account received',
          response: { 200: z.object({ items: z.array(ProxyGrant) }) },
        },
        config: { access: 'patient' },
      },
      async (req) => ({ items: await family.grantsReceived(contextOf(req)) }),
    );
  };
}
