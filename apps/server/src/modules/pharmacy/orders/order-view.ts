import type { MedicationOrder } from '@careloop/contracts';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import type { Language } from '../../../platform/http/language.ts';
import type { ShipmentStatusColumn } from '../../../platform/db/schema-medication.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { ordersRepository as repo, type OrderRow } from './orders.repository.ts';

export interface DeliveryAddress {
  recipient: string;
  phone: string;
  address: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Orders as the API shows them: items, payment, shipment and its events in a fixed number of queries. */
export async function toOrders(
  db: Executor,
  crypto: FieldCrypto,
  rows: readonly OrderRow[],
  language: Language,
  options: { withStock: boolean },
): Promise<MedicationOrder[]> {
  const ids = rows.map((r) => r.id);
  const [items, payments, shipments] = await Promise.all([
    repo.items(db, ids),
    repo.payments(db, ids),
    repo.shipments(db, ids),
  ]);
  const events = await repo.shipmentEvents(
    db,
    shipments.map((s) => s.id),
  );
  return rows.map((r) => {
    const shipment = shipments.find((s) => s.order_id === r.id);
    const payment = payments.find((p) => p.order_id === r.id);
    return {
      id: r.id,
      patientId: r.patient_id,
      patientName: r.patient_name,
      prescriptionId: r.prescription_id,
      fulfilment: r.fulfilment,
      address: crypto.decryptJson<DeliveryAddress>(r.address_enc),
      amountCents: r.amount_cents,
      status: r.status,
      items: items
        .filter((i) => i.order_id === r.id)
        .map((i) => ({
          id: i.id,
          prescriptionItemId: i.prescription_item_id,
          drugId: i.drug_id,
          drugName: language === 'zh-CN' ? i.drug_name_zh : i.drug_name_en,
          quantity: i.quantity,
          packageUnit: i.package_unit,
          unitPriceCents: i.unit_price_cents,
          stock:
            options.withStock && i.on_hand !== null ? { onHand: i.on_hand, reserved: i.reserved ?? 0 } : null,
        })),
      payment: payment
        ? {
            provider: payment.provider,
            providerRef: payment.provider_ref,
            status: payment.status,
            amountCents: payment.amount_cents,
          }
        : null,
      shipment: shipment
        ? {
            courier: shipment.courier,
            trackingNo: shipment.tracking_no,
            status: shipment.status,
            events: events
              .filter((e) => e.shipment_id === shipment.id)
              .map((e) => ({
                status: e.status as ShipmentStatusColumn,
                description: e.description,
                location: e.location,
                occurredAt: e.occurred_at.toISOString(),
              })),
          }
        : null,
      steps: {
        created: r.created_at.toISOString(),
        paid: iso(r.paid_at),
        dispensed: iso(r.dispensed_at),
        shipped: iso(r.shipped_at),
        delivered: iso(r.delivered_at),
        pickedUp: iso(r.picked_up_at),
        cancelled: iso(r.cancelled_at),
        refunded: iso(r.refunded_at),
      },
      cancelReason: r.cancel_reason,
      version: r.version,
    };
  });
}
