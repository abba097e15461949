import { PaymentCallback } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import { verifySignature } from '../../../platform/payments/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { ordersRepository } from '../orders/orders.repository.ts';
import { tellPatient } from '../orders/order-notes.ts';
import { fulfilmentGateways } from './gateways.ts';

/** Parses a signed callback body: 401 when the signature is wrong, 400 when the body is not what we expect. */
export function parseSigned<T>(
  secret: string,
  raw: string,
  signature: string | undefined,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
): T {
  if (verifySignature(secret, raw, signature) !== 'ok') throw new AppError('CALLBACK_SIGNATURE_INVALID');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/**
 * A provider's word that a payment went through (or failed). Providers repeat callbacks until they see a 2xx, so
 * the same callback may arrive many times: the pending payment moves to succeeded once (a conditional UPDATE), the
 * order to paid once, and every repeat answers 200 with `duplicate: true`.
 */
export class PaymentCallbacksService {
  constructor(private readonly deps: AppDeps) {}

  async receive(provider: string, raw: string, signature: string | undefined) {
    const { payments } = fulfilmentGateways(this.deps);
    if (provider !== payments.name) throw new AppError('CALLBACK_UNKNOWN_REFERENCE');
    const body = parseSigned(payments.callbackSecret, raw, signature, PaymentCallback);
    return this.deps.db.transaction().execute(async (tx) => {
      const payment = await tx
        .updateTable('medication_payments')
        .set((eb) => ({ callbacks: eb('callbacks', '+', 1) }))
        .where('provider', '=', payments.name)
        .where('provider_ref', '=', body.providerRef)
        .returning(['id', 'order_id', 'org_id', 'status', 'amount_cents'])
        .executeTakeFirst();
      if (!payment) throw new AppError('CALLBACK_UNKNOWN_REFERENCE');
      if (payment.status !== 'pending') return { ok: true as const, duplicate: true };
      if (body.status === 'succeeded' && body.amountCents !== payment.amount_cents) {
        throw new AppError('PAYMENT_AMOUNT_MISMATCH');
      }
      const moved = await tx
        .updateTable('medication_payments')
        .set({
          status: body.status,
          succeeded_at: body.status === 'succeeded' ? new Date(body.occurredAt) : null,
        })
        .where('id', '=', payment.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return { ok: true as const, duplicate: true };
      const order = await ordersRepository.load(tx, payment.order_id, { lock: true });
      if (
        body.status === 'succeeded' &&
        order &&
        (await ordersRepository.advance(tx, order.id, ['created'], 'paid'))
      ) {
        await tellPatient(tx, order, 'paid');
      }
      await recordAudit(tx, null, {
        action: 'medication_payment.callback',
        resourceType: 'medication_order',
        resourceId: payment.order_id,
        patientId: order?.patient_id ?? null,
        orgId: payment.org_id,
        detail: { provider: payments.name, status: body.status },
      });
      return { ok: true as const, duplicate: false };
    });
  }
}
