import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { AppointmentList, DayView, MyQueuePosition } from '@careloop/contracts';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_DOCTOR_EMAIL, DEMO_PASSWORD } from './demo-staff.ts';

let t: TestApp;
let doctor: Client;
let zhang: Client;
let wang: Client;

beforeAll(async () => {
  t = await createTestApp({ DEMO_PATIENTS: '60', DEMO_DATA: 'true' });
  await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
  doctor = new Client(t.app, 'zh-CN');
  await doctor.login(DEMO_DOCTOR_EMAIL, DEMO_PASSWORD);
  zhang = new Client(t.app, 'zh-CN');
  await zhang.login(WELL_KNOWN_PHONES.zhangWei, DEMO_PASSWORD);
  wang = new Client(t.app, 'zh-CN');
  await wang.login(WELL_KNOWN_PHONES.wangFang, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('the demo schedules', () => {
  it('give 张伟 a visit today, checked in and waiting in a live queue, and one more in a few days', async () => {
    const mine = (await zhang.get('/api/v1/appointments')).json() as AppointmentList;
    expect(mine.items.length).toBe(2);
    const today = mine.items.find((a) => a.status === 'checked_in');
    expect(today).toMatchObject({ queueState: 'waiting', doctor: { name: '王建国' } });
    const queue = (await zhang.get(`/api/v1/appointments/${today!.id}/queue`)).json() as MyQueuePosition;
    expect(queue).toMatchObject({ position: 1, ahead: 0, nowServing: 3 });
    expect(queue.estimatedWaitMinutes).toBeGreaterThan(0);
  });

  it('give 王芳 an appointment next week and the demo doctor a day view with the queue', async () => {
    const mine = (await wang.get('/api/v1/appointments')).json() as AppointmentList;
    expect(mine.items).toHaveLength(1);
    const date = (
      await t.deps.db
        .selectFrom('appointments')
        .select('visit_date')
        .where('status', '=', 'checked_in')
        .executeTakeFirstOrThrow()
    ).visit_date;
    const day = (await doctor.get(`/api/v1/scheduling/day?date=${date}`)).json() as DayView;
    const clinic = day.sessions.find((s) => s.appointments.some((a) => a.status === 'checked_in'));
    expect(clinic?.appointments.map((a) => a.status)).toEqual([
      'completed',
      'completed',
      'checked_in',
      'checked_in',
      'checked_in',
      'booked',
      'booked',
    ]);
    const next = await zhang.get(`/api/v1/scheduling/doctors/${clinic!.doctor.id}/next-free?limit=3`);
    expect(next.json().items).toHaveLength(3);
  });
});
