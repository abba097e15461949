import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../platform/deps.ts';
import { fulfilmentGateways } from './gateways.ts';

const depsWith = (payments: 'dev' | 'none', courier: 'dev' | 'none') =>
  ({ config: { sessionSecret: 'x'.repeat(40), fulfilment: { payments, courier } } }) as unknown as AppDeps;

describe('fulfilment gateways', () => {
  it('without a configured provider, starting a payment or a shipment is refused with 503, never faked', async () => {
    const g = fulfilmentGateways(depsWith('none', 'none'));
    expect(g.devPayments).toBeNull();
    expect(g.devCourier).toBeNull();
    await expect(
      g.payments.createPayment({ orderId: 'o', amountCents: 100, description: 'd' }),
    ).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_NOT_CONFIGURED' });
    await expect(
      g.courier.createShipment({ orderId: 'o', parcels: 1 } as Parameters<
        typeof g.courier.createShipment
      >[0]),
    ).rejects.toMatchObject({ code: 'COURIER_NOT_CONFIGURED' });
    // Nobody can sign a callback for a provider that is not there.
    expect(g.payments.callbackSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('uses the recording dev transports where configured', () => {
    const g = fulfilmentGateways(depsWith('dev', 'dev'));
    expect(g.payments).toBe(g.devPayments);
    expect(g.courier).toBe(g.devCourier);
  });
});
