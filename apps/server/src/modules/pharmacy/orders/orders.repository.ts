import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { OrderStatusColumn } from '../../../platform/db/schema-medication.ts';

export interface OrderRow {
  id: string;
  org_id: string;
  patient_id: string;
  patient_name: string;
  prescription_id: string;
  placed_by: string;
  fulfilment: 'pickup' | 'delivery';
  address_enc: string | null;
  amount_cents: number;
  status: OrderStatusColumn;
  created_at: Date;
  paid_at: Date | null;
  dispensed_at: Date | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
  picked_up_at: Date | null;
  cancelled_at: Date | null;
  refunded_at: Date | null;
  cancel_reason: string | null;
  version: number;
}

export interface OrderItemRow {
  id: string;
  order_id: string;
  prescription_item_id: string;
  drug_id: string;
  drug_name_zh: string;
  drug_name_en: string;
  package_unit: string | null;
  quantity: number;
  unit_price_cents: number;
  on_hand: number | null;
  reserved: number | null;
}

export interface PrescriptionForOrder {
  id: string;
  org_id: string;
  patient_id: string;
  status: string;
  prescriber_account_id: string;
  long_term: boolean;
}

export interface PrescribedItem {
  id: string;
  drug_id: string;
  quantity: number;
  price_cents: number;
}

const ORDER_COLUMNS =
  sql.raw(`o.id, o.org_id, o.patient_id, p.name AS patient_name, o.prescription_id, o.placed_by,
  o.fulfilment, o.address_enc, o.amount_cents, o.status, o.created_at, o.paid_at, o.dispensed_at, o.shipped_at,
  o.delivered_at, o.picked_up_at, o.cancelled_at, o.refunded_at, o.cancel_reason, o.version`);

