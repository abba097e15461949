import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import {
  RecordingPaymentTransport,
  derivedSecret,
  type CallbackPoster,
  type PaymentProvider,
} from '../../../platform/payments/index.ts';
import { RecordingCourierTransport, type CourierProvider } from '../../../platform/courier/index.ts';

export interface FulfilmentGateways {
  readonly payments: PaymentProvider;
  readonly courier: CourierProvider;
  /** The dev transports, when they are the ones in use (development, tests, the demo). */
  readonly devPayments: RecordingPaymentTransport | null;
  readonly devCourier: RecordingCourierTransport | null;
}

// One payment provider and one courier per app, whoever asks first (routes, jobs, tests). Keyed by the app's deps so
// tests that build several apps keep them apart. Only the recording dev transports exist so far: a provider
// adapter (WeChat Pay, Alipay, SF Express) implements the same interface and is chosen here from the config.
const gateways = new WeakMap<AppDeps, FulfilmentGateways>();

export function fulfilmentGateways(deps: AppDeps): FulfilmentGateways {
  let g = gateways.get(deps);
  if (!g) {
    const { fulfilment } = deps.config;
    const devPayments =
      fulfilment.payments === 'dev'
        ? new RecordingPaymentTransport(derivedSecret(deps.config.sessionSecret, 'payments:dev'))
        : null;
    const devCourier =
      fulfilment.courier === 'dev'
        ? new RecordingCourierTransport(derivedSecret(deps.config.sessionSecret, 'courier:dev'))
        : null;
    g = {
      payments: devPayments ?? notConfiguredPayments,
      courier: devCourier ?? notConfiguredCourier,
      devPayments,
      devCourier,
    };
    gateways.set(deps, g);
  }
  return g;
}

/** Wires the dev transports' callbacks to the app's own routes (in-process, through the full HTTP pipeline). */
export function wireDevCallbacks(deps: AppDeps, poster: CallbackPoster) {
  const g = fulfilmentGateways(deps);
  if (g.devPayments) g.devPayments.poster = poster;
  if (g.devCourier) g.devCourier.poster = poster;
}

/**
 * Where no provider is configured (production until one is), nothing pretends to take money or ship: starting a
 * payment or a shipment answers 503 and the order stays as it was.
 */
const notConfiguredPayments: PaymentProvider = {
  name: 'dev',
  // No callback can be signed for a provider that does not exist: a random key nobody holds.
  callbackSecret: randomBytes(32).toString('hex'),
  createPayment: () => Promise.reject(new AppError('PAYMENT_PROVIDER_NOT_CONFIGURED')),
  afterCreated: () => undefined,
  refund: () => Promise.reject(new AppError('PAYMENT_PROVIDER_NOT_CONFIGURED')),
};

const notConfiguredCourier: CourierProvider = {
  name: 'dev',
  callbackSecret: randomBytes(32).toString('hex'),
  createShipment: () => Promise.reject(new AppError('COURIER_NOT_CONFIGURED')),
};
