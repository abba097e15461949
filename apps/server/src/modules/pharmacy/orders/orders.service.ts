import type {
  CreateOrderBody,
  MedicationOrder,
  MedicationOrderList,
  PaymentStart,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { hasRole } from '../../../platform/auth/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { requirePatientAccess, type PatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { fulfilmentGateways } from '../payments/gateways.ts';
import { ordersRepository as repo, perDrug, type OrderRow } from './orders.repository.ts';
import { addressesRepository } from './addresses.repository.ts';
import { toOrders, type DeliveryAddress } from './order-view.ts';
import { tellPatient } from './order-notes.ts';

/**
 * The patient side of an order: place it (reserving stock), pay, follow it, cancel it. Ordering is a booking-like
 * act: the patient's own profiles, or a proxy whose grant includes booking.
 */
export class OrdersService {
  constructor(private readonly deps: AppDeps) {}

  async create(
    ctx: RequestContext,
    patientId: string,
    body: CreateOrderBody,
    language: Language,
  ): Promise<MedicationOrder> {
    if (ctx.actor.kind !== 'patient') throw new AppError('FORBIDDEN');
    if (body.fulfilment === 'delivery' && !body.addressId) throw new AppError('ADDRESS_REQUIRED');
    const id = uuidv7();
    await this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'book');
      const prescription = await repo.prescriptionOfPatient(tx, body.prescriptionId, patientId);
      if (!prescription) throw new AppError('PRESCRIPTION_NOT_FOUND');
      if (prescription.status !== 'approved') throw new AppError('PRESCRIPTION_NOT_ORDERABLE');
      if (await repo.hasLiveOrder(tx, prescription.id)) throw new AppError('ORDER_EXISTS');
      let address: DeliveryAddress | null = null;
      if (body.fulfilment === 'delivery') {
        const row = await addressesRepository.find(tx, patientId, body.addressId!);
        if (!row) throw new AppError('ADDRESS_NOT_FOUND');
        address = {
          recipient: this.deps.crypto.decrypt(row.recipient_enc),
          phone: this.deps.crypto.decrypt(row.phone_enc),
          address: this.deps.crypto.decrypt(row.address_enc),
        };
      }
      const items = await repo.prescribedItems(tx, prescription.id);
      // Stock is reserved in this transaction: when any drug cannot be reserved the whole order rolls back.
      for (const [drugId, quantity] of perDrug(items)) {
        if (!(await repo.reserve(tx, prescription.org_id, drugId, quantity)))
          throw new AppError('OUT_OF_STOCK');
      }
      await repo.insertOrder(
        tx,
        {
          id,
          org_id: prescription.org_id,
          patient_id: patientId,
          prescription_id: prescription.id,
          placed_by: ctx.actor.accountId,
          fulfilment: body.fulfilment,
          address_enc: address ? this.deps.crypto.encryptJson(address) : null,
          amount_cents: items.reduce((sum, i) => sum + i.quantity * i.price_cents, 0),
        },
        items.map((i) => ({
          id: uuidv7(),
          prescription_item_id: i.id,
          drug_id: i.drug_id,
          quantity: i.quantity,
          unit_price_cents: i.price_cents,
        })),
      );
      await recordAudit(tx, ctx, {
        action: 'medication_order.create',
        resourceType: 'medication_order',
        resourceId: id,
        patientId,
        orgId: prescription.org_id,
        detail: { basis: access.basis, fulfilment: body.fulfilment, items: items.length },
      });
    });
    return this.get(ctx, id, language);
  }

  async listForPatient(
    ctx: RequestContext,
    patientId: string,
    language: Language,
  ): Promise<MedicationOrderList> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const rows = await repo.forPatient(tx, patientId);
      await recordAudit(tx, ctx, {
        action: 'medication_order.list',
        resourceType: 'medication_order',
        patientId,
        orgId: access.orgId,
        detail: { basis: access.basis, count: rows.length },
      });
      return { items: await toOrders(tx, this.deps.crypto, rows, language, { withStock: false }) };
    });
  }

  async get(ctx: RequestContext, orderId: string, language: Language): Promise<MedicationOrder> {
    return this.deps.db.transaction().execute(async (tx) => {
      const { order, basis } = await readableOrder(tx, ctx, orderId);
      await recordAudit(tx, ctx, {
        action: 'medication_order.read',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: { basis },
      });
      const [view] = await toOrders(tx, this.deps.crypto, [order], language, {
        withStock: ctx.actor.kind === 'staff',
      });
      return view!;
    });
  }

  /**
   * Starts the payment of a created order. Asking again (a retry, a double tap) answers the same payment: an
   * order has at most one (unique order_id), and a paid order answers its succeeded payment.
   */
  async pay(ctx: RequestContext, orderId: string): Promise<PaymentStart> {
    const { payments } = fulfilmentGateways(this.deps);
    let fresh: { providerRef: string; amountCents: number } | null = null;
    const answer = await this.deps.db.transaction().execute(async (tx) => {
      const order = await repo.load(tx, orderId, { lock: true });
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      const access = await ownOrder(tx, ctx, order, 'book');
      const existing = await tx
        .selectFrom('medication_payments')
        .select(['provider', 'provider_ref', 'status', 'amount_cents'])
        .where('order_id', '=', order.id)
        .executeTakeFirst();
      // A failed attempt may be retried: the one payment row takes the new attempt's reference.
      if (existing && existing.status !== 'failed') return paymentStart(order.id, existing);
      if (order.status !== 'created') throw new AppError('ORDER_STATE');
      const { providerRef } = await payments.createPayment({
        orderId: order.id,
        amountCents: order.amount_cents,
        description: 'CareLoop pharmacy order',
      });
      const row = {
        id: uuidv7(),
        order_id: order.id,
        org_id: order.org_id,
        provider: payments.name,
        provider_ref: providerRef,
        amount_cents: order.amount_cents,
      };
      await tx
        .insertInto('medication_payments')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('order_id')
            .doUpdateSet({ provider_ref: providerRef, status: 'pending', created_at: new Date() })
            .where('medication_payments.status', '=', 'failed'),
        )
        .execute();
      await recordAudit(tx, ctx, {
        action: 'medication_order.pay',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: { basis: access.basis, provider: payments.name },
      });
      fresh = { providerRef, amountCents: order.amount_cents };
      return paymentStart(order.id, { ...row, status: 'pending' });
    });
    const started = fresh as { providerRef: string; amountCents: number } | null;
    if (started) payments.afterCreated(started.providerRef, started.amountCents);
    return answer;
  }

  /**
   * Cancels an order before it is dispensed: the patient side or the pharmacy. The reservation is released; a paid
   * order is refunded through the provider.
   */
  async cancel(
    ctx: RequestContext,
    orderId: string,
    body: { version: number; reason: string },
    language: Language,
  ): Promise<MedicationOrder> {
    const { payments } = fulfilmentGateways(this.deps);
    await this.deps.db.transaction().execute(async (tx) => {
      const order = await repo.load(tx, orderId, { lock: true });
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      const basis =
        ctx.actor.kind === 'staff'
          ? pharmacistOf(ctx, order).basis
          : (await ownOrder(tx, ctx, order, 'book')).basis;
      if (order.version !== body.version) throw new AppError('VERSION_CONFLICT');
      if (order.status !== 'created' && order.status !== 'paid') throw new AppError('ORDER_STATE');
      for (const [drugId, quantity] of perDrug(await repo.items(tx, [order.id]))) {
        await repo.release(tx, order.org_id, drugId, quantity);
      }
      const payment = await tx
        .selectFrom('medication_payments')
        .select(['id', 'provider_ref', 'status', 'amount_cents'])
        .where('order_id', '=', order.id)
        .executeTakeFirst();
      const refund = order.status === 'paid' && payment?.status === 'succeeded';
      if (refund) {
        await payments.refund(payment.provider_ref, payment.amount_cents);
        await tx
          .updateTable('medication_payments')
          .set({ status: 'refunded', refunded_at: new Date() })
          .where('id', '=', payment.id)
          .execute();
      }
      const to = refund ? 'refunded' : 'cancelled';
      await repo.advance(tx, order.id, [order.status], to, { cancelReason: body.reason });
      await recordAudit(tx, ctx, {
        action: 'medication_order.cancel',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: { basis, refunded: refund },
      });
      await tellPatient(tx, order, to);
    });
    return this.get(ctx, orderId, language);
  }
}

