import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptBody,
  CancelBody,
  ConsultTargets,
  Consultation,
  ConsultationList,
  ConsultationListQuery,
  ConsultationMessage,
  ConsultationSettings,
  ConsultationSummaryForm,
  DeclineBody,
  DoctorProfile,
  MessagePage,
  MessagesQuery,
  Ok,
  OpenConsultationBody,
  RatingBody,
  ReceiptBody,
  SendMessageBody,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import type { ConsultationsService } from './consultations.service.ts';
import type { MessagesService } from './messages/messages.service.ts';
import type { DirectoryService } from './directory.service.ts';

const Params = z.object({ id: Uuid });
const DOCTOR = { roles: ['doctor'] } as const;
const ReceiptMarks = ReceiptBody.partial().extend({
  deliveredSeq: z.number().int().min(0).optional(),
  readSeq: z.number().int().min(0).optional(),
});

export interface ConsultationServices {
  consultations: ConsultationsService;
  messages: MessagesService;
  directory: DirectoryService;
}

export function consultationsRoutes(s: ConsultationServices) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['consultations'];

    app.get(
      '/consultations/targets',
      {
        schema: {
          tags,
          summary: 'Departments and their doctors (with ratings) a patient profile can consult',
          querystring: z.object({ patientId: Uuid }),
          response: { 200: ConsultTargets },
        },
        config: { access: 'patient' },
      },
      async (req) => s.directory.targets(contextOf(req), req.query.patientId, requestLanguage(req)),
    );

    app.get(
      '/doctors/:id',
      {
        schema: {
          tags,
          summary: "A doctor's profile: department, title, rating and recent reviews",
          params: Params,
          response: { 200: DoctorProfile },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.directory.doctor(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/consultations',
      {
        schema: {
          tags,
          summary: 'Ask a doctor or a department pool (Idempotency-Key recommended)',
          body: OpenConsultationBody,
          response: { 201: Consultation },
        },
        config: { access: 'patient' },
      },
      async (req, reply) => {
        const consultation = await s.consultations.open(contextOf(req), req.body, requestLanguage(req));
        return reply.status(201).send(consultation);
      },
    );

    app.get(
      '/consultations',
      {
        schema: {
          tags,
          summary: 'Patients: open or past consultations. Doctors: waiting (queue), mine (open) or past',
          querystring: ConsultationListQuery,
          response: { 200: ConsultationList },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.consultations.list(contextOf(req), req.query, requestLanguage(req)),
    );

    app.get(
      '/consultations/:id',
      {
        schema: { tags, summary: 'One consultation', params: Params, response: { 200: Consultation } },
        config: { access: 'signed-in' },
      },
      async (req) => s.consultations.get(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/consultations/:id/accept',
      {
        schema: {
          tags,
          summary: 'Take a waiting request (exactly one doctor wins; the others get 409)',
          params: Params,
          body: AcceptBody,
          response: { 200: Consultation },
        },
        config: { access: DOCTOR },
      },
      async (req) =>
        s.consultations.accept(contextOf(req), req.params.id, req.body.version, requestLanguage(req)),
    );

    app.post(
      '/consultations/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline a waiting request, with a reason for the patient',
          params: Params,
          body: DeclineBody,
          response: { 200: Consultation },
        },
        config: { access: DOCTOR },
      },
      async (req) =>
        s.consultations.decline(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );

    app.post(
      '/consultations/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Withdraw a request that is waiting or accepted',
          params: Params,
          body: CancelBody,
          response: { 200: Consultation },
        },
        config: { access: 'patient' },
      },
      async (req) =>
        s.consultations.cancel(contextOf(req), req.params.id, req.body.reason, requestLanguage(req)),
    );

    app.post(
      '/consultations/:id/close',
      {
        schema: {
          tags,
          summary: "Close with the doctor's summary; it becomes a telehealth encounter in the record",
          params: Params,
          body: ConsultationSummaryForm,
          response: { 200: Consultation },
        },
        config: { access: DOCTOR },
      },
      async (req) => s.consultations.close(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.post(
      '/consultations/:id/rating',
      {
        schema: {
          tags,
          summary: 'Rate a closed consultation (once)',
          params: Params,
          body: RatingBody,
          response: { 200: Consultation },
        },
        config: { access: 'patient' },
      },
      async (req) => s.consultations.rate(contextOf(req), req.params.id, req.body, requestLanguage(req)),
    );

    app.get(
      '/consultations/:id/messages',
      {
        schema: {
          tags,
          summary: 'Messages after a number (oldest first) or before one (newest first)',
          params: Params,
          querystring: MessagesQuery,
          response: { 200: MessagePage },
        },
        config: { access: 'signed-in' },
      },
      async (req) => s.messages.list(contextOf(req), req.params.id, req.query),
    );

    app.post(
      '/consultations/:id/messages',
      {
        schema: {
          tags,
          summary:
            'Send a message; the same clientId again returns the stored one (200) instead of a second (201)',
          params: Params,
          body: SendMessageBody,
          response: { 200: ConsultationMessage, 201: ConsultationMessage },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        const { message, created } = await s.messages.send(contextOf(req), req.params.id, req.body);
        return reply.status(created ? 201 : 200).send(message);
      },
    );

    app.post(
      '/consultations/:id/receipts',
      {
        schema: {
          tags,
          summary: 'Mark messages delivered to / read by the caller up to a number',
          params: Params,
          body: ReceiptMarks,
          response: { 200: Ok },
        },
        config: { access: 'signed-in' },
      },
      async (req) => {
        await s.messages.receipt(contextOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );

    app.get(
      '/admin/consultation-settings',
      {
        schema: {
          tags,
          summary: 'Follow-up days and request expiry of the organization',
          response: { 200: ConsultationSettings },
        },
        config: { access: 'staff' },
      },
      async (req) => s.directory.settings(contextOf(req)),
    );

    app.put(
      '/admin/consultation-settings',
      {
        schema: {
          tags,
          summary: 'Change follow-up days and request expiry',
          body: ConsultationSettings,
          response: { 200: ConsultationSettings },
        },
        config: { access: { roles: ['org_admin'] } },
      },
      async (req) => s.directory.saveSettings(contextOf(req), req.body),
    );
  };
}
