// The booking reliability test: 500 concurrent booking requests for 10 slots of capacity 1 give exactly
// 10 bookings and 490 clear refusals, and no slot is ever over capacity; when one booking is cancelled, the
// waitlisted patient gets the freed place exactly once, however many accepts and bookings race for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../harness.ts';
import {
  buildPatients,
  buildSession,
  type BuiltSession,
} from '../../src/modules/scheduling/scheduling.testing.ts';
import { appointmentsRepository } from '../../src/modules/scheduling/appointments.repository.ts';

let t: TestApp;
let orgId: string;
let doctorId: string;
let session: BuiltSession;
/** 50 family accounts with 10 patient profiles each: 500 different patients. */
const families: { client: Client; patients: string[] }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  doctorId = (await createStaff(t, orgId, ['doctor'])).id;
  session = await buildSession(t.deps, {
    orgId,
    doctorId,
    startsAt: new Date(Date.now() + 26 * 3_600_000),
    slots: 10,
    capacity: 1,
  });
  for (let i = 0; i < 51; i++) {
    const account = await createPatientAccount(t);
    const patients = await buildPatients(t.deps, orgId, account.id, 10);
    families.push({ client: await signIn(t, account.phone), patients });
  }
}, 180_000);
afterAll(async () => {
  await second?.close();
  await t?.close();
});

let second: TestApp | undefined;

async function slotCounts() {
  return t.deps.db
    .selectFrom('slots')
    .select(['id', 'booked', 'held', 'capacity'])
    .where('session_id', '=', session.sessionId)
    .execute();
}