function paymentStart(
  orderId: string,
  p: { provider: string; provider_ref: string; status: string; amount_cents: number },
): PaymentStart {
  return {
    orderId,
    provider: p.provider,
    providerRef: p.provider_ref,
    status: p.status as PaymentStart['status'],
    amountCents: p.amount_cents,
  };
}

/** The patient side's own order (404 for anyone else's, so a stranger learns nothing). */
export async function ownOrder(
  tx: Executor,
  ctx: RequestContext,
  order: OrderRow,
  action: 'view' | 'book',
): Promise<PatientAccess> {
  if (ctx.actor.kind !== 'patient') throw new AppError('ORDER_NOT_FOUND');
  try {
    return await requirePatientAccess(tx, ctx.actor, order.patient_id, action);
  } catch (error) {
    if (error instanceof AppError && error.code === 'PATIENT_NOT_FOUND')
      throw new AppError('ORDER_NOT_FOUND');
    throw error;
  }
}

/** Pharmacists work on their organization's orders (dispensing is their role, not a care relationship). */
export function pharmacistOf(ctx: RequestContext, order: OrderRow): { basis: 'pharmacy' } {
  const { actor } = ctx;
  if (actor.kind !== 'staff' || actor.orgId !== order.org_id) throw new AppError('ORDER_NOT_FOUND');
  if (!hasRole(actor, 'pharmacist')) throw new AppError('FORBIDDEN');
  return { basis: 'pharmacy' };
}

/** Who may read an order: its patient side, or a pharmacist of its organization. */
export async function readableOrder(tx: Executor, ctx: RequestContext, orderId: string) {
  const order = await repo.load(tx, orderId);
  if (!order) throw new AppError('ORDER_NOT_FOUND');
  const basis =
    ctx.actor.kind === 'staff'
      ? pharmacistOf(ctx, order).basis
      : (await ownOrder(tx, ctx, order, 'view')).basis;
  return { order, basis };
}
