import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddGuestBody,
  CallConfig,
  CallUpdatedEvent,
  Consultation,
  InvitableList,
  Uuid,
} from '@careloop/contracts';
import { contextOf } from '../../../platform/auth/auth-hook.ts';
import { requestLanguage } from '../../../platform/http/language.ts';
import type { CallsService } from './calls.service.ts';
import type { GuestsService } from './guests.service.ts';

const Params = z.object({ id: Uuid });
const DOCTOR = { roles: ['doctor'] } as const;
/** The live call, as the realtime event describes it (a screen that opens mid-call starts from this). */
const CurrentCall = CallUpdatedEvent.omit({ type: true });

/** HTTP side of calls: ICE servers, the live call, and third parties. Signaling goes over the socket commands. */
export function callsRoutes(calls: CallsService, guests: GuestsService) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['consultations'];

    app.get(
      '/consultations/:id/call-config',
      {
        schema: {
          tags,
          summary: 'ICE servers for a call: STUN, and TURN with credentials for the caller that expire',
          params: Params,
          response: { 200: CallConfig },
        },
        config: { access: 'signed-in' },
      },
      async (req, reply) => {
        // Credentials are personal and short-lived: never cached by a proxy.
        void reply.header('cache-control', 'no-store');
        return calls.config(contextOf(req), req.params.id);
      },
    );

    app.get(
      '/consultations/:id/call',
      {
        schema: {
          tags,
          summary: 'The call ringing or going on in a consultation (404 when there is none)',
          params: Params,
          response: { 200: CurrentCall },
        },
        config: { access: 'signed-in' },
      },
      async (req) => calls.current(contextOf(req), req.params.id),
    );

    app.get(
      '/consultations/:id/invitable',
      {
        schema: {
          tags,
          summary:
            "Who the consultation's doctor may invite: the org's doctors, the patient's family and proxies",
          params: Params,
          response: { 200: InvitableList },
        },
        config: { access: DOCTOR },
      },
      async (req) => guests.invitable(contextOf(req), req.params.id, requestLanguage(req)),
    );

    app.post(
      '/consultations/:id/guests',
      {
        schema: {
          tags,
          summary: 'Add a third party (a second doctor, a family member) to the consultation and its calls',
          params: Params,
          body: AddGuestBody,
          response: { 200: Consultation },
        },
        config: { access: DOCTOR },
      },
      async (req) => guests.add(contextOf(req), req.params.id, req.body.accountId, requestLanguage(req)),
    );
  };
}
