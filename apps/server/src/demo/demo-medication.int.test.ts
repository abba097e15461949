import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_PASSWORD } from './demo-staff.ts';

let t: TestApp;
let zhang: Client;
let doctor: Client;
let patientId: string;

beforeAll(async () => {
  t = await createTestApp({ DEMO_PATIENTS: '60', DEMO_DATA: 'true' });
  await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
  zhang = new Client(t.app, 'zh-CN');
  await zhang.login(WELL_KNOWN_PHONES.zhangWei, DEMO_PASSWORD);
  doctor = new Client(t.app, 'zh-CN');
  await doctor.login(DEMO_DOCTOR_EMAIL, DEMO_PASSWORD);
  const row = await t.deps.db.selectFrom('medication_orders').select('patient_id').executeTakeFirstOrThrow();
  patientId = row.patient_id;
}, 180_000);
afterAll(() => t.close());

describe('the demo medication history', () => {
  it("gives 张伟 a delivered order, today's doses and a realistic adherence, the same for his doctor", async () => {
    const orders = (await zhang.get(`/api/v1/patients/${patientId}/medication-orders`)).json() as {
      items: { status: string; shipment: { events: unknown[] } }[];
    };
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]).toMatchObject({ status: 'delivered' });
    expect(orders.items[0]!.shipment.events).toHaveLength(4);
    const today = (await zhang.get(`/api/v1/patients/${patientId}/doses/today`)).json() as {
      items: unknown[];
    };
    expect(today.items).toHaveLength(3);
    const adherence = (await zhang.get(`/api/v1/patients/${patientId}/adherence?days=30`)).json() as {
      overall: { rate: number; missed: number; late: number };
      perMedication: unknown[];
    };
    expect(adherence.overall.rate).toBeGreaterThan(0.7);
    expect(adherence.overall.rate).toBeLessThan(0.97);
    expect(adherence.overall.missed).toBeGreaterThan(0);
    expect(adherence.perMedication).toHaveLength(2);
    const team = (await doctor.get(`/api/v1/patients/${patientId}/adherence?days=30`)).json() as {
      overall: unknown;
    };
    expect(team.overall).toEqual(adherence.overall);
  });

  it('leaves one approved prescription to order', async () => {
    const stock = await t.deps.db.selectFrom('pharmacy_stock').select('reserved').execute();
    expect(stock.every((s) => s.reserved === 0)).toBe(true);
    const rx = await t.deps.db
      .selectFrom('prescriptions')
      .leftJoin('medication_orders', 'medication_orders.prescription_id', 'prescriptions.id')
      .select(['prescriptions.id', 'medication_orders.id as order_id'])
      .where('prescriptions.patient_id', '=', patientId)
      .where('prescriptions.status', '=', 'approved')
      .execute();
    expect(rx.filter((r) => r.order_id === null)).toHaveLength(1);
  });
});
