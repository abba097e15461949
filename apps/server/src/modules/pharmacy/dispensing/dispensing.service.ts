import type { MedicationOrder, MedicationOrderList } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { hasRole } from '../../../platform/auth/actor.ts';
import { recordAudit, recordAudits } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Language } from '../../../platform/http/language.ts';
import { startSchedulesForOrder } from '../../medication/index.ts';
import { ordersRepository as repo, perDrug } from '../orders/orders.repository.ts';
import { pharmacistOf, ownOrder } from '../orders/orders.service.ts';
import { toOrders } from '../orders/order-view.ts';
import { tellPatient } from '../orders/order-notes.ts';

/** The pharmacy's side of an order: the work queue, dispensing, and handing over a pickup. */
export class DispensingService {
  constructor(private readonly deps: AppDeps) {}

  async queue(
    ctx: RequestContext,
    status: 'paid' | 'dispensed' | 'shipped' | 'done',
    language: Language,
  ): Promise<MedicationOrderList> {
    const { actor } = ctx;
    if (actor.kind !== 'staff' || !hasRole(actor, 'pharmacist')) throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await repo.queue(tx, actor.orgId, status);
      await recordAudits(
        tx,
        ctx,
        [...new Set(rows.map((r) => r.patient_id))].map((patientId) => ({
          action: 'medication_order.queue',
          resourceType: 'medication_order',
          patientId,
          orgId: actor.orgId,
          detail: { basis: 'pharmacy', status },
        })),
      );
      return { items: await toOrders(tx, this.deps.crypto, rows, language, { withStock: true }) };
    });
  }

  /**
   * Takes a paid order's packages off the shelf: on hand and reserved go down together in one conditional UPDATE
   * per drug, so stock never goes below zero; an order the shelf cannot cover is refused with nothing changed.
   */
  async dispense(
    ctx: RequestContext,
    orderId: string,
    version: number,
    language: Language,
  ): Promise<MedicationOrder> {
    await this.deps.db.transaction().execute(async (tx) => {
      const order = await repo.load(tx, orderId, { lock: true });
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      pharmacistOf(ctx, order);
      if (order.version !== version) throw new AppError('VERSION_CONFLICT');
      if (order.status !== 'paid') throw new AppError('ORDER_STATE');
      for (const [drugId, quantity] of perDrug(await repo.items(tx, [order.id]))) {
        if (!(await repo.takeFromStock(tx, order.org_id, drugId, quantity)))
          throw new AppError('OUT_OF_STOCK');
      }
      await repo.advance(tx, order.id, ['paid'], 'dispensed', { dispensedBy: ctx.actor.accountId });
      await recordAudit(tx, ctx, {
        action: 'medication_order.dispense',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: { basis: 'pharmacy' },
      });
      await tellPatient(tx, order, order.fulfilment === 'pickup' ? 'ready' : 'dispensed');
    });
    return this.view(ctx, orderId, language);
  }

  /** The pharmacist hands a pickup order over at the counter: reminders start. */
  async handOver(
    ctx: RequestContext,
    orderId: string,
    version: number,
    language: Language,
  ): Promise<MedicationOrder> {
    await this.deps.db.transaction().execute(async (tx) => {
      const order = await repo.load(tx, orderId, { lock: true });
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      pharmacistOf(ctx, order);
      if (order.version !== version) throw new AppError('VERSION_CONFLICT');
      if (order.fulfilment !== 'pickup' || order.status !== 'dispensed') throw new AppError('ORDER_STATE');
      await repo.advance(tx, order.id, ['dispensed'], 'picked_up');
      await startSchedulesForOrder(tx, order);
      await recordAudit(tx, ctx, {
        action: 'medication_order.hand_over',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: { basis: 'pharmacy' },
      });
      await tellPatient(tx, order, 'picked_up');
    });
    return this.view(ctx, orderId, language);
  }

  /**
   * The patient taps "start" once they have their drugs (a pickup the counter did not mark, or a delivery the
   * courier has not confirmed yet): their schedules start, with the times they chose.
   */
  async startTaking(
    ctx: RequestContext,
    orderId: string,
    chosenTimes: Record<string, string[]> | undefined,
    language: Language,
  ): Promise<MedicationOrder> {
    await this.deps.db.transaction().execute(async (tx) => {
      const order = await repo.load(tx, orderId, { lock: true });
      if (!order) throw new AppError('ORDER_NOT_FOUND');
      const access = await ownOrder(tx, ctx, order, 'book');
      const ok = ['dispensed', 'shipped', 'delivered', 'picked_up'].includes(order.status);
      if (!ok) throw new AppError('ORDER_STATE');
      if (order.fulfilment === 'pickup' && order.status === 'dispensed') {
        await repo.advance(tx, order.id, ['dispensed'], 'picked_up');
      }
      const started = await startSchedulesForOrder(tx, order, chosenTimes ? { chosenTimes } : {});
      await recordAudit(tx, ctx, {
        action: 'medication_schedule.start',
        resourceType: 'medication_order',
        resourceId: order.id,
        patientId: order.patient_id,
        orgId: order.org_id,
        detail: { basis: access.basis, schedules: started.length },
      });
    });
    const [view] = await toOrders(
      this.deps.db,
      this.deps.crypto,
      [(await repo.load(this.deps.db, orderId))!],
      language,
      {
        withStock: false,
      },
    );
    return view!;
  }

  private async view(ctx: RequestContext, orderId: string, language: Language): Promise<MedicationOrder> {
    const row = (await repo.load(this.deps.db, orderId))!;
    const [view] = await toOrders(this.deps.db, this.deps.crypto, [row], language, {
      withStock: ctx.actor.kind === 'staff',
    });
    return view!;
  }
}
