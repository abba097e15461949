import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApproveBody,
  Prescription,
  ReasonBody,
  ReviewItem,
  ReviewQueue,
  ReviewQueueQuery,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { ReviewService } from './review.service.ts';

const Params = z.object({ id: Uuid });
const PHARMACIST = { roles: ['pharmacist'] } as const;

export function reviewRoutes(review: ReviewService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pharmacy'];

    app.get(
      '/pharmacy/reviews',
      {
        schema: {
          tags,
          summary:
            "The organization's prescriptions to review (oldest first) or reviewed, with findings, override " +
            "reasons and the patient's allergies, conditions and current medications",
          querystring: ReviewQueueQuery,
          response: { 200: ReviewQueue },
        },
        config: { access: PHARMACIST },
      },
      async (req) => review.queue(contextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/pharmacy/reviews/:id',
      {
        schema: {
          tags,
          summary: 'One prescription to review',
          params: Params,
          response: { 200: ReviewItem },
        },
        config: { access: PHARMACIST },
      },
      async (req) => review.one(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/prescriptions/:id/approve',
      {
        schema: {
          tags,
          summary:
            "Approve (one reviewer wins; a second gets 409): the items enter the record's current medications and " +
            'the patient is told it is ready to order',
          params: Params,
          body: ApproveBody,
          response: { 200: Prescription },
        },
        config: { access: PHARMACIST },
      },
      async (req) =>
        review.approve(contextOf(req), req.params.id, req.body.note ?? null, requestLanguage(req)),
    );

    app.post(
      '/prescriptions/:id/reject',
      {
        schema: {
          tags,
          summary: 'Reject with a reason back to the prescriber (notified)',
          params: Params,
          body: ReasonBody,
          response: { 200: Prescription },
        },
        config: { access: PHARMACIST },
      },
      async (req) => review.reject(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );
  };
}
