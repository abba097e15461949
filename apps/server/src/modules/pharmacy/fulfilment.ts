// The fulfilment side of the pharmacy module (药品配送): a patient's address book, orders of approved prescriptions
// with stock reserved, payment through a provider adapter, dispensing, shipping through a courier adapter, and the
// signed callbacks of both. Registered beside the prescribing routes; other modules import only this file.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { OrdersService } from './orders/orders.service.ts';
import { AddressesService } from './orders/addresses.service.ts';
import { ordersRoutes } from './orders/orders.routes.ts';
import { DispensingService } from './dispensing/dispensing.service.ts';
import { DeliveryService } from './delivery/delivery.service.ts';
import { devCourierRoutes } from './delivery/dev-courier.routes.ts';
import { PaymentCallbacksService } from './payments/payment-callbacks.service.ts';
import { callbackRoutes } from './payments/callbacks.routes.ts';
import { fulfilmentGateways, wireDevCallbacks } from './payments/gateways.ts';
import { SIGNATURE_HEADER } from '../../platform/payments/index.ts';

export { fulfilmentGateways } from './payments/gateways.ts';

export function fulfilmentRoutes(deps: AppDeps) {
  const delivery = new DeliveryService(deps);
  const services = {
    orders: new OrdersService(deps),
    addresses: new AddressesService(deps),
    dispensing: new DispensingService(deps),
    delivery,
  };
  return async function routes(app: FastifyInstance) {
    // The dev transports "call back" through the app itself, so the signed route is the one path a payment or a
    // scan takes, in development exactly as from a provider.
    wireDevCallbacks(deps, async (path, body, signature) => {
      const res = await app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
        payload: body,
      });
      return res.statusCode;
    });
    await app.register(ordersRoutes(services));
    await app.register(callbackRoutes({ payments: new PaymentCallbacksService(deps), delivery }));
    const { devCourier } = fulfilmentGateways(deps);
    if (devCourier && deps.config.env !== 'production') await app.register(devCourierRoutes(devCourier));
  };
}
