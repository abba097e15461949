import { CourierCallback, type MedicationOrder } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { startSchedulesForOrder } from '../../medication/index.ts';
import { ordersRepository as repo } from '../orders/orders.repository.ts';
import { pharmacistOf } from '../orders/orders.service.ts';
import { toOrders, type DeliveryAddress } from '../orders/order-view.ts';
import { tellPatient } from '../orders/order-notes.ts';
import { fulfilmentGateways } from '../payments/gateways.ts';
import { parseSigned } from '../payments/payment-callbacks.service.ts';

/** Shipping a dispensed delivery order with the courier, and the courier's scans coming back. */
export class DeliveryService {
  constructor(private readonly deps: AppDeps) {}

  async ship(
    ctx: RequestContext,
    orderId: string,
    version: number,
    language: Language,
  ): Promise<MedicationOrder> {
    const { courier } = fulfilmentGateways(this.deps);
    await this.deps.db.transaction().execute(async (tx) => {
      const order = await repo.load(tx, orderId, { lock: true });
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      pharmacistOf(ctx, order);
      if (order.version !== version) throw new AppError('VERSION_CONFLICT');
      if (order.fulfilment !== 'delivery' || order.status !== 'dispensed') throw new AppError('ORDER_STATE');
      const address = this.deps.crypto.decryptJson<DeliveryAddress>(order.address_enc)!;
      const items = await repo.items(tx, [order.id]);
      const { trackingNo } = await courier.createShipment({
        orderId: order.id,
        ...address,
        parcels: 1,
      });
      const shipmentId = uuidv7();
      await tx
        .insertInto('medication_shipments')
        .values({
          id: shipmentId,
          order_id: order.id,
          org_id: order.org_id,
          courier: courier.name,
          tracking_no: trackingNo,
        })
        .execute();
      await tx
        .insertInto('medication_shipment_events')
        .values({
          id: uuidv7(),
          shipment_id: shipmentId,
          org_id: order.org_id,
          event_id: 'booked',
          status: 'shipped',
          description: null,
          location: null,
          occurred_at: new Date(),
        })
        .execute();
      await repo.advance(tx, order.id, ['dispensed'], 'shipped');
      await recordAudit(tx, ctx, {
        action: 'medication_order.ship',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: {
          basis: 'pharmacy',
          courier: courier.name,
          packages: items.reduce((s, i) => s + i.quantity, 0),
        },
      });
      await tellPatient(tx, order, 'shipped');
    });
    const [view] = await toOrders(
      this.deps.db,
      this.deps.crypto,
      [(await repo.load(this.deps.db, orderId))!],
      language,
      {
        withStock: true,
      },
    );
    return view!;
  }

  /**
   * A courier's scan: each event is kept once (its id), the shipment takes the latest status, and "delivered" moves
   * the order to delivered and starts the patient's dose schedules.
   */
  async receive(courierName: string, raw: string, signature: string | undefined) {
    const { courier } = fulfilmentGateways(this.deps);
    if (courierName !== courier.name) throw new AppError('CALLBACK_UNKNOWN_REFERENCE');
    const body = parseSigned(courier.callbackSecret, raw, signature, CourierCallback);
    return this.deps.db.transaction().execute(async (tx) => {
      const shipment = await tx
        .selectFrom('medication_shipments')
        .select(['id', 'order_id', 'org_id', 'status'])
        .where('courier', '=', courier.name)
        .where('tracking_no', '=', body.trackingNo)
        .forUpdate()
        .executeTakeFirst();
      if (!shipment) throw new AppError('CALLBACK_UNKNOWN_REFERENCE');
      const inserted = await tx
        .insertInto('medication_shipment_events')
        .values({
          id: uuidv7(),
          shipment_id: shipment.id,
          org_id: shipment.org_id,
          event_id: body.eventId,
          status: body.status,
          description: body.description ?? null,
          location: body.location ?? null,
          occurred_at: new Date(body.occurredAt),
        })
        .onConflict((oc) => oc.columns(['shipment_id', 'event_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return { ok: true as const, duplicate: true };
      if (shipment.status !== 'delivered') {
        await tx
          .updateTable('medication_shipments')
          .set({ status: body.status, updated_at: new Date() })
          .where('id', '=', shipment.id)
          .execute();
      }
      const order = await repo.load(tx, shipment.order_id, { lock: true });
      if (
        order &&
        body.status === 'delivered' &&
        (await repo.advance(tx, order.id, ['shipped'], 'delivered'))
      ) {
        await startSchedulesForOrder(tx, order);
        await tellPatient(tx, order, 'delivered');
      }
      await recordAudit(tx, null, {
        action: 'medication_shipment.event',
        resourceType: 'medication_order',
        resourceId: shipment.order_id,
        patientId: order?.patient_id ?? null,
        orgId: shipment.org_id,
        detail: { courier: courier.name, status: body.status },
      });
      return { ok: true as const, duplicate: false };
    });
  }
}
