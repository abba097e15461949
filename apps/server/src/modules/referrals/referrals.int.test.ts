import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, signIn, type Client } from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { createRecordWorld, type RecordWorld } from '../records/records.testing.ts';
import { buildSession } from '../scheduling/scheduling.testing.ts';
import { expireReferrals } from './index.ts';

// The patient's organization A (the referring doctor on the care team, a colleague without one) and organization B
// with a nephrology department of two doctors and a doctor of another department.
let w: RecordWorld;
let orgB: string;
let nephrology: string;
let receiver: Client;
let receiverId: string;
let receiver2: Client;
let otherDepartmentDoctor: Client;

async function department(orgId: string, code: string) {
  const id = uuidv7();
  await w.t.deps.db
    .insertInto('departments')
    .values({ id, org_id: orgId, code, name_zh: '肾内科', name_en: 'Nephrology' })
    .execute();
  return id;
}

async function doctorIn(orgId: string, departmentId: string | null) {
  const account = await createStaff(w.t, orgId, ['doctor']);
  await w.t.deps.db
    .updateTable('memberships')
    .set({ department_id: departmentId })
    .where('account_id', '=', account.id)
    .execute();
  return { id: account.id, client: await signIn(w.t, account) };
}

const body = (overrides: Record<string, unknown> = {}) => ({
  patientId: w.patientId,
  target: { kind: 'department', orgId: orgB, departmentId: nephrology },
  reason: '肌酐进行性升高，请肾内科评估',
  urgency: 'urgent',
  sections: ['problems', 'medications', 'observations'],
  windowFrom: '2025-01-01',
  ...overrides,
});

