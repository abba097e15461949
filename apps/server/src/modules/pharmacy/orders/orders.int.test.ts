import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPrescription,
  createMedicationWorld,
  placeOrder,
  stockOf,
  type MedicationWorld,
} from '../../medication/medication.testing.ts';

let w: MedicationWorld;

beforeAll(async () => {
  w = await createMedicationWorld({ stock: 20 });
}, 60_000);

afterAll(async () => {
  await w.t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { code: string }).code;

describe('medication orders', () => {
  it('walks a delivery order through created -> paid -> dispensed -> shipped -> delivered, with a time per step', async () => {
    const { prescriptionId } = await addPrescription(w, { quantity: 2 });
    const order = await placeOrder(w, prescriptionId, 'delivery');
    expect(order).toMatchObject({ status: 'created', amountCents: 6200 });
    expect(await stockOf(w)).toEqual({ on_hand: 20, reserved: 2 });

    const pay = await w.patient.post(`/api/v1/medication-orders/${order.id}/pay`);
    expect(pay.statusCode, pay.body).toBe(200);
    await w.gateways.devPayments!.settle();
    let view = (await w.patient.get(`/api/v1/medication-orders/${order.id}`)).json() as {
      status: string;
      version: number;
      address: { address: string };
    };
    expect(view.status).toBe('paid');
    expect(view.address.address).toContain('世纪大道');

    const queue = await w.pharmacist.get('/api/v1/pharmacy/fulfilment?status=paid');
    const queued = (queue.json() as { items: { id: string; items: { stock: unknown }[] }[] }).items;
    expect(queued.find((o) => o.id === order.id)?.items[0]?.stock).toEqual({ onHand: 20, reserved: 2 });

    const dispensed = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/dispense`, {
      version: view.version,
    });
    expect(dispensed.statusCode, dispensed.body).toBe(200);
    expect(await stockOf(w)).toEqual({ on_hand: 18, reserved: 0 });
    const shipped = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/ship`, {
      version: (dispensed.json() as { version: number }).version,
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    const trackingNo = (shipped.json() as { shipment: { trackingNo: string } }).shipment.trackingNo;

    expect(await w.gateways.devCourier!.scan(trackingNo, 'in_transit', { location: '上海转运中心' })).toBe(
      200,
    );
    const scan = await w.pharmacist.post('/api/v1/pharmacy/dev-courier/scans', {
      trackingNo,
      status: 'delivered',
    });
    expect(scan.statusCode, scan.body).toBe(200);

    view = (await w.patient.get(`/api/v1/medication-orders/${order.id}`)).json() as typeof view;
    expect(view).toMatchObject({
      status: 'delivered',
      shipment: {
        status: 'delivered',
        events: [{ status: 'shipped' }, { status: 'in_transit' }, { status: 'delivered' }],
      },
    });
    const steps = (view as unknown as { steps: Record<string, string | null> }).steps;
    for (const step of ['created', 'paid', 'dispensed', 'shipped', 'delivered'])
      expect(steps[step]).not.toBeNull();

    // Delivery starts the dose schedule.
    const schedules = await w.patient.get(`/api/v1/patients/${w.patientId}/medication-schedules`);
    expect((schedules.json() as { items: { frequency: string; times: string[] }[] }).items).toEqual([
      expect.objectContaining({ frequency: 'qd', times: ['08:00'] }),
    ]);
    // The patient was told at each step, in words that name no drug.
    const notes = await w.t.deps.db
      .selectFrom('notifications')
      .select(['title_zh', 'body_zh', 'body_en'])
      .where('dedupe_key', 'like', `medication-order:${order.id}:%`)
      .execute();
    expect(notes).toHaveLength(4);
    for (const n of notes)
      expect(`${n.title_zh}${n.body_zh}${n.body_en}`).not.toMatch(/氨氯地平|amlodipine/i);
  });

  it('a pickup order is handed over at the counter', async () => {
    const { prescriptionId } = await addPrescription(w);
    const order = await placeOrder(w, prescriptionId, 'pickup');
    await w.patient.post(`/api/v1/medication-orders/${order.id}/pay`);
    await w.gateways.devPayments!.settle();
    const d = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/dispense`, { version: 2 });
    expect(d.statusCode, d.body).toBe(200);
    const ship = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/ship`, { version: 3 });
    expect(code(ship)).toBe('ORDER_STATE');
    const h = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/hand-over`, { version: 3 });
    expect(h.statusCode, h.body).toBe(200);
    expect((h.json() as { status: string }).status).toBe('picked_up');
  });

  it('cancelling a paid order refunds it and releases the reservation', async () => {
    const before = await stockOf(w);
    const { prescriptionId } = await addPrescription(w);
    const order = await placeOrder(w, prescriptionId);
    await w.patient.post(`/api/v1/medication-orders/${order.id}/pay`);
    await w.gateways.devPayments!.settle();
    const res = await w.patient.post(`/api/v1/medication-orders/${order.id}/cancel`, {
      version: 2,
      reason: '不需要了',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'refunded', payment: { status: 'refunded' } });
    expect(await stockOf(w)).toEqual(before);
    expect(w.gateways.devPayments!.calls.filter((c) => c.kind === 'refund')).toHaveLength(1);
    // A cancelled prescription can be ordered again.
    await placeOrder(w, prescriptionId);
  });

  it('answers bad input with clear errors and writes nothing', async () => {
    const before = await stockOf(w);
    const other = await addPrescription(w, { patientId: await otherPatient(w) });
    const foreign = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: other.prescriptionId,
      fulfilment: 'pickup',
    });
    expect(foreign.statusCode).toBe(404);
    const stranger = await w.strangerPatient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: other.prescriptionId,
      fulfilment: 'pickup',
    });
    expect(stranger.statusCode).toBe(404);
    const pending = await addPrescription(w, { status: 'pending_review' });
    const notApproved = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: pending.prescriptionId,
      fulfilment: 'pickup',
    });
    expect(notApproved.statusCode).toBe(409);
    expect(code(notApproved)).toBe('PRESCRIPTION_NOT_ORDERABLE');
    const approved = await addPrescription(w);
    const noAddress = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: approved.prescriptionId,
      fulfilment: 'delivery',
    });
    expect(code(noAddress)).toBe('ADDRESS_REQUIRED');
    const tooMany = await addPrescription(w, { quantity: 100 });
    const out = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: tooMany.prescriptionId,
      fulfilment: 'pickup',
    });
    expect(code(out)).toBe('OUT_OF_STOCK');
    expect(await stockOf(w)).toEqual(before);
    const order = await placeOrder(w, approved.prescriptionId);
    const again = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: approved.prescriptionId,
      fulfilment: 'pickup',
    });
    expect(code(again)).toBe('ORDER_EXISTS');
    // Others cannot read, pay or dispense it.
    expect((await w.strangerPatient.get(`/api/v1/medication-orders/${order.id}`)).statusCode).toBe(404);
    expect(
      (await w.doctor.post(`/api/v1/medication-orders/${order.id}/dispense`, { version: 1 })).statusCode,
    ).toBe(403);
    const early = await w.pharmacist.post(`/api/v1/medication-orders/${order.id}/dispense`, { version: 1 });
    expect(code(early)).toBe('ORDER_STATE');
    const bad = await w.patient.post(`/api/v1/patients/${w.patientId}/medication-orders`, {
      prescriptionId: 'x',
      fulfilment: 'drone',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps delivery addresses encrypted at rest', async () => {
    const rows = await w.t.deps.db
      .selectFrom('patient_addresses')
      .select(['address_enc', 'phone_enc'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(`${r.address_enc}${r.phone_enc}`).not.toMatch(/世纪大道|13800000001/);
  });
});

async function otherPatient(world: MedicationWorld): Promise<string> {
  const { uuidv7 } = await import('../../../platform/db/ids.ts');
  const id = uuidv7();
  await world.t.deps.db
    .insertInto('patients')
    .values({
      id,
      org_id: world.orgId,
      mrn: `M${id.slice(-8)}`,
      name: '他人',
      name_search: 'taren',
      sex: 'female',
      birth_date: '1980-01-01',
    })
    .execute();
  return id;
}
