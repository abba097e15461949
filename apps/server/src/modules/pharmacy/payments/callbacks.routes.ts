import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallbackAck } from '@careloop/contracts';
import { SIGNATURE_HEADER } from '../../../platform/payments/index.ts';
import type { PaymentCallbacksService } from './payment-callbacks.service.ts';
import type { DeliveryService } from '../delivery/delivery.service.ts';

const ProviderParams = z.object({ provider: z.string().regex(/^[a-z_]{2,20}$/) });
const CourierParams = z.object({ courier: z.string().regex(/^[a-z_]{2,20}$/) });

/**
 * Callbacks from payment providers and couriers. They carry no session: they are public routes whose body must
 * carry a valid HMAC signature over the raw bytes (401 otherwise), so this scope keeps JSON bodies as text and the
 * services verify before parsing (400 for a body that is not the expected JSON).
 */
export function callbackRoutes(s: { payments: PaymentCallbacksService; delivery: DeliveryService }) {
  return async function routes(fastify: FastifyInstance) {
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_req, body, done) => done(null, body),
    );
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pharmacy-callbacks'];
    const signature = (headers: Record<string, unknown>) => {
      const value = headers[SIGNATURE_HEADER];
      return typeof value === 'string' ? value : undefined;
    };

    app.post(
      '/payments/callbacks/:provider',
      {
        schema: {
          tags,
          summary: 'A payment provider reports a payment (signed; repeats are answered and change nothing)',
          params: ProviderParams,
          body: z.string(),
          response: { 200: CallbackAck },
        },
        config: { access: 'public' },
      },
      async (req) => s.payments.receive(req.params.provider, req.body, signature(req.headers)),
    );

    app.post(
      '/courier/callbacks/:courier',
      {
        schema: {
          tags,
          summary: 'A courier reports a scan of a shipment (signed; each event once)',
          params: CourierParams,
          body: z.string(),
          response: { 200: CallbackAck },
        },
        config: { access: 'public' },
      },
      async (req) => s.delivery.receive(req.params.courier, req.body, signature(req.headers)),
    );
  };
}
