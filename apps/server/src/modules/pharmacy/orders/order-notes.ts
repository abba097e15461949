import type { Executor } from '../../../platform/db/database.ts';
import { notify } from '../../notifications/index.ts';
import { ordersRepository as repo, type OrderRow } from './orders.repository.ts';

// What the patient side hears at each step of an order. The texts name no drug: a lock screen or a shared phone
// may show them, and the order page in the app holds the details.

export type OrderStep =
  'paid' | 'dispensed' | 'ready' | 'shipped' | 'delivered' | 'picked_up' | 'cancelled' | 'refunded';

const TEXTS: Record<OrderStep, { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string }> = {
  paid: {
    titleZh: '药品订单已支付',
    titleEn: 'Medication order paid',
    bodyZh: '我们已收到您的付款，药房将尽快为您配药。',
    bodyEn: 'We received your payment; the pharmacy will prepare your order shortly.',
  },
  dispensed: {
    titleZh: '药品已配好',
    titleEn: 'Your order is prepared',
    bodyZh: '药房已为您配好药品，即将发货。',
    bodyEn: 'The pharmacy has prepared your order; it will be shipped soon.',
  },
  ready: {
    titleZh: '药品可以取了',
    titleEn: 'Ready for pickup',
    bodyZh: '药房已为您配好药品，请凭订单到药房取药。',
    bodyEn: 'The pharmacy has prepared your order; collect it at the pharmacy with your order.',
  },
  shipped: {
    titleZh: '药品已发货',
    titleEn: 'Your order is on its way',
    bodyZh: '您的药品已交给快递，可在订单中查看物流。',
    bodyEn: 'Your order is with the courier; follow it in the app.',
  },
  delivered: {
    titleZh: '药品已送达',
    titleEn: 'Your order was delivered',
    bodyZh: '您的药品已送达。服药提醒已开启，可在“今日用药”中查看。',
    bodyEn: "Your order was delivered. Dose reminders are on; see Today's medications.",
  },
  picked_up: {
    titleZh: '药品已取走',
    titleEn: 'Order collected',
    bodyZh: '您已取走药品。服药提醒已开启，可在“今日用药”中查看。',
    bodyEn: "You collected your order. Dose reminders are on; see Today's medications.",
  },
  cancelled: {
    titleZh: '药品订单已取消',
    titleEn: 'Medication order cancelled',
    bodyZh: '您的药品订单已取消。',
    bodyEn: 'Your medication order was cancelled.',
  },
  refunded: {
    titleZh: '药品订单已退款',
    titleEn: 'Medication order refunded',
    bodyZh: '您的药品订单已取消，款项将原路退回。',
    bodyEn: 'Your medication order was cancelled and the payment refunded.',
  },
};

export async function tellPatient(
  tx: Executor,
  order: Pick<OrderRow, 'id' | 'org_id' | 'patient_id'>,
  step: OrderStep,
) {
  const accounts = await repo.patientAccounts(tx, order.patient_id);
  const text = TEXTS[step];
  await notify(
    tx,
    accounts.map((accountId) => ({
      orgId: order.org_id,
      accountId,
      patientId: order.patient_id,
      kind: 'medication_order_update' as const,
      ...text,
      link: `/pharmacy/orders/${order.id}`,
      dedupeKey: `medication-order:${order.id}:${step}`,
    })),
  );
}
