import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateReferralBody,
  Referral,
  ReferralBookBody,
  ReferralDeclineBody,
  ReferralList,
  ReferralListQuery,
  ReferralReasonBody,
  ReferralRecord,
  ReferralReportBody,
  ReferralTargets,
  ReferralVersionBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { ReferralsService } from './referrals.service.ts';
import type { ReferralStepsService } from './referral-steps.service.ts';
import type { SharedRecordService } from './shared-record.service.ts';

const Params = z.object({ id: Uuid });
const DOCTOR = { roles: ['doctor'] } as const;

export interface ReferralServices {
  referrals: ReferralsService;
  steps: ReferralStepsService;
  record: SharedRecordService;
}

export function referralsRoutes(s: ReferralServices) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['referrals'];
    const one = { params: Params, response: { 200: Referral } };

    app.get(
      '/referrals/targets',
      {
        schema: {
          tags,
          summary: 'Organizations, departments and doctors a doctor can refer to',
          response: { 200: ReferralTargets },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.referrals.targets(contextOf(req), requestLanguage(req)),
    );

    app.post(
      '/referrals',
      {
        schema: {
          tags,
          summary: 'Refer a patient (care relationship required); the patient is asked to consent',
          body: CreateReferralBody,
          response: { 201: Referral },
        },
        config: { access: DOCTOR },
      },
      async (req, reply) => {
        const referral = await s.referrals.create(contextOf(req), req.body, requestLanguage(req));
        return reply.status(201).send(referral);
      },
    );

    app.get(
      '/referrals',
      {
        schema: {
          tags,
          summary:
            "Doctors: referrals sent (outbox) or received (inbox). Patients: their profiles' referrals",
          querystring: ReferralListQuery,
          response: { 200: ReferralList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.referrals.list(contextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/referrals/:id',
      {
        schema: { tags, summary: 'One referral with its history', ...one },
        config: { access: 'signed-in' },
      },
      async (req) => s.referrals.get(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.get(
      '/referrals/:id/record',
      {
        schema: {
          tags,
          summary:
            'The shared record: exactly the consented sections, for the receiver, while consent stands',
          params: Params,
          response: { 200: ReferralRecord },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.record.read(contextOf(req), req.params.id),
    );

    app.post(
      '/referrals/:id/consent',
      {
        schema: { tags, summary: 'The patient (or a proxy) consents', body: ReferralVersionBody, ...one },
        config: { access: 'patient' },
      },
      async (req) => s.steps.consent(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/refuse',
      {
        schema: { tags, summary: 'The patient (or a proxy) declines', body: ReferralReasonBody, ...one },
        config: { access: 'patient' },
      },
      async (req) => s.steps.refuse(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'The patient withdraws consent: the referral ends and the shared record closes',
          body: ReferralReasonBody,
          ...one,
        },
        config: { access: 'patient' },
      },
      async (req) => s.steps.withdraw(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/cancel',
      {
        schema: { tags, summary: 'The referring doctor cancels', body: ReferralReasonBody, ...one },
        config: { access: DOCTOR },
      },
      async (req) => s.steps.cancel(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/accept',
      {
        schema: {
          tags,
          summary: 'A receiver accepts (exactly one wins; a second gets 409)',
          body: ReferralVersionBody,
          ...one,
        },
        config: { access: DOCTOR },
      },
      async (req) => s.steps.accept(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/decline',
      {
        schema: { tags, summary: 'A receiver declines, with a reason', body: ReferralDeclineBody, ...one },
        config: { access: DOCTOR },
      },
      async (req) => s.steps.decline(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/book',
      {
        schema: {
          tags,
          summary: 'The accepting doctor records the visit: a planned date and a note',
          body: ReferralBookBody,
          ...one,
        },
        config: { access: DOCTOR },
      },
      async (req) => s.steps.book(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/referrals/:id/report',
      {
        schema: {
          tags,
          summary: "Report back: the outcome goes to the referring doctor and into the patient's record",
          body: ReferralReportBody,
          ...one,
        },
        config: { access: DOCTOR },
      },
      async (req) => s.steps.report(contextOf(req), req.params.id, req.body.outcome, requestLanguage(req)),
    );
  };
}
