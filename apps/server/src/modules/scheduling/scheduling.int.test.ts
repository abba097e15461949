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
import { uuidv7 } from '../../platform/db/ids.ts';
import type { RecordingRealtime } from '../../platform/realtime/realtime.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { requirePatientAccess } from '../../platform/access/patient-access.ts';
import type { AppError } from '../../platform/errors/app-error.ts';
import { expireOffers, generateAllSessions } from './index.ts';
import { buildPatients, buildSession } from './scheduling.testing.ts';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
let doctorId: string;
let doctor: Client;
let otherDoctorId: string;
let admin: Client;
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
  const d = await createStaff(t, orgId, ['doctor']);
  doctorId = d.id;
  doctor = await signIn(t, d);
  otherDoctorId = (await createStaff(t, orgId, ['doctor'])).id;
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  nurse = await signIn(t, await createStaff(t, orgId, ['nurse']));
  const account = await createPatientAccount(t);
  patientAccountId = account.id;
  patient = await signIn(t, account.phone);
  patients = await buildPatients(t.deps, orgId, account.id, 8);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const book = (patientId: string, slotId: string, client = patient, headers: Record<string, string> = {}) =>
  client.request('POST', '/api/v1/appointments', { patientId, slotId }, headers);

describe('schedules', () => {
  const template = (o: Record<string, unknown> = {}) => ({
    doctorId,
    weekday: 3,
    startTime: '08:00',
    endTime: '11:30',
    slotMinutes: 30,
    capacity: 2,
    mode: 'in_person',
    feeFen: 5000,
    ...o,
  });

  it('lays out sessions and slots for the coming weeks, once however often generation runs', async () => {
    const res = await doctor.post('/api/v1/scheduling/templates', template());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ weekday: 3, startTime: '08:00', endTime: '11:30', version: 1 });
    const count = async () => {
      const row = await t.deps.db
        .selectFrom('slots as sl')
        .innerJoin('schedule_sessions as s', 's.id', 'sl.session_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('s.template_id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const before = await count();
    // 4 weeks ahead (the default horizon): 4 or 5 Wednesdays of 7 half-hour slots (08:00-11:30).
    expect(before % 7).toBe(0);
    expect(before).toBeGreaterThanOrEqual(21);
    await generateAllSessions(t.deps);
    await generateAllSessions(t.deps);
    expect(await count()).toBe(before);
  });

  it('refuses a session overlapping another of the same doctor, naming the field', async () => {
    const res = await doctor.post(
      '/api/v1/scheduling/templates',
      template({ startTime: '11:00', endTime: '12:00' }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SCHEDULE_OVERLAP', errors: [{ path: 'startTime' }] });
    const touching = await doctor.post(
      '/api/v1/scheduling/templates',
      template({ startTime: '11:30', endTime: '12:00' }),
    );
    expect(touching.statusCode, touching.body).toBe(201);
  });

  it('refuses overlapping templates created at the same moment (only one of them is stored)', async () => {
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() =>
        admin.post('/api/v1/scheduling/templates', template({ doctorId: otherDoctorId, weekday: 5 })),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
  });

  it('lets a doctor edit only their own schedule, and refuses a bad shape with the field', async () => {
    const other = await doctor.post(
      '/api/v1/scheduling/templates',
      template({ doctorId: otherDoctorId, weekday: 1 }),
    );
    expect(other.statusCode).toBe(403);
    const bad = await doctor.post(
      '/api/v1/scheduling/templates',
      template({ startTime: '12:00', endTime: '09:00' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('endTime');
    const nurseTry = await nurse.post('/api/v1/scheduling/templates', template({ weekday: 2 }));
    expect(nurseTry.statusCode).toBe(403);
  });

  it('changes a template only at the version it was read, and a day off cancels bookings and tells the patient', async () => {
    const created = (
      await doctor.post(
        '/api/v1/scheduling/templates',
        template({ weekday: 6, startTime: '14:00', endTime: '15:00' }),
      )
    ).json();
    const stale = await doctor.request('PUT', `/api/v1/scheduling/templates/${created.id}`, {
      ...template({ weekday: 6, startTime: '14:00', endTime: '16:00' }),
      version: created.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const changed = await doctor.request('PUT', `/api/v1/scheduling/templates/${created.id}`, {
      ...template({ weekday: 6, startTime: '14:00', endTime: '16:00' }),
      version: created.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const slot = await t.deps.db
      .selectFrom('slots as sl')
      .innerJoin('schedule_sessions as s', 's.id', 'sl.session_id')
      .select(['sl.id', 's.date'])
      .where('s.template_id', '=', created.id)
      .orderBy('sl.starts_at')
      .executeTakeFirstOrThrow();
    expect((await book(patients[7]!, slot.id)).statusCode).toBe(201);
    const off = await doctor.post('/api/v1/scheduling/exceptions', {
      doctorId,
      date: slot.date,
      kind: 'off',
      reason: '学术会议',
    });
    expect(off.statusCode, off.body).toBe(201);
    expect(off.json().cancelledAppointments).toBe(1);
    // The patient is offered the doctor's earliest free place of another day, held for them.
    const notes = await t.deps.db
      .selectFrom('notifications')
      .select(['kind', 'category', 'link', 'body_zh'])
      .where('account_id', '=', patientAccountId)
      .where('kind', '=', 'appointment_update')
      .execute();
    expect(notes.map((n) => [n.kind, n.category, n.body_zh.includes('已为您保留')])).toEqual([
      ['appointment_update', 'appointment', true],
    ]);
    const entryId = notes[0]!.link!.replace('/appointments/waitlist/', '');
    const offered = (await patient.get('/api/v1/scheduling/waitlist'))
      .json()
      .items.find((e: { id: string }) => e.id === entryId);
    expect(offered).toMatchObject({ status: 'offered', origin: 'day_off', doctor: { id: doctorId } });
    expect(offered.date).not.toBe(slot.date);
    const earliest = await t.deps.db
      .selectFrom('slots as sl')
      .innerJoin('schedule_sessions as s', 's.id', 'sl.session_id')
      .select(['sl.id', 'sl.held', 'sl.booked'])
      .where('sl.doctor_account_id', '=', doctorId)
      .where('s.status', '=', 'open')
      .where('s.date', '!=', slot.date)
      .where('sl.starts_at', '>', new Date(Date.now() + 2 * 3_600_000))
      .where((eb) => eb('sl.booked', '<', eb.ref('sl.capacity')))
      .orderBy('sl.starts_at')
      .executeTakeFirstOrThrow();
    expect([offered.offeredSlot.id, earliest.held]).toEqual([earliest.id, 1]);
    const again = await book(patients[7]!, slot.id);
    expect(again.json().code).toBe('SLOT_CLOSED');
    // One tap takes the held place.
    const taken = await patient.post(`/api/v1/scheduling/waitlist/${entryId}/accept`, {});
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({ status: 'booked', slotId: earliest.id });
  });
});

describe('booking', () => {
  it('books a slot and counts it against capacity', async () => {
    const s = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(30),
      slots: 2,
      capacity: 2,
    });
    const res = await book(patients[0]!, s.slotIds[0]!);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'booked',
      slotId: s.slotIds[0],
      feeFen: 2500,
      queueState: null,
    });
    const slot = await t.deps.db
      .selectFrom('slots')
      .select(['booked', 'capacity'])
      .where('id', '=', s.slotIds[0]!)
      .executeTakeFirstOrThrow();
    expect(slot).toEqual({ booked: 1, capacity: 2 });
    // The booking's audit entry commits with it: who, for which patient, on what basis, which slot.
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_kind', 'patient_id', 'org_id', 'resource_type', 'detail'])
      .where('resource_id', '=', res.json().id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'appointment.book',
        actor_kind: 'patient',
        patient_id: patients[0],
        org_id: orgId,
        resource_type: 'appointment',
        detail: { basis: 'own', slotId: s.slotIds[0] },
      },
    ]);
    // The answer, read in the booking's own statement, is the appointment as it is read back.
    expect(res.json()).toEqual((await patient.get(`/api/v1/appointments/${res.json().id}`)).json());
    const mine = await patient.get(`/api/v1/appointments?patientId=${patients[0]}`);
    expect(mine.json().items.map((a: { id: string }) => a.id)).toContain(res.json().id);
  });

  it('gives the booked doctor a care relationship until the end of the visit day, and no other doctor', async () => {
    const freshId = (await createStaff(t, orgId, ['doctor'])).id;
    const asDoctor = (accountId: string): StaffActor => ({
      kind: 'staff',
      accountId,
      orgId,
      roles: ['doctor'],
      departmentId: null,
      displayName: 'Dr',
      credentialId: 'test',
      via: 'session',
      mfa: 'ok',
    });
    const reach = (accountId: string) =>
      requirePatientAccess(t.deps.db, asDoctor(accountId), patients[1]!, 'view').then(
        (a) => a.basis,
        (e: AppError) => e.code,
      );
    const s = await buildSession(t.deps, { orgId, doctorId, startsAt: inHours(50), slots: 1 });
    expect(await reach(doctorId)).toBe('ACCESS_DENIED');
    const listed = async () => {
      const res = await doctor.get('/api/v1/patients?careTeam=all&limit=100');
      return res.json().items.find((p: { id: string }) => p.id === patients[1]);
    };
    expect(await listed()).toMatchObject({ onCareTeam: false, careRelationship: false });
    const booked = (await book(patients[1]!, s.slotIds[0]!)).json();
    expect(await reach(doctorId)).toBe('care_team');
    expect(await reach(freshId)).toBe('ACCESS_DENIED');
    // The list tells the doctor the record opens; the profile names the basis, so no break-glass banner shows.
    expect(await listed()).toMatchObject({ onCareTeam: false, careRelationship: true });
    expect((await doctor.get(`/api/v1/patients/${patients[1]}`)).json().accessBasis).toBe('care_team');
    const careUntil = await t.deps.db
      .selectFrom('appointments')
      .select(['care_until', 'visit_date'])
      .where('id', '=', booked.id)
      .executeTakeFirstOrThrow();
    // Midnight after the visit day in Asia/Shanghai (UTC+8).
    expect(careUntil.care_until.toISOString()).toBe(
      new Date(new Date(`${careUntil.visit_date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString(),
    );
    await patient.post(`/api/v1/appointments/${booked.id}/cancel`, {});
    expect(await reach(doctorId)).toBe('ACCESS_DENIED');
  });

  it('refuses a past slot, a closed slot, another org, an unknown slot and a second booking, each clearly', async () => {
    const past = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(-3),
      slots: 1,
    });
    const closed = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(80),
      slots: 1,
      status: 'closed',
    });
    const foreignDoctor = await createStaff(t, otherOrgId, ['doctor']);
    const foreign = await buildSession(t.deps, {
      orgId: otherOrgId,
      doctorId: foreignDoctor.id,
      startsAt: inHours(30),
      slots: 1,
    });
    const day = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(100),
      slots: 2,
      capacity: 3,
    });
    const cases: [string, number, string][] = [
      [past.slotIds[0]!, 422, 'SLOT_PAST'],
      [closed.slotIds[0]!, 409, 'SLOT_CLOSED'],
      [foreign.slotIds[0]!, 422, 'SLOT_OTHER_ORG'],
      [uuidv7(), 404, 'SLOT_NOT_FOUND'],
    ];
    for (const [slotId, status, code] of cases) {
      const res = await book(patients[2]!, slotId);
      expect([res.statusCode, res.json().code], slotId).toEqual([status, code]);
    }
    expect((await book(patients[2]!, day.slotIds[0]!)).statusCode).toBe(201);
    const twice = await book(patients[2]!, day.slotIds[0]!);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'APPOINTMENT_DUPLICATE']);
    const sameDay = await book(patients[2]!, day.slotIds[1]!);
    expect([sameDay.statusCode, sameDay.json().code]).toEqual([409, 'APPOINTMENT_DUPLICATE']);
    const slots = await t.deps.db
      .selectFrom('slots')
      .select('booked')
      .where('session_id', '=', day.sessionId)
      .execute();
    expect(slots.map((s) => s.booked).sort()).toEqual([0, 1]);
    // Refusals write nothing: one appointment and one audit entry of a booking for this patient.
    const booked = await t.deps.db
      .selectFrom('audit_events')
      .select('resource_id')
      .where('patient_id', '=', patients[2]!)
      .where('action', '=', 'appointment.book')
      .execute();
    expect(booked).toHaveLength(1);
    const malformed = await patient.post('/api/v1/appointments', {
      patientId: 'nope',
      slotId: day.slotIds[0],
    });
    expect(malformed.statusCode).toBe(400);
  });

  it("keeps another family's patient and another org's staff out of an appointment", async () => {
    const s = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(160),
      slots: 1,
      capacity: 4,
    });
    const [own] = await buildPatients(t.deps, orgId, patientAccountId, 1);
    const a = (await book(own!, s.slotIds[0]!)).json();
    const strangerAccount = await createPatientAccount(t);
    const stranger = await signIn(t, strangerAccount.phone);
    const foreignStaff = await signIn(t, await createStaff(t, otherOrgId, ['org_admin', 'nurse']));
    for (const [client, url, method] of [
      [stranger, `/api/v1/appointments/${a.id}`, 'GET'],
      [stranger, `/api/v1/appointments/${a.id}/cancel`, 'POST'],
      [stranger, `/api/v1/appointments/${a.id}/check-in`, 'POST'],
      [stranger, `/api/v1/appointments/${a.id}/queue`, 'GET'],
      [foreignStaff, `/api/v1/appointments/${a.id}`, 'GET'],
      [foreignStaff, `/api/v1/appointments/${a.id}/cancel`, 'POST'],
      [foreignStaff, `/api/v1/appointments/${a.id}/queue-action`, 'POST'],
      [foreignStaff, `/api/v1/scheduling/sessions/${s.sessionId}/queue`, 'GET'],
    ] as const) {
      const res = await client.request(method, url, method === 'POST' ? { action: 'call' } : undefined);
      expect([404, 403], `${method} ${url}`).toContain(res.statusCode);
      expect(res.body).not.toContain(own);
    }
    const strangerBook = await book(own!, s.slotIds[0]!, stranger);
    expect(strangerBook.statusCode).toBe(404);
  });

  it('answers the same Idempotency-Key with the first booking and books once', async () => {
    const s = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(120),
      slots: 1,
      capacity: 5,
    });
    const headers = { 'idempotency-key': `book-${uuidv7()}` };
    const first = await book(patients[3]!, s.slotIds[0]!, patient, headers);
    const second = await book(patients[3]!, s.slotIds[0]!, patient, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
  });

  it('tells a proxy whose grant expired why, and lets a proxy with the book scope book', async () => {
    const proxyAccount = await createPatientAccount(t);
    const proxy = await signIn(t, proxyAccount.phone);
    const s = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(140),
      slots: 1,
      capacity: 3,
    });
    const grant = async (expiresAt: Date) =>
      t.deps.db
        .insertInto('proxy_grants')
        .values({
          id: uuidv7(),
          org_id: orgId,
          patient_id: patients[4]!,
          grantee_account_id: proxyAccount.id,
          scopes: ['view', 'book'],
          expires_at: expiresAt,
          created_by: patientAccountId,
        })
        .execute();
    const stranger = await book(patients[4]!, s.slotIds[0]!, proxy);
    expect([stranger.statusCode, stranger.json().code]).toEqual([404, 'PATIENT_NOT_FOUND']);
    await grant(inHours(-1));
    const expired = await book(patients[4]!, s.slotIds[0]!, proxy);
    expect([expired.statusCode, expired.json().code]).toEqual([403, 'PROXY_GRANT_EXPIRED']);
    await grant(inHours(24));
    const ok = await book(patients[4]!, s.slotIds[0]!, proxy);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("keeps the org's cut-off for patients, lets staff cancel, and reschedules in one step", async () => {
    const soon = await buildSession(t.deps, { orgId, doctorId, startsAt: inHours(1), slots: 1, capacity: 2 });
    const later = await buildSession(t.deps, {
      orgId,
      doctorId,
      startsAt: inHours(200),
      slots: 2,
      capacity: 1,
    });
    const a = (await book(patients[5]!, soon.slotIds[0]!)).json();
    const late = await patient.post(`/api/v1/appointments/${a.id}/cancel`, {});
    expect([late.statusCode, late.json().code]).toEqual([422, 'APPOINTMENT_CUTOFF_PASSED']);
    const byStaff = await nurse.post(`/api/v1/appointments/${a.id}/cancel`, { reason: '医生临时手术' });
    expect(byStaff.json()).toMatchObject({ status: 'cancelled', cancelReason: '医生临时手术' });

    const b = (await book(patients[5]!, later.slotIds[0]!)).json();
    const moved = await patient.post(`/api/v1/appointments/${b.id}/reschedule`, {
      slotId: later.slotIds[1],
      version: b.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ slotId: later.slotIds[1], rescheduledFrom: b.id, status: 'booked' });
    const counts = await t.deps.db
      .selectFrom('slots')
      .select(['id', 'booked'])
      .where('session_id', '=', later.sessionId)
      .orderBy('starts_at')
      .execute();
    expect(counts.map((c) => c.booked)).toEqual([0, 1]);
    const stale = await patient.post(`/api/v1/appointments/${b.id}/reschedule`, {
      slotId: later.slotIds[0],
      version: b.version,
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('waitlist', () => {
  it('offers a freed place to the first waiting patient and moves it on when the offer expires', async () => {
    const s = await buildSession(t.deps, { orgId, doctorId, startsAt: inHours(26), slots: 1, capacity: 1 });
    const [holder, first, second] = await buildPatients(t.deps, orgId, patientAccountId, 3);
    const a = (await book(holder!, s.slotIds[0]!)).json();
    const full = await book(first!, s.slotIds[0]!);
    expect(full.json().code).toBe('SLOT_TAKEN');
    const w1 = (
      await patient.post('/api/v1/scheduling/waitlist', { patientId: first, sessionId: s.sessionId })
    ).json();
    const w2 = (
      await patient.post('/api/v1/scheduling/waitlist', { patientId: second, slotId: s.slotIds[0] })
    ).json();
    const dup = await patient.post('/api/v1/scheduling/waitlist', { patientId: first, slotId: s.slotIds[0] });
    expect(dup.json().code).toBe('WAITLIST_DUPLICATE');
    await patient.post(`/api/v1/appointments/${a.id}/cancel`, {});
    const entries = async () =>
      new Map(
        (
          (await patient.get('/api/v1/scheduling/waitlist')).json().items as { id: string; status: string }[]
        ).map((e) => [e.id, e.status]),
      );
    expect((await entries()).get(w1.id)).toBe('offered');
    expect((await entries()).get(w2.id)).toBe('waiting');
    // Nobody else can take the held place meanwhile.
    expect((await book(holder!, s.slotIds[0]!)).json().code).toBe('SLOT_TAKEN');
    expect(await expireOffers(t.deps, new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect((await entries()).get(w1.id)).toBe('expired');
    expect((await entries()).get(w2.id)).toBe('offered');
    const late = await patient.post(`/api/v1/scheduling/waitlist/${w1.id}/accept`, {});
    expect([late.statusCode, late.json().code]).toEqual([409, 'WAITLIST_OFFER_GONE']);
    const taken = await patient.post(`/api/v1/scheduling/waitlist/${w2.id}/accept`, {});
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({ slotId: s.slotIds[0], status: 'booked' });
  });
});

describe('check-in and the live queue', () => {
  it('checks in within the window, queues in order, and tells patients and the console of every change', async () => {
    const s = await buildSession(t.deps, {
      orgId,
      doctorId,
      startsAt: inHours(0.25),
      slots: 3,
      capacity: 1,
      slotMinutes: 10,
    });
    const later = await buildSession(t.deps, {
      orgId,
      doctorId: otherDoctorId,
      startsAt: inHours(30),
      slots: 1,
    });
    const [p1, p2, p3] = await buildPatients(t.deps, orgId, patientAccountId, 3);
    const a1 = (await book(p1!, s.slotIds[0]!)).json();
    const a2 = (await book(p2!, s.slotIds[1]!)).json();
    const a3 = (await book(p3!, s.slotIds[2]!)).json();
    const early = (await book(p1!, later.slotIds[0]!)).json();
    const tooEarly = await patient.post(`/api/v1/appointments/${early.id}/check-in`, {});
    expect([tooEarly.statusCode, tooEarly.json().code]).toEqual([422, 'CHECK_IN_WINDOW']);

    const realtime = t.deps.realtime as RecordingRealtime;
    realtime.sent.length = 0;
    expect((await patient.post(`/api/v1/appointments/${a2.id}/check-in`, {})).json()).toMatchObject({
      status: 'checked_in',
      queueState: 'waiting',
      queueNumber: 1,
    });
    const nurseCheckIn = await nurse.post(`/api/v1/appointments/${a1.id}/check-in`, {});
    expect(nurseCheckIn.json().queueNumber, nurseCheckIn.body).toBe(2);
    const queued = realtime.sent.filter((m) => m.event.type === 'scheduling.queue.updated');
    expect(queued.map((m) => m.namespace).sort()).toEqual(['console', 'console', 'patient', 'patient']);
    expect(queued.find((m) => m.namespace === 'patient')?.target.accountIds).toContain(patientAccountId);

    // a1's slot is earlier, so a1 is served first although a2 arrived first.
    const mine = (await patient.get(`/api/v1/appointments/${a2.id}/queue`)).json();
    expect(mine).toMatchObject({ position: 2, ahead: 1, estimatedWaitMinutes: 10, state: 'waiting' });
    const called = await doctor.post(`/api/v1/scheduling/sessions/${s.sessionId}/call-next`, {});
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json().entries[0]).toMatchObject({ appointmentId: a1.id, state: 'called' });
    expect((await patient.get(`/api/v1/appointments/${a2.id}/queue`)).json()).toMatchObject({
      position: 1,
      nowServing: 2,
    });
    expect(
      (await doctor.post(`/api/v1/appointments/${a1.id}/queue-action`, { action: 'start' })).statusCode,
    ).toBe(200);
    expect(
      (await doctor.post(`/api/v1/appointments/${a1.id}/queue-action`, { action: 'done' })).json().status,
    ).toBe('completed');
    const wrong = await doctor.post(`/api/v1/appointments/${a1.id}/queue-action`, { action: 'skip' });
    expect([wrong.statusCode, wrong.json().code]).toEqual([409, 'QUEUE_STATE']);
    expect(
      (await doctor.post(`/api/v1/appointments/${a2.id}/queue-action`, { action: 'skip' })).json().queueState,
    ).toBe('skipped');
    const empty = await doctor.post(`/api/v1/scheduling/sessions/${s.sessionId}/call-next`, {});
    expect([empty.statusCode, empty.json().code]).toEqual([409, 'QUEUE_EMPTY']);
    expect(
      (await nurse.post(`/api/v1/appointments/${a3.id}/queue-action`, { action: 'no_show' })).json().status,
    ).toBe('no_show');
    expect((await nurse.get(`/api/v1/scheduling/patients/${p3}/no-shows`)).json()).toEqual({
      patientId: p3,
      noShows: 1,
    });
    const byPatient = await patient.post(`/api/v1/appointments/${a3.id}/queue-action`, { action: 'call' });
    expect(byPatient.statusCode).toBe(403);

    const date = (
      await t.deps.db
        .selectFrom('schedule_sessions')
        .select('date')
        .where('id', '=', s.sessionId)
        .executeTakeFirstOrThrow()
    ).date;
    const day = (await nurse.get(`/api/v1/scheduling/day?date=${date}&doctorId=${doctorId}`)).json();
    const session = day.sessions.find((x: { id: string }) => x.id === s.sessionId);
    expect(session.appointments.map((a: { status: string }) => a.status)).toEqual([
      'completed',
      'checked_in',
      'no_show',
    ]);
  });

  it('shows the next free slots of a doctor to any signed-in person', async () => {
    const res = await patient.get(`/api/v1/scheduling/doctors/${otherDoctorId}/next-free?limit=3`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { startsAt: string; free: number }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((s) => s.free > 0 && new Date(s.startsAt) > new Date())).toBe(true);
  });
});