/** Sums quantities per drug, in drug id order, so concurrent orders lock stock rows in one order (no deadlocks). */
export function perDrug(items: readonly { drug_id: string; quantity: number }[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.drug_id, (sums.get(i.drug_id) ?? 0) + i.quantity);
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export const ordersRepository = {
  /** The prescription, locked, when it belongs to this patient (else undefined: the caller answers 404). */
  async prescriptionOfPatient(db: Executor, prescriptionId: string, patientId: string) {
    const result = await sql<PrescriptionForOrder>`
      SELECT id, org_id, patient_id, status, prescriber_account_id, long_term
        FROM prescriptions WHERE id = ${prescriptionId} AND patient_id = ${patientId} FOR UPDATE`.execute(db);
    return result.rows[0];
  },

  async prescribedItems(db: Executor, prescriptionId: string): Promise<PrescribedItem[]> {
    const result = await sql<PrescribedItem>`
      SELECT pi.id, pi.drug_id, pi.quantity, d.price_cents
        FROM prescription_items pi JOIN formulary_drugs d ON d.id = pi.drug_id
       WHERE pi.prescription_id = ${prescriptionId} ORDER BY pi.position`.execute(db);
    return result.rows;
  },

  async hasLiveOrder(db: Executor, prescriptionId: string): Promise<boolean> {
    const row = await db
      .selectFrom('medication_orders')
      .select('id')
      .where('prescription_id', '=', prescriptionId)
      .where('status', 'not in', ['cancelled', 'refunded'])
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * Reserves `quantity` packages when that many are free, in one conditional UPDATE: concurrent orders serialise on
   * the stock row, and the one that would go past what is on hand updates nothing.
   */
  async reserve(db: Executor, orgId: string, drugId: string, quantity: number): Promise<boolean> {
    const result = await sql`
      UPDATE pharmacy_stock SET reserved = reserved + ${quantity}, updated_at = now()
       WHERE org_id = ${orgId} AND drug_id = ${drugId} AND reserved + ${quantity} <= on_hand`.execute(db);
    return Number(result.numAffectedRows ?? 0) === 1;
  },

  async release(db: Executor, orgId: string, drugId: string, quantity: number): Promise<boolean> {
    const result = await sql`
      UPDATE pharmacy_stock SET reserved = reserved - ${quantity}, updated_at = now()
       WHERE org_id = ${orgId} AND drug_id = ${drugId} AND reserved >= ${quantity}`.execute(db);
    return Number(result.numAffectedRows ?? 0) === 1;
  },

  /** Dispensing takes the reserved packages off the shelf: on hand and reserved both go down, never below zero. */
  async takeFromStock(db: Executor, orgId: string, drugId: string, quantity: number): Promise<boolean> {
    const result = await sql`
      UPDATE pharmacy_stock SET on_hand = on_hand - ${quantity}, reserved = reserved - ${quantity}, updated_at = now()
       WHERE org_id = ${orgId} AND drug_id = ${drugId} AND reserved >= ${quantity} AND on_hand >= ${quantity}`.execute(
      db,
    );
    return Number(result.numAffectedRows ?? 0) === 1;
  },

  async insertOrder(
    db: Executor,
    order: {
      id: string;
      org_id: string;
      patient_id: string;
      prescription_id: string;
      placed_by: string;
      fulfilment: 'pickup' | 'delivery';
      address_enc: string | null;
      amount_cents: number;
    },
    items: {
      id: string;
      prescription_item_id: string;
      drug_id: string;
      quantity: number;
      unit_price_cents: number;
    }[],
  ) {
    await db.insertInto('medication_orders').values(order).execute();
    await db
      .insertInto('medication_order_items')
      .values(items.map((i) => ({ ...i, order_id: order.id, org_id: order.org_id })))
      .execute();
  },

  async load(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<OrderRow | undefined> {
    const result = await sql<OrderRow>`
      SELECT ${ORDER_COLUMNS} FROM medication_orders o JOIN patients p ON p.id = o.patient_id
       WHERE o.id = ${id} ${options.lock ? sql`FOR UPDATE OF o` : sql``}`.execute(db);
    return result.rows[0];
  },

  async forPatient(db: Executor, patientId: string): Promise<OrderRow[]> {
    const result = await sql<OrderRow>`
      SELECT ${ORDER_COLUMNS} FROM medication_orders o JOIN patients p ON p.id = o.patient_id
       WHERE o.patient_id = ${patientId} ORDER BY o.created_at DESC LIMIT 100`.execute(db);
    return result.rows;
  },

  /** The pharmacy's work: paid orders to dispense, dispensed ones to ship or hand over, shipped ones on the way. */
  async queue(
    db: Executor,
    orgId: string,
    status: 'paid' | 'dispensed' | 'shipped' | 'done',
  ): Promise<OrderRow[]> {
    const statuses = status === 'done' ? ['delivered', 'picked_up'] : [status];
    const result = await sql<OrderRow>`
      SELECT ${ORDER_COLUMNS} FROM medication_orders o JOIN patients p ON p.id = o.patient_id
       WHERE o.org_id = ${orgId} AND o.status = ANY (${statuses}::text[])
       ORDER BY ${status === 'done' ? sql`o.updated_at DESC` : sql`o.created_at`} LIMIT 200`.execute(db);
    return result.rows;
  },

  async items(db: Executor, orderIds: readonly string[]): Promise<OrderItemRow[]> {
    if (orderIds.length === 0) return [];
    const result = await sql<OrderItemRow>`
      SELECT i.id, i.order_id, i.prescription_item_id, i.drug_id, pi.drug_name_zh, pi.drug_name_en,
             d.package_unit, i.quantity, i.unit_price_cents, s.on_hand, s.reserved
        FROM medication_order_items i
        JOIN prescription_items pi ON pi.id = i.prescription_item_id
        JOIN formulary_drugs d ON d.id = i.drug_id
        LEFT JOIN pharmacy_stock s ON s.org_id = i.org_id AND s.drug_id = i.drug_id
       WHERE i.order_id = ANY (${orderIds}::uuid[]) ORDER BY pi.position`.execute(db);
    return result.rows;
  },

  async payments(db: Executor, orderIds: readonly string[]) {
    if (orderIds.length === 0) return [];
    return db
      .selectFrom('medication_payments')
      .select(['order_id', 'provider', 'provider_ref', 'status', 'amount_cents'])
      .where('order_id', 'in', orderIds)
      .execute();
  },

  async shipments(db: Executor, orderIds: readonly string[]) {
    if (orderIds.length === 0) return [];
    return db
      .selectFrom('medication_shipments')
      .select(['id', 'order_id', 'courier', 'tracking_no', 'status'])
      .where('order_id', 'in', orderIds)
      .execute();
  },

  async shipmentEvents(db: Executor, shipmentIds: readonly string[]) {
    if (shipmentIds.length === 0) return [];
    return db
      .selectFrom('medication_shipment_events')
      .select(['shipment_id', 'status', 'description', 'location', 'occurred_at'])
      .where('shipment_id', 'in', shipmentIds)
      .orderBy('occurred_at')
      .execute();
  },

  /** Moves the order one step when it is still in `from` (and at `version` when given); false when it was not. */
  async advance(
    db: Executor,
    id: string,
    from: readonly OrderStatusColumn[],
    to: OrderStatusColumn,
    extra: {
      version?: number;
      dispensedBy?: string;
      cancelReason?: string;
    } = {},
  ): Promise<boolean> {
    const stamp: Partial<Record<OrderStatusColumn, string>> = {
      paid: 'paid_at',
      dispensed: 'dispensed_at',
      shipped: 'shipped_at',
      delivered: 'delivered_at',
      picked_up: 'picked_up_at',
      cancelled: 'cancelled_at',
      refunded: 'refunded_at',
    };
    const column = stamp[to];
    let q = db
      .updateTable('medication_orders')
      .set({ status: to, updated_at: new Date(), version: sql`version + 1` })
      .where('id', '=', id)
      .where('status', 'in', [...from]);
    if (column) q = q.set({ [column]: new Date() });
    // A refund after a cancellation keeps when it was cancelled; a direct refund stamps both.
    if (to === 'refunded') q = q.set({ cancelled_at: sql`coalesce(cancelled_at, now())` });
    if (extra.dispensedBy) q = q.set({ dispensed_by: extra.dispensedBy });
    if (extra.cancelReason) q = q.set({ cancel_reason: extra.cancelReason });
    if (extra.version !== undefined) q = q.where('version', '=', extra.version);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async patientAccounts(db: Executor, patientId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('patient_links')
      .select('account_id')
      .where('patient_id', '=', patientId)
      .where('removed_at', 'is', null)
      .execute();
    return rows.map((r) => r.account_id);
  },
};