async function refer(overrides: Record<string, unknown> = {}) {
  const res = await w.doctor.post('/api/v1/referrals', body(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; version: number };
}

async function consented(overrides: Record<string, unknown> = {}) {
  const r = await refer(overrides);
  const res = await w.patient.post(`/api/v1/referrals/${r.id}/consent`, {});
  expect(res.statusCode, res.body).toBe(200);
  return r;
}

async function seedRecord() {
  const base = { org_id: w.orgId, patient_id: w.patientId, source: 'clinician' as const, source_org: null };
  const db = w.t.deps.db;
  await db
    .insertInto('conditions')
    .values({ ...base, id: uuidv7(), icd10: 'N18.3', display: '慢性肾脏病 3 期', clinical_status: 'active' })
    .execute();
  await db
    .insertInto('medication_statements')
    .values({ ...base, id: uuidv7(), name: '缬沙坦', dose: '80 mg', frequency: 'qd' })
    .execute();
  await db
    .insertInto('allergies')
    .values({ ...base, id: uuidv7(), substance: '青霉素', category: 'drug', severity: 'severe' })
    .execute();
  for (const [day, value] of [
    ['2024-06-01', 98],
    ['2025-03-01', 142],
  ] as const)
    await db
      .insertInto('observations')
      .values({
        ...base,
        id: uuidv7(),
        code_system: 'loinc',
        code: '2160-0',
        name: '肌酐',
        value_num: value,
        unit: 'umol/L',
        effective_at: `${day}T08:00:00+08:00`,
        dedupe_key: `creat-${day}`,
      })
      .execute();
}

beforeAll(async () => {
  w = await createRecordWorld();
  orgB = await createOrg(w.t);
  nephrology = await department(orgB, 'nephrology');
  const other = await department(orgB, 'other');
  const r1 = await doctorIn(orgB, nephrology);
  receiver = r1.client;
  receiverId = r1.id;
  receiver2 = (await doctorIn(orgB, nephrology)).client;
  otherDepartmentDoctor = (await doctorIn(orgB, other)).client;
  await seedRecord();
});

afterAll(async () => {
  await w?.t.close();
});

describe('a referral from consent to report back', () => {
  it('travels to another organization: consent, accept, book, report back into the record', async () => {
    const r = await refer();
    expect(r.status).toBe('awaiting_consent');

    // Before the patient consents the receivers see nothing.
    expect((await receiver.get(`/api/v1/referrals/${r.id}`)).statusCode).toBe(404);
    expect((await receiver.get('/api/v1/referrals?view=inbox')).json().items).toHaveLength(0);

    const mine = (await w.patient.get('/api/v1/referrals?view=patient')).json();
    expect(mine.items[0]).toMatchObject({
      id: r.id,
      status: 'awaiting_consent',
      role: 'patient',
      sections: ['problems', 'medications', 'observations'],
      to: { kind: 'department', departmentName: 'Nephrology' },
    });
    const consent = await w.patient.post(`/api/v1/referrals/${r.id}/consent`, { version: r.version });
    expect(consent.json()).toMatchObject({ status: 'consented', consent: { state: 'given' } });

    const inbox = (await receiver2.get('/api/v1/referrals?view=inbox')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(r.id);
    expect(inbox.items[0]).toMatchObject({ role: 'receiver', canReadRecord: true });
    expect((await otherDepartmentDoctor.get('/api/v1/referrals?view=inbox')).json().items).toHaveLength(0);
    expect((await otherDepartmentDoctor.get(`/api/v1/referrals/${r.id}`)).statusCode).toBe(404);

    const accepted = await receiver.post(`/api/v1/referrals/${r.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedBy: { id: receiverId } });
    // Once one doctor took it, it leaves the others' inbox.
    expect((await receiver2.get(`/api/v1/referrals/${r.id}`)).statusCode).toBe(404);

    const booked = await receiver.post(`/api/v1/referrals/${r.id}/book`, {
      plannedAt: '2030-05-06T09:30:00+08:00',
      note: '肾内科门诊 3 诊室',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json().booking).toMatchObject({ appointmentId: null, note: '肾内科门诊 3 诊室' });

    const report = await receiver.post(`/api/v1/referrals/${r.id}/report`, {
      outcome: 'CKD 3a 期，继续缬沙坦，3 个月复查肾功能。',
    });
    expect(report.statusCode, report.body).toBe(200);
    const done = report.json();
    expect(done.status).toBe('completed');
    expect(done.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'consented',
      'accepted',
      'booked',
      'completed',
    ]);

    // The referring doctor sees the outcome; the patient's record holds it as an encounter.
    const seen = (await w.doctor.get(`/api/v1/referrals/${r.id}`)).json();
    expect(seen.outcome).toMatchObject({ text: 'CKD 3a 期，继续缬沙坦，3 个月复查肾功能。' });
    const encounter = await w.t.deps.db
      .selectFrom('encounters')
      .select(['kind', 'summary', 'org_id'])
      .where('id', '=', seen.outcome.encounterId)
      .executeTakeFirstOrThrow();
    expect(encounter).toMatchObject({ kind: 'outpatient', org_id: w.orgId });
    // And the record is closed to the receiver once the referral is complete.
    expect((await receiver.get(`/api/v1/referrals/${r.id}/record`)).statusCode).toBe(403);

    const kinds = await w.t.deps.db
      .selectFrom('notifications')
      .select(['account_id', 'dedupe_key'])
      .where('dedupe_key', 'like', `referral:${r.id}:%`)
      .execute();
    expect(kinds.map((k) => k.dedupe_key.split(':')[2]).sort()).toEqual(
      expect.arrayContaining(['accepted', 'completed', 'consented', 'created']),
    );
  });

  it('a patient declines; the referral never reaches the receiver', async () => {
    const r = await refer();
    const res = await w.patient.post(`/api/v1/referrals/${r.id}/refuse`, { reason: '想先在本院观察' });
    expect(res.json()).toMatchObject({ status: 'declined', consent: { state: 'refused' } });
    expect((await receiver.get(`/api/v1/referrals/${r.id}`)).statusCode).toBe(404);
    expect((await w.doctor.get(`/api/v1/referrals/${r.id}`)).json().events.at(-1)).toMatchObject({
      type: 'refused',
      note: '想先在本院观察',
    });
  });

  it('a receiver declines with a reason the referring doctor reads', async () => {
    const r = await consented({ target: { kind: 'organization', orgId: orgB } });
    const res = await otherDepartmentDoctor.post(`/api/v1/referrals/${r.id}/decline`, { reason: '无床位' });
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: '无床位' });
    expect((await w.doctor.get('/api/v1/referrals?view=outbox&status=declined')).json().items[0].id).toBe(
      r.id,
    );
  });
});

describe('the shared record under consent', () => {
  it('holds exactly the consented sections within the window, and every read is audited', async () => {
    const r = await consented();
    const res = await receiver.get(`/api/v1/referrals/${r.id}/record`);
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json();
    expect(record.problems).toEqual([expect.objectContaining({ icd10: 'N18.3' })]);
    expect(record.medications).toEqual([expect.objectContaining({ name: '缬沙坦' })]);
    // The window starts in 2025: the 2024 creatinine stays behind.
    expect(record.observations).toEqual([expect.objectContaining({ code: '2160-0', value: '142' })]);
    for (const absent of ['allergies', 'encounters', 'documents']) expect(record).not.toHaveProperty(absent);
    const audits = await w.t.deps.db
      .selectFrom('audit_events')
      .select(['reason', 'patient_id'])
      .where('action', '=', 'referral.record.read')
      .where('resource_id', '=', r.id)
      .execute();
    expect(audits).toEqual([{ reason: `referral:${r.id}`, patient_id: w.patientId }]);
  });

  it('gives the receiver no access to the record itself', async () => {
    await consented();
    // Another organization: the patient does not exist for them.
    for (const path of ['summary', 'observations', 'documents', 'timeline']) {
      const res = await receiver.get(`/api/v1/patients/${w.patientId}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code, path).toBe('PATIENT_NOT_FOUND');
    }
  });

  it('gives a receiver in the same organization no access to the record itself either', async () => {
    const neurology = await department(w.orgId, 'neurology');
    const colleague = await doctorIn(w.orgId, neurology);
    const r = await consented({ target: { kind: 'department', orgId: w.orgId, departmentId: neurology } });
    expect((await colleague.client.get(`/api/v1/referrals/${r.id}/record`)).statusCode).toBe(200);
    const summary = await colleague.client.get(`/api/v1/patients/${w.patientId}/summary`);
    expect(summary.statusCode).toBe(403);
    expect(summary.json().code).toBe('ACCESS_DENIED');
  });

  it('closes when the patient withdraws consent', async () => {
    const r = await consented({ sections: ['allergies'] });
    expect((await receiver.get(`/api/v1/referrals/${r.id}/record`)).json().allergies).toHaveLength(1);
    await receiver.post(`/api/v1/referrals/${r.id}/accept`, {});
    const withdrawn = await w.patient.post(`/api/v1/referrals/${r.id}/withdraw`, {});
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', consent: { state: 'withdrawn' } });
    const after = await receiver.get(`/api/v1/referrals/${r.id}/record`);
    expect(after.statusCode).toBe(403);
    expect(after.json().code).toBe('REFERRAL_NO_CONSENT');
    expect((await receiver.get(`/api/v1/referrals/${r.id}`)).json()).toMatchObject({ canReadRecord: false });
  });

  it('is not readable before consent, nor by the referring doctor through this route', async () => {
    const r = await refer();
    expect((await receiver.get(`/api/v1/referrals/${r.id}/record`)).statusCode).toBe(404);
    expect((await w.doctor.get(`/api/v1/referrals/${r.id}/record`)).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('refuses a referral by a doctor without a care relationship', async () => {
    const res = await w.colleague.post('/api/v1/referrals', body());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCESS_DENIED');
    expect((await w.otherOrgDoctor.post('/api/v1/referrals', body())).statusCode).toBe(404);
  });

  it('refuses a target that does not exist, naming the field', async () => {
    const cases = [
      { target: { kind: 'organization', orgId: uuidv7() }, path: 'target.orgId' },
      { target: { kind: 'department', orgId: orgB, departmentId: uuidv7() }, path: 'target.departmentId' },
      { target: { kind: 'doctor', orgId: orgB, accountId: uuidv7() }, path: 'target.accountId' },
      { target: { kind: 'doctor', orgId: w.orgId, accountId: w.doctorId }, path: 'target.accountId' },
    ];
    for (const c of cases) {
      const res = await w.doctor.post('/api/v1/referrals', body({ target: c.target }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'REFERRAL_TARGET_INVALID', errors: [{ path: c.path }] });
    }
    const bad = await w.doctor.post('/api/v1/referrals', body({ sections: ['genome'] }));
    expect(bad.statusCode).toBe(400);
    const window = await w.doctor.post(
      '/api/v1/referrals',
      body({ windowFrom: '2025-05-01', windowTo: '2025-01-01' }),
    );
    expect(window.statusCode).toBe(400);
  });

  it('lets nobody but the patient side consent', async () => {
    const r = await refer();
    expect((await w.strangerPatient.post(`/api/v1/referrals/${r.id}/consent`, {})).statusCode).toBe(404);
    expect((await w.strangerPatient.get(`/api/v1/referrals/${r.id}`)).statusCode).toBe(404);
    expect((await w.doctor.post(`/api/v1/referrals/${r.id}/consent`, {})).statusCode).toBe(403);
    expect((await receiver.post(`/api/v1/referrals/${r.id}/accept`, {})).statusCode).toBe(404);
  });

  it('accepts once: a second accept answers 409, as does a second receiver racing for it', async () => {
    const r = await consented();
    const [a, b] = await Promise.all([
      receiver.post(`/api/v1/referrals/${r.id}/accept`, {}),
      receiver2.post(`/api/v1/referrals/${r.id}/accept`, {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? receiver : receiver2;
    const again = await winner.post(`/api/v1/referrals/${r.id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('REFERRAL_ALREADY_ACCEPTED');
  });

  it('refuses steps out of order and an appointment it cannot check', async () => {
    const r = await consented();
    expect((await receiver.post(`/api/v1/referrals/${r.id}/report`, { outcome: 'x' })).statusCode).toBe(403);
    expect((await w.patient.post(`/api/v1/referrals/${r.id}/consent`, {})).statusCode).toBe(409);
    await receiver.post(`/api/v1/referrals/${r.id}/accept`, {});
    const unknownSlot = await receiver.post(`/api/v1/referrals/${r.id}/book`, { slotId: uuidv7() });
    expect(unknownSlot.json().code).toBe('SLOT_NOT_FOUND');
    // A slot of the referring organization is not the receiver's to give.
    const theirs = await buildSession(w.t.deps, {
      orgId: w.orgId,
      doctorId: w.doctorId,
      startsAt: new Date(Date.now() + 30 * 3_600_000),
      slots: 1,
    });
    const foreign = await receiver.post(`/api/v1/referrals/${r.id}/book`, { slotId: theirs.slotIds[0] });
    expect(foreign.json().code).toBe('SLOT_OTHER_ORG');
    expect((await receiver.get(`/api/v1/referrals/${r.id}`)).json().status).toBe('accepted');
    expect((await receiver.post(`/api/v1/referrals/${r.id}/book`, {})).statusCode).toBe(400);
  });

  it('books a slot at the receiving organization: the patient is registered there once, sees the visit, and a rebooking frees the first place', async () => {
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000);
    const session = await buildSession(w.t.deps, {
      orgId: orgB,
      doctorId: receiverId,
      startsAt: inHours(30),
      slots: 3,
    });
    const r = await consented();
    await receiver.post(`/api/v1/referrals/${r.id}/accept`, {});
    const booked = await receiver.post(`/api/v1/referrals/${r.id}/book`, {
      slotId: session.slotIds[0],
      note: '3 诊室',
    });
    expect(booked.statusCode, booked.body).toBe(200);
    const appointmentId = booked.json().booking.appointmentId as string;
    expect(appointmentId).toBeTruthy();
    expect(new Date(booked.json().booking.plannedAt).toISOString()).toBe(session.startsAt.toISOString());

    const appointment = await w.t.deps.db
      .selectFrom('appointments as a')
      .innerJoin('patients as p', 'p.id', 'a.patient_id')
      .select(['a.org_id', 'a.patient_id', 'a.basis', 'a.status', 'p.name', 'p.org_id as patient_org'])
      .where('a.id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    expect(appointment).toMatchObject({
      org_id: orgB,
      patient_org: orgB,
      basis: 'referral',
      status: 'booked',
    });
    expect(appointment.patient_id).not.toBe(w.patientId);
    // The patient sees the visit in the app; the receiving doctor now has the care relationship to that profile.
    const mine = (await w.patient.get('/api/v1/appointments')).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(appointmentId);
    expect((await receiver.get(`/api/v1/patients/${appointment.patient_id}`)).json().accessBasis).toBe(
      'care_team',
    );

    // A second referral of the same patient to the same organization finds that profile rather than making another.
    const r2 = await consented();
    await receiver.post(`/api/v1/referrals/${r2.id}/accept`, {});
    const second = await receiver.post(`/api/v1/referrals/${r2.id}/book`, { slotId: session.slotIds[1] });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().code).toBe('APPOINTMENT_DUPLICATE');
    const profiles = await w.t.deps.db
      .selectFrom('patients')
      .select('id')
      .where('org_id', '=', orgB)
      .where('name', '=', appointment.name)
      .execute();
    expect(profiles).toHaveLength(1);

    // Rebooking the first referral to another slot cancels the first appointment and gives its place back.
    const later = await buildSession(w.t.deps, {
      orgId: orgB,
      doctorId: receiverId,
      startsAt: inHours(60),
      slots: 1,
    });
    const moved = await receiver.post(`/api/v1/referrals/${r.id}/book`, { slotId: later.slotIds[0] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().booking.appointmentId).not.toBe(appointmentId);
    const first = await w.t.deps.db
      .selectFrom('appointments')
      .select('status')
      .where('id', '=', appointmentId)
      .executeTakeFirstOrThrow();
    expect(first.status).toBe('cancelled');
    const slot = await w.t.deps.db
      .selectFrom('slots')
      .select('booked')
      .where('id', '=', session.slotIds[0]!)
      .executeTakeFirstOrThrow();
    expect(slot.booked).toBe(0);
  });

  it('expires a referral nobody consented to in time: the status is written once and both sides are told', async () => {
    const r = await refer();
    await w.t.deps.db
      .updateTable('referrals')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', r.id)
      .execute();
    expect(await expireReferrals(w.t.deps)).toBeGreaterThanOrEqual(1);
    const stored = await w.t.deps.db
      .selectFrom('referrals')
      .select(['status', 'version'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('expired');
    const told = await w.t.deps.db
      .selectFrom('notifications')
      .select('account_id')
      .where('dedupe_key', 'like', `referral:${r.id}:expired:%`)
      .execute();
    expect(told.length).toBeGreaterThanOrEqual(2);
    expect((await w.patient.post(`/api/v1/referrals/${r.id}/consent`, {})).statusCode).toBe(409);
    await expireReferrals(w.t.deps);
    const after = await w.t.deps.db
      .selectFrom('referrals')
      .select('version')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(stored.version);
  });

  it('lets the referring doctor cancel, which ends the receiver’s access', async () => {
    const r = await consented();
    const res = await w.doctor.post(`/api/v1/referrals/${r.id}/cancel`, { reason: '患者病情稳定' });
    expect(res.json().status).toBe('cancelled');
    expect((await receiver.get(`/api/v1/referrals/${r.id}/record`)).statusCode).toBe(403);
    expect((await w.doctor.post(`/api/v1/referrals/${r.id}/cancel`, {})).statusCode).toBe(409);
  });
});
