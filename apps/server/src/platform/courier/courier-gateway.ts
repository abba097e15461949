import { randomInt } from 'node:crypto';
import { signPayload } from '../payments/webhook-signature.ts';
import type { CallbackPoster } from '../payments/payment-gateway.ts';

// Couriers sit behind one interface: the pharmacy books a shipment and gets a tracking number; the courier then
// reports each scan (in transit, out for delivery, delivered) by a signed callback to
// /api/v1/courier/callbacks/<courier>. The recording dev transport books shipments with generated tracking numbers
// and, when asked, sends the scans a courier would.

export type CourierName = 'dev' | 'sf_express' | 'ems';
export type CourierScan = 'in_transit' | 'out_for_delivery' | 'delivered' | 'failed';

export interface ShipmentRequest {
  orderId: string;
  /** Recipient, phone and address: sent to the courier only, never logged. */
  recipient: string;
  phone: string;
  address: string;
  parcels: number;
}

export interface CourierProvider {
  readonly name: CourierName;
  readonly callbackSecret: string;
  createShipment(request: ShipmentRequest): Promise<{ trackingNo: string }>;
}

export class RecordingCourierTransport implements CourierProvider {
  readonly name = 'dev' as const;
  readonly shipments: { orderId: string; trackingNo: string; parcels: number }[] = [];
  poster: CallbackPoster | null = null;
  #events = 0;

  constructor(readonly callbackSecret: string) {}

  async createShipment(request: ShipmentRequest) {
    const trackingNo = `CL${Date.now().toString().slice(-8)}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
    this.shipments.push({ orderId: request.orderId, trackingNo, parcels: request.parcels });
    return { trackingNo };
  }

  /** Sends the scan a courier would; returns the HTTP status our route answered. */
  async scan(
    trackingNo: string,
    status: CourierScan,
    options: { location?: string; description?: string; eventId?: string } = {},
  ): Promise<number> {
    if (!this.poster) throw new Error('courier callbacks are not wired to the app');
    this.#events += 1;
    const body = JSON.stringify({
      trackingNo,
      eventId: options.eventId ?? `${trackingNo}-${this.#events}`,
      status,
      ...(options.description ? { description: options.description } : {}),
      ...(options.location ? { location: options.location } : {}),
      occurredAt: new Date().toISOString(),
    });
    return this.poster(
      `/api/v1/courier/callbacks/${this.name}`,
      body,
      signPayload(this.callbackSecret, body),
    );
  }
}
