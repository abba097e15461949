import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDrug,
  addPrescription,
  createMedicationWorld,
  placeOrder,
  stockOf,
  type MedicationWorld,
} from '../../src/modules/medication/medication.testing.ts';

// Reliability of the pharmacy under concurrency (issue 7): 200 orders racing for 50 packages reserve exactly 50,
// stock never goes below zero, and a payment callback delivered three times records one payment.

let w: MedicationWorld;

beforeAll(async () => {
  w = await createMedicationWorld();
  w.gateways.devPayments!.autoConfirm = false;
}, 60_000);

afterAll(async () => {
  await w.t.close();
});

describe('pharmacy stock under concurrency', () => {
  it('200 concurrent orders for a drug with stock 50: exactly 50 reserved and dispensed, 150 OUT_OF_STOCK', async () => {
    const drugId = await addDrug(w, { code: 'nifedipine-30mg-srt', stock: 50 });
    const world = { ...w, drugId };
    const prescriptions = [];
    for (let i = 0; i < 200; i++) prescriptions.push(await addPrescription(world, { quantity: 1 }));

    const answers = await Promise.all(
      prescriptions.map((p) =>
        w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
          prescriptionId: p.prescriptionId,
          fulfilment: 'pickup',
        }),
      ),
    );
    const created = answers.filter((r) => r.statusCode === 201);
    const refused = answers.filter((r) => r.statusCode === 409);
    expect(created).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) expect((r.json() as { code: string }).code).toBe('OUT_OF_STOCK');
    expect(await stockOf(w, drugId)).toEqual({ on_hand: 50, reserved: 50 });
    // A refused order wrote nothing: only the 50 orders and their items exist.
    const orders = await w.t.deps.db
      .selectFrom('medication_order_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('drug_id', '=', drugId)
      .executeTakeFirstOrThrow();
    expect(Number(orders.n)).toBe(50);

    // All 50 are paid and dispensed, concurrently: stock ends at zero, never below.
    const ids = created.map((r) => (r.json() as { id: string }).id);
    for (const id of ids) {
      const pay = await w.patient.post(`/api/v1/medication-orders/${id}/pay`);
      expect(pay.statusCode, pay.body).toBe(200);
      const ref = (pay.json() as { providerRef: string; amountCents: number }).providerRef;
      expect(await w.gateways.devPayments!.deliver(ref, 3100, 'succeeded')).toBe(200);
    }
    const dispensed = await Promise.all(
      ids.map((id) => w.pharmacist.post(`/api/v1/medication-orders/${id}/dispense`, { version: 2 })),
    );
    expect(dispensed.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    expect(await stockOf(w, drugId)).toEqual({ on_hand: 0, reserved: 0 });
  }, 120_000);

  it('refuses to dispense more than is on hand (409 OUT_OF_STOCK), leaving stock and order unchanged', async () => {
    const drugId = await addDrug(w, { code: 'losartan-50mg-tab', stock: 3 });
    const world = { ...w, drugId };
    const { prescriptionId } = await addPrescription(world, { quantity: 3 });
    const order = await placeOrder(w, prescriptionId);
    const pay = await w.patient.post(`/api/v1/medication-orders/${order.id}/pay`);
    await w.gateways.devPayments!.deliver(
      (pay.json() as { providerRef: string }).providerRef,
      order.amountCents,
      'succeeded',
    );
    // Two packages broke on the shelf: the pharmacy counts one left.
    await w.t.deps.db
      .updateTable('pharmacy_stock')
      .set({ on_hand: 3, reserved: 1 })
      .where('drug_id', '=', drugId)
      .execute();
    const res = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/dispense`, { version: 2 });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { code: string }).code).toBe('OUT_OF_STOCK');
    expect(await stockOf(w, drugId)).toEqual({ on_hand: 3, reserved: 1 });
    const after = await w.patient.get(`/api/v1/medication-orders/${order.id}`);
    expect((after.json() as { status: string }).status).toBe('paid');
  });

  it('stock can never go negative, whatever writes it (CHECK constraints)', async () => {
    await expect(
      w.t.deps.db
        .updateTable('pharmacy_stock')
        .set({ on_hand: -1 })
        .where('drug_id', '=', w.drugId)
        .execute(),
    ).rejects.toThrow(/check/i);
    await expect(
      w.t.deps.db
        .updateTable('pharmacy_stock')
        .set({ reserved: 101 })
        .where('drug_id', '=', w.drugId)
        .execute(),
    ).rejects.toThrow(/check/i);
  });
});

describe('payment callbacks', () => {
  it('a payment callback delivered three times records one payment and pays the order once', async () => {
    const { prescriptionId } = await addPrescription(w);
    const order = await placeOrder(w, prescriptionId);
    const first = await w.patient.post(`/api/v1/medication-orders/${order.id}/pay`);
    expect(first.statusCode, first.body).toBe(200);
    const { providerRef } = first.json() as { providerRef: string };
    const statuses = await Promise.all(
      [1, 2, 3].map(() => w.gateways.devPayments!.deliver(providerRef, order.amountCents, 'succeeded')),
    );
    expect(statuses).toEqual([200, 200, 200]);
    const payments = await w.t.deps.db
      .selectFrom('medication_payments')
      .select(['status', 'callbacks'])
      .where('order_id', '=', order.id)
      .execute();
    expect(payments).toEqual([{ status: 'succeeded', callbacks: 3 }]);
    const paidNotes = await w.t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('dedupe_key', '=', `medication-order:${order.id}:paid`)
      .execute();
    expect(paidNotes).toHaveLength(1);
    const view = await w.patient.get(`/api/v1/medication-orders/${order.id}`);
    expect(view.json()).toMatchObject({ status: 'paid', payment: { status: 'succeeded' } });
  });

  it('paying twice answers the same payment (one row), with or without an Idempotency-Key', async () => {
    const { prescriptionId } = await addPrescription(w);
    const order = await placeOrder(w, prescriptionId);
    const [a, b] = await Promise.all([
      w.patient.post(`/api/v1/medication-orders/${order.id}/pay`),
      w.patient.post(`/api/v1/medication-orders/${order.id}/pay`),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect((a.json() as { providerRef: string }).providerRef).toBe(
      (b.json() as { providerRef: string }).providerRef,
    );
    const keyed = await w.patient.request(
      'POST',
      `/api/v1/medication-orders/${order.id}/pay`,
      {},
      { 'idempotency-key': 'pay-key-123456' },
    );
    const replay = await w.patient.request(
      'POST',
      `/api/v1/medication-orders/${order.id}/pay`,
      {},
      { 'idempotency-key': 'pay-key-123456' },
    );
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(keyed.body);
    const rows = await w.t.deps.db
      .selectFrom('medication_payments')
      .select('id')
      .where('order_id', '=', order.id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a callback with a wrong signature (401) or a malformed body (400)', async () => {
    const body = JSON.stringify({
      providerRef: 'dev_x',
      status: 'succeeded',
      amountCents: 1,
      occurredAt: new Date().toISOString(),
    });
    const wrong = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/callbacks/dev',
      headers: {
        'content-type': 'application/json',
        'x-careloop-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      payload: body,
    });
    expect(wrong.statusCode).toBe(401);
    expect((wrong.json() as { code: string }).code).toBe('CALLBACK_SIGNATURE_INVALID');
    const unsigned = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/payments/callbacks/dev',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    const { signPayload } = await import('../../src/platform/payments/index.ts');
    const secret = w.gateways.payments.callbackSecret;
    for (const bad of ['{not json', JSON.stringify({ providerRef: 'dev_x' })]) {
      const res = await w.t.app.inject({
        method: 'POST',
        url: '/api/v1/payments/callbacks/dev',
        headers: { 'content-type': 'application/json', 'x-careloop-signature': signPayload(secret, bad) },
        payload: bad,
      });
      expect(res.statusCode, bad).toBe(400);
    }
  });
});
