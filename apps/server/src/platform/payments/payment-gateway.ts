import { randomUUID } from 'node:crypto';
import { signPayload } from './webhook-signature.ts';

// Payments go through a provider adapter behind one interface: the service asks for a payment and, later, a
// refund; the provider answers asynchronously with a signed callback to /api/v1/payments/callbacks/<provider>.
// The recording dev transport stands in for a real provider in development and tests: it records each call and
// "pays" by posting a signed success callback to our own callback route, exactly as a provider would.

export type PaymentProviderName = 'dev' | 'wechat_pay' | 'alipay';

export interface PaymentRequest {
  orderId: string;
  amountCents: number;
  /** What the payer sees; names no drug (a lock screen or a bank statement may show it). */
  description: string;
}

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** The secret that signs this provider's callbacks. */
  readonly callbackSecret: string;
  /** Starts a payment; the provider's reference is unique per payment. */
  createPayment(request: PaymentRequest): Promise<{ providerRef: string }>;
  /** Called once the payment row is committed (the dev transport confirms then). */
  afterCreated(providerRef: string, amountCents: number): void;
  refund(providerRef: string, amountCents: number): Promise<void>;
}

export interface RecordedPaymentCall {
  kind: 'create' | 'refund';
  providerRef: string;
  amountCents: number;
  orderId?: string;
}

/** Posts a signed callback body to the app's own callback route (set by the routes plugin). */
export type CallbackPoster = (path: string, body: string, signature: string) => Promise<number>;

export class RecordingPaymentTransport implements PaymentProvider {
  readonly name = 'dev' as const;
  readonly calls: RecordedPaymentCall[] = [];
  /** Confirm each payment by callback as soon as it is created (off in tests that deliver callbacks themselves). */
  autoConfirm = true;
  poster: CallbackPoster | null = null;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(readonly callbackSecret: string) {}

  async createPayment(request: PaymentRequest) {
    const providerRef = `dev_${randomUUID().replaceAll('-', '')}`;
    this.calls.push({
      kind: 'create',
      providerRef,
      amountCents: request.amountCents,
      orderId: request.orderId,
    });
    return { providerRef };
  }

  afterCreated(providerRef: string, amountCents: number): void {
    if (!this.autoConfirm || !this.poster) return;
    const delivery = this.deliver(providerRef, amountCents, 'succeeded').catch(() => undefined);
    this.#pending.add(delivery);
    void delivery.finally(() => this.#pending.delete(delivery));
  }

  async refund(providerRef: string, amountCents: number) {
    this.calls.push({ kind: 'refund', providerRef, amountCents });
  }

  /** The callback a provider would send; returns the HTTP status our route answered. */
  async deliver(providerRef: string, amountCents: number, status: 'succeeded' | 'failed'): Promise<number> {
    if (!this.poster) throw new Error('payment callbacks are not wired to the app');
    const body = JSON.stringify({ providerRef, status, amountCents, occurredAt: new Date().toISOString() });
    return this.poster(
      `/api/v1/payments/callbacks/${this.name}`,
      body,
      signPayload(this.callbackSecret, body),
    );
  }

  /** Waits for callbacks in flight (tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
