import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { sendDueReminders, sendReminder } from './index.ts';
import { buildPatients, buildSession } from './scheduling.testing.ts';

// What follows a booking when time passes or plans change: reminders (the sweep sends each due one once, none for
// cancelled visits and none whose moment passed before the booking; a job queued by an older version does not
// send a second one), and a template changed under sessions that already have bookings.
let t: TestApp;
let orgId: string;
let doctorId: string;
let admin: Client;
let patient: Client;
let patientAccountId: string;

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  doctorId = (await createStaff(t, orgId, ['doctor'])).id;
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  const account = await createPatientAccount(t);
  patientAccountId = account.id;
  patient = await signIn(t, account.phone);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const book = (patientId: string, slotId: string) =>
  patient.request('POST', '/api/v1/appointments', { patientId, slotId });

describe('appointment reminders', () => {
  it('reminds the day before and two hours before, once each, and not after a cancellation', async () => {
    const s = await buildSession(t.deps, { orgId, doctorId, startsAt: inHours(300), slots: 2, capacity: 2 });
    const [first, second] = await buildPatients(t.deps, orgId, patientAccountId, 2);
    const a = (await book(first!, s.slotIds[0]!)).json();
    const c = (await book(second!, s.slotIds[1]!)).json();
    const startsAt = new Date(a.startsAt).getTime();
    const sentFor = (id: string) =>
      t.deps.db
        .selectFrom('notifications')
        .select(['dedupe_key', 'kind', 'category'])
        .where('dedupe_key', 'like', `appointment:${id}:reminder:%`)
        .orderBy('dedupe_key')
        .execute();
    // Two days ahead: nothing is due yet.
    await sendDueReminders(t.deps, new Date(startsAt - 48 * 3_600_000));
    expect(await sentFor(a.id)).toEqual([]);
    // 23 hours ahead: the day-before reminder, once, however often the sweep runs.
    await sendDueReminders(t.deps, new Date(startsAt - 23 * 3_600_000));
    await sendDueReminders(t.deps, new Date(startsAt - 22 * 3_600_000));
    expect(await sentFor(a.id)).toEqual([
      {
        dedupe_key: `appointment:${a.id}:reminder:day_before`,
        kind: 'appointment_reminder',
        category: 'appointment',
      },
    ]);
    await patient.post(`/api/v1/appointments/${c.id}/cancel`, {});
    // 90 minutes ahead: the two-hours reminder for the visit still booked, none for the cancelled one.
    await sendDueReminders(t.deps, new Date(startsAt - 90 * 60_000));
    expect((await sentFor(a.id)).map((r) => r.dedupe_key)).toEqual([
      `appointment:${a.id}:reminder:day_before`,
      `appointment:${a.id}:reminder:two_hours`,
    ]);
    expect((await sentFor(c.id)).map((r) => r.dedupe_key)).toEqual([
      `appointment:${c.id}:reminder:day_before`,
    ]);
  });

  it('sends no reminder whose moment passed before the visit was booked', async () => {
    const s = await buildSession(t.deps, { orgId, doctorId, startsAt: inHours(5), slots: 1, capacity: 1 });
    const [own] = await buildPatients(t.deps, orgId, patientAccountId, 1);
    const a = (await book(own!, s.slotIds[0]!)).json();
    const startsAt = new Date(a.startsAt).getTime();
    // Booked five hours ahead: no day-before reminder ever, the two-hours one when due.
    await sendDueReminders(t.deps, new Date(startsAt - 4 * 3_600_000));
    await sendDueReminders(t.deps, new Date(startsAt - 100 * 60_000));
    const keys = await t.deps.db
      .selectFrom('notifications')
      .select('dedupe_key')
      .where('dedupe_key', 'like', `appointment:${a.id}:reminder:%`)
      .execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual([`appointment:${a.id}:reminder:two_hours`]);
    // A reminder job queued before the sweep existed finds it sent and writes no second notification.
    expect(await sendReminder(t.deps, { appointmentId: a.id, which: 'two_hours' })).toBe(true);
    const again = await t.deps.db
      .selectFrom('notifications')
      .select('dedupe_key')
      .where('dedupe_key', 'like', `appointment:${a.id}:reminder:%`)
      .execute();
    expect(again).toHaveLength(1);
  });
});

describe('schedule changes', () => {
  const template = (o: Record<string, unknown>) => ({
    doctorId,
    slotMinutes: 30,
    capacity: 2,
    mode: 'in_person',
    feeFen: 5000,
    ...o,
  });

  it('moves the unbooked sessions of a changed template and keeps the booked ones, saying how many', async () => {
    const created = (
      await admin.post(
        '/api/v1/scheduling/templates',
        template({ weekday: 7, startTime: '15:00', endTime: '16:00', doctorId }),
      )
    ).json();
    const sessions = () =>
      t.deps.db
        .selectFrom('schedule_sessions')
        .select(['id', 'starts_at'])
        .where('template_id', '=', created.id)
        .orderBy('date')
        .execute();
    const before = await sessions();
    expect(before.length).toBeGreaterThan(1);
    const firstSlot = await t.deps.db
      .selectFrom('slots')
      .select('id')
      .where('session_id', '=', before[0]!.id)
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    const [own] = await buildPatients(t.deps, orgId, patientAccountId, 1);
    expect((await book(own!, firstSlot.id)).statusCode).toBe(201);
    const changed = await admin.request('PUT', `/api/v1/scheduling/templates/${created.id}`, {
      ...template({ weekday: 7, startTime: '16:00', endTime: '17:00', doctorId }),
      version: created.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().keptSessions).toBe(1);
    const after = await sessions();
    expect(after[0]).toEqual(before[0]);
    // The others were laid out again an hour later, on the same days.
    expect(after).toHaveLength(before.length);
    expect(after.slice(1).map((x) => x.starts_at.getTime())).toEqual(
      before.slice(1).map((x) => x.starts_at.getTime() + 3_600_000),
    );
  });
});