describe('booking under contention', () => {
  let booked: { id: string; patientId: string; slotId: string; family: number }[] = [];

  it('books exactly one patient per slot out of 500 concurrent requests and refuses the other 490 clearly', async () => {
    const requests = families.slice(0, 50).flatMap((family, f) =>
      family.patients.map((patientId, p) => ({
        family: f,
        patientId,
        slotId: session.slotIds[(f + p) % 10] ?? '',
      })),
    );
    expect(requests).toHaveLength(500);
    const answers = await Promise.all(
      requests.map(async (r) => {
        const res = await families[r.family]!.client.post('/api/v1/appointments', {
          patientId: r.patientId,
          slotId: r.slotId,
        });
        return { ...r, status: res.statusCode, body: res.json() as { id?: string; code?: string } };
      }),
    );
    const ok = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(490);
    expect(new Set(refused.map((a) => `${a.status} ${a.body.code}`))).toEqual(new Set(['409 SLOT_TAKEN']));
    expect(new Set(ok.map((a) => a.slotId)).size).toBe(10);
    for (const slot of await slotCounts()) expect(slot).toMatchObject({ booked: 1, held: 0, capacity: 1 });
    const stored = await t.deps.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', session.sessionId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10);
    booked = ok.map((a) => ({
      id: a.body.id ?? '',
      patientId: a.patientId,
      slotId: a.slotId,
      family: a.family,
    }));
  });

  it('gives a cancelled place to the waitlisted patient exactly once, whatever races for it', async () => {
    const waiter = families[50]!;
    const waiterPatient = waiter.patients[0]!;
    const first = booked[0]!;
    const joined = await waiter.client.post('/api/v1/scheduling/waitlist', {
      patientId: waiterPatient,
      slotId: first.slotId,
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const entryId = (joined.json() as { id: string }).id;

    const cancelled = await families[first.family]!.client.post(
      `/api/v1/appointments/${first.id}/cancel`,
      {},
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const offer = await waiter.client.get(`/api/v1/scheduling/waitlist?patientId=${waiterPatient}`);
    expect(offer.json().items[0]).toMatchObject({ id: entryId, status: 'offered' });
    expect(await slotCounts()).toContainEqual(
      expect.objectContaining({ id: first.slotId, booked: 0, held: 1 }),
    );

    // The waiter taps accept 20 times while 100 other patients (none booked yet) try to book the same slot.
    const others = families[50]!.patients
      .slice(1)
      .concat(families.slice(0, 9).flatMap((f) => f.patients.slice(0, 10)));
    const otherBookings = others.slice(0, 100).map(async (patientId) => {
      const family = families.find((f) => f.patients.includes(patientId))!;
      return family.client.post('/api/v1/appointments', { patientId, slotId: first.slotId });
    });
    const accepts = Array.from({ length: 20 }, () =>
      waiter.client.post(`/api/v1/scheduling/waitlist/${entryId}/accept`, {}),
    );
    const [acceptAnswers, bookingAnswers] = await Promise.all([
      Promise.all(accepts),
      Promise.all(otherBookings),
    ]);
    expect(acceptAnswers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(new Set(acceptAnswers.filter((r) => r.statusCode !== 201).map((r) => r.json().code))).toEqual(
      new Set(['WAITLIST_OFFER_GONE']),
    );
    expect(bookingAnswers.every((r) => r.statusCode === 409 || r.statusCode === 422)).toBe(true);
    const mine = await t.deps.db
      .selectFrom('appointments')
      .select(['slot_id', 'status'])
      .where('patient_id', '=', waiterPatient)
      .execute();
    expect(mine).toEqual([{ slot_id: first.slotId, status: 'booked' }]);
    for (const slot of await slotCounts()) expect(slot).toMatchObject({ booked: 1, held: 0, capacity: 1 });
  });

  it('keeps capacity across two server processes, where no in-process queue can help', async () => {
    // Each process queues a slot's bookings in memory; across processes only the database decides.
    second = await createTestApp({}, { sameDatabaseAs: t });
    const other = await buildSession(t.deps, {
      orgId,
      doctorId,
      startsAt: new Date(Date.now() + 50 * 3_600_000),
      slots: 10,
      capacity: 2,
    });
    const requests = families.slice(0, 50).flatMap((family, f) =>
      family.patients.map((patientId, p) => ({
        family,
        patientId,
        slotId: other.slotIds[(f + p) % 10]!,
        i: f * 10 + p,
      })),
    );
    const answers = await Promise.all(
      requests.map(async (r) => {
        const app = r.i % 2 === 0 ? t.app : second!.app;
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/appointments',
          headers: { cookie: r.family.client.cookie, 'x-csrf-token': r.family.client.csrf },
          payload: { patientId: r.patientId, slotId: r.slotId },
        });
        return res.statusCode;
      }),
    );
    expect(answers.filter((s) => s === 201)).toHaveLength(20);
    expect(answers.filter((s) => s === 409)).toHaveLength(480);
    const slots = await t.deps.db
      .selectFrom('slots')
      .select(['booked', 'held'])
      .where('session_id', '=', other.sessionId)
      .execute();
    expect(slots.map((s) => s.booked)).toEqual(Array(10).fill(2));
    const stored = await t.deps.db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', other.sessionId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(20);
  });

  it('keeps capacity in the database alone: 100 concurrent claims of a slot of 3 places take exactly 3', async () => {
    const slot = await buildSession(t.deps, {
      orgId,
      doctorId,
      startsAt: new Date(Date.now() + 74 * 3_600_000),
      slots: 1,
      capacity: 3,
    });
    const claims = await Promise.all(
      Array.from({ length: 100 }, () =>
        t.deps.db
          .transaction()
          .execute((tx) => appointmentsRepository.claimPlace(tx, slot.slotIds[0]!, orgId)),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(3);
    const row = await t.deps.db
      .selectFrom('slots')
      .select('booked')
      .where('id', '=', slot.slotIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row.booked).toBe(3);
    // And the CHECK refuses a write that would pass capacity, whoever makes it.
    await expect(
      t.deps.db.updateTable('slots').set({ booked: 4 }).where('id', '=', slot.slotIds[0]!).execute(),
    ).rejects.toThrow(/check constraint/);
  });
});
