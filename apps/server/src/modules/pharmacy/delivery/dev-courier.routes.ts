import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallbackAck } from '@careloop/contracts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RecordingCourierTransport } from '../../../platform/courier/index.ts';

const ScanBody = z.strictObject({
  trackingNo: z.string().min(1).max(60),
  status: z.enum(['in_transit', 'out_for_delivery', 'delivered', 'failed']),
  location: z.string().max(120).optional(),
});

/**
 * Outside production, with the dev courier in use, a pharmacist can make the courier report a scan: the dev
 * transport then posts the same signed callback a real courier would, through the public callback route.
 */
export function devCourierRoutes(courier: RecordingCourierTransport) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/pharmacy/dev-courier/scans',
      {
        schema: {
          tags: ['pharmacy-callbacks'],
          summary: 'Development only: the dev courier reports a scan by its signed callback',
          body: ScanBody,
          response: { 200: CallbackAck },
        },
        config: { access: { roles: ['pharmacist'] } },
      },
      async (req) => {
        const status = await courier.scan(req.body.trackingNo, req.body.status, {
          ...(req.body.location ? { location: req.body.location } : {}),
        });
        if (status === 404) throw new AppError('CALLBACK_UNKNOWN_REFERENCE');
        if (status >= 300) throw new AppError('CONFLICT');
        return { ok: true as const, duplicate: false };
      },
    );
  };
}
