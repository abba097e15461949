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
import { markNoShows } from './index.ts';
import { buildPatients, buildSession } from './scheduling.testing.ts';

// The desk's bookings and walk-ins, rescheduling races and no-shows at the end of a session.
let t: TestApp;
let orgId: string;
let otherOrgId: string;
let nurse: Client;
let patient: Client;
let patientAccountId: string;
let patients: string[];

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR);

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  otherOrgId = await createOrg(t);
  nurse = await signIn(t, await createStaff(t, orgId, ['nurse']));
  const account = await createPatientAccount(t);
  patientAccountId = account.id;
  patient = await signIn(t, account.phone);
  patients = await buildPatients(t.deps, orgId, account.id, 8);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const book = (patientId: string, slotId: string, client = patient) =>
  client.request('POST', '/api/v1/appointments', { patientId, slotId }, {});

describe('the desk', () => {
  it('books for a patient of its organization, and checks a walk-in in at once or not at all', async () => {
    const doctorOfDesk = (await createStaff(t, orgId, ['doctor'])).id;
    // Later today (or, a minute before midnight, the first minutes of tomorrow: then both steps agree on that day).
    const today = await buildSession(t.deps, {
      orgId,
      doctorId: doctorOfDesk,
      startsAt: new Date(Date.now() + 2 * 60_000),
      slots: 2,
    });
    const tomorrow = await buildSession(t.deps, {
      orgId,
      doctorId: doctorOfDesk,
      startsAt: inHours(30),
      slots: 1,
    });

    const walkIn = await nurse.post('/api/v1/scheduling/desk/appointments', {
      patientId: patients[3],
      slotId: today.slotIds[0],
      checkIn: true,
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json()).toMatchObject({ status: 'checked_in', patient: { id: patients[3] } });
    expect(walkIn.json().queueNumber).toBeGreaterThan(0);
    const stored = await t.deps.db
      .selectFrom('appointments')
      .select(['basis', 'booked_by', 'queue_state'])
      .where('id', '=', walkIn.json().id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ basis: 'desk', queue_state: 'waiting' });
    // The taken slot leaves the free list, and `freeOnly=false` still shows it (full), as the desk needs.
    const listed = async (q: string) =>
      (await nurse.get(`/api/v1/scheduling/doctors/${doctorOfDesk}/slots${q}`))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await listed('')).not.toContain(today.slotIds[0]);
    expect(await listed('?freeOnly=false')).toContain(today.slotIds[0]);
    expect(
      (await nurse.get(`/api/v1/scheduling/doctors/${doctorOfDesk}/slots?freeOnly=maybe`)).statusCode,
    ).toBe(400);

    // Checking in for tomorrow is refused, and the booking is not kept either.
    const early = await nurse.post('/api/v1/scheduling/desk/appointments', {
      patientId: patients[4],
      slotId: tomorrow.slotIds[0],
      checkIn: true,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('CHECK_IN_WINDOW');
    const slot = await t.deps.db
      .selectFrom('slots')
      .select('booked')
      .where('id', '=', tomorrow.slotIds[0]!)
      .executeTakeFirstOrThrow();
    expect(slot.booked).toBe(0);
    // Without check-in it books for tomorrow.
    const call = await nurse.post('/api/v1/scheduling/desk/appointments', {
      patientId: patients[4],
      slotId: tomorrow.slotIds[0],
    });
    expect(call.statusCode, call.body).toBe(201);
    expect(call.json().status).toBe('booked');

    // A patient of another organization, a patient account, a malformed body: each refused clearly.
    const foreignPatient = (await buildPatients(t.deps, otherOrgId, patientAccountId, 1))[0];
    const foreign = await nurse.post('/api/v1/scheduling/desk/appointments', {
      patientId: foreignPatient,
      slotId: today.slotIds[1],
    });
    expect(foreign.statusCode).toBe(404);
    const byPatient = await patient.post('/api/v1/scheduling/desk/appointments', {
      patientId: patients[0],
      slotId: today.slotIds[1],
    });
    expect(byPatient.statusCode).toBe(403);
    const malformed = await nurse.post('/api/v1/scheduling/desk/appointments', {
      patientId: 'x',
      checkIn: 'yes',
    });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.checkIn', 'body.patientId', 'body.slotId']);
  });
});

describe('rescheduling races', () => {
  it('lets two patients swap times at the same moment, every round, without a deadlock', async () => {
    const swapDoctor = (await createStaff(t, orgId, ['doctor'])).id;
    const s = await buildSession(t.deps, {
      orgId,
      doctorId: swapDoctor,
      startsAt: inHours(70),
      slots: 2,
      capacity: 2,
    });
    let a = (await book(patients[5]!, s.slotIds[0]!)).json();
    let b = (await book(patients[6]!, s.slotIds[1]!)).json();
    for (let round = 0; round < 5; round++) {
      const [movedA, movedB] = await Promise.all([
        patient.post(`/api/v1/appointments/${a.id}/reschedule`, { slotId: b.slotId, version: a.version }),
        patient.post(`/api/v1/appointments/${b.id}/reschedule`, { slotId: a.slotId, version: b.version }),
      ]);
      expect([movedA.statusCode, movedB.statusCode], `${movedA.body} ${movedB.body}`).toEqual([200, 200]);
      a = movedA.json();
      b = movedB.json();
    }
    const places = await t.deps.db
      .selectFrom('slots')
      .select('booked')
      .where('id', 'in', s.slotIds)
      .execute();
    expect(places.map((p) => p.booked)).toEqual([1, 1]);
  });
});

describe('no-shows at session end', () => {
  it('marks bookings never checked in as no-shows an hour after the session, once, and leaves arrivals alone', async () => {
    const noShowDoctor = (await createStaff(t, orgId, ['doctor'])).id;
    const s = await buildSession(t.deps, { orgId, doctorId: noShowDoctor, startsAt: inHours(48), slots: 2 });
    const away = (await book(patients[7]!, s.slotIds[0]!)).json();
    const came = (await book(patients[6]!, s.slotIds[1]!)).json();
    await t.deps.db
      .updateTable('appointments')
      .set({ status: 'checked_in', queue_state: 'waiting', queue_number: 1 })
      .where('id', '=', came.id)
      .execute();
    // The session ended 30 minutes ago: too early; then two hours ago.
    const endedAgo = (minutes: number) =>
      t.deps.db
        .updateTable('schedule_sessions')
        .set({
          starts_at: new Date(Date.now() - (minutes + 30) * 60_000),
          ends_at: new Date(Date.now() - minutes * 60_000),
        })
        .where('id', '=', s.sessionId)
        .execute();
    const statusOf = async (id: string) =>
      (
        await t.deps.db
          .selectFrom('appointments')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    await endedAgo(30);
    await markNoShows(t.deps);
    expect(await statusOf(away.id)).toBe('booked');
    await endedAgo(120);
    expect(await markNoShows(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(away.id)).toBe('no_show');
    expect(await statusOf(came.id)).toBe('checked_in');
    const audits = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', away.id)
      .where('action', '=', 'appointment.no_show')
      .execute();
    expect(audits).toHaveLength(1);
    await markNoShows(t.deps);
    const again = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', away.id)
      .where('action', '=', 'appointment.no_show')
      .execute();
    expect(again).toHaveLength(1);
  });
});
