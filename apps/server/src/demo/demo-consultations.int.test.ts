import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Consultation, DoctorProfile } from '@careloop/contracts';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_PASSWORD } from './demo-staff.ts';

let t: TestApp;
let doctor: Client;
let wang: Client;
let zhang: Client;

beforeAll(async () => {
  // Demo staff skip two-step verification only where demo data is on (never in production).
  t = await createTestApp({ DEMO_PATIENTS: '60', DEMO_DATA: 'true' });
  await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
  doctor = new Client(t.app, 'zh-CN');
  await doctor.login(DEMO_DOCTOR_EMAIL, DEMO_PASSWORD);
  wang = new Client(t.app, 'zh-CN');
  await wang.login(WELL_KNOWN_PHONES.wangFang, DEMO_PASSWORD);
  zhang = new Client(t.app, 'zh-CN');
  await zhang.login(WELL_KNOWN_PHONES.zhangWei, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('the demo consultations', () => {
  it('give the demo doctor a waiting queue and an ongoing chat with 王芳', async () => {
    const res = await doctor.get('/api/v1/consultations?view=waiting');
    expect(res.statusCode, res.body).toBe(200);
    const waiting = res.json().items as Consultation[];
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const mine = (await doctor.get('/api/v1/consultations?view=mine')).json().items as Consultation[];
    const ongoing = mine.find((c) => c.patient.name === '王芳');
    expect(ongoing).toMatchObject({ status: 'active' });
    const open = (await wang.get('/api/v1/consultations?view=open')).json().items as Consultation[];
    expect(open[0]).toMatchObject({ status: 'active', unreadCount: 1 });
    const messages = (await wang.get(`/api/v1/consultations/${open[0]!.id}/messages`)).json();
    expect(messages.items.filter((m: { kind: string }) => m.kind === 'text')).toHaveLength(3);
  });

  it('leave 张伟 one past, rated consultation and none open', async () => {
    expect((await zhang.get('/api/v1/consultations?view=open')).json().items).toHaveLength(0);
    const past = (await zhang.get('/api/v1/consultations?view=past')).json().items as Consultation[];
    expect(past.length).toBeGreaterThanOrEqual(1);
    expect(past[0]).toMatchObject({ status: 'closed', summary: { diagnoses: [{ code: 'I10' }] } });
  });

  it("show ratings on the doctors' profiles", async () => {
    const past = (await zhang.get('/api/v1/consultations?view=past')).json().items as Consultation[];
    const profile = (await zhang.get(`/api/v1/doctors/${past[0]!.doctor!.id}`)).json() as DoctorProfile;
    expect(profile.rating.count).toBeGreaterThanOrEqual(3);
    expect(profile.reviews.length).toBeGreaterThanOrEqual(3);
  });
});
