import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPatient,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { triageRepository } from './triage.repository.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { TriageSession } from '@careloop/contracts';
import { buildSession } from '../scheduling/scheduling.testing.ts';

let t: TestApp;
let orgId: string;
let patient: Client;
let patientId: string;
let otherPatient: Client;
let admin: Client;
let outsider: Client;
const departments: Record<string, string> = {};
let cardiologistId: string;

async function start(client: Client, text: string, extra: Record<string, unknown> = {}) {
  return client.post('/api/v1/triage/sessions', { patientId, text, ...extra });
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  for (const [code, zh, en] of [
    ['cardiology', '心内科', 'Cardiology'],
    ['respiratory', '呼吸内科', 'Respiratory Medicine'],
    ['gastroenterology', '消化内科', 'Gastroenterology'],
    ['general-practice', '全科', 'General Practice'],
    ['neurology', '神经内科', 'Neurology'],
  ] as const) {
    departments[code] = uuidv7();
    await t.deps.db
      .insertInto('departments')
      .values({ id: departments[code]!, org_id: orgId, code, name_zh: zh, name_en: en })
      .execute();
  }
  const doctor = await createStaff(t, orgId, ['doctor']);
  cardiologistId = doctor.id;
  await t.deps.db
    .updateTable('memberships')
    .set({ department_id: departments['cardiology']!, title: '主任医师' })
    .where('account_id', '=', doctor.id)
    .execute();
  const built = await buildSession(t.deps, {
    orgId,
    doctorId: doctor.id,
    startsAt: new Date(Date.now() + 86_400_000),
    slots: 4,
  });
  await t.deps.db
    .updateTable('schedule_sessions')
    .set({ department_id: departments['cardiology']! })
    .where('id', '=', built.sessionId)
    .execute();
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  const manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  patientId = (await addPatient(t, manager, { name: '分诊患者', birthDate: '1962-05-01', sex: 'male' })).id;
  const account = await createPatientAccount(t);
  await t.deps.db
    .insertInto('patient_links')
    .values({
      id: uuidv7(),
      org_id: orgId,
      account_id: account.id,
      patient_id: patientId,
      relationship: 'self',
    })
    .execute();
  patient = await signIn(t, account.phone);
  otherPatient = await signIn(t, (await createPatientAccount(t)).phone);
  outsider = await signIn(t, await createStaff(t, await createOrg(t), ['org_admin']));
});

afterAll(async () => {
  await t?.close();
});

describe('triage sessions', () => {
  it('an emergency description gets red flags and call-120 advice at once, with cardiology doctors', async () => {
    const res = await start(patient, '胸口疼得厉害，出了一身冷汗，左胳膊也疼');
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json() as TriageSession;
    expect(s.status).toBe('completed');
    expect(s.result?.urgency.level).toBe('emergency');
    expect(s.result?.redFlags[0]?.id).toBe('chest_pain_cardiac');
    expect(s.result?.redFlags[0]?.advice).toContain('120');
    expect(s.result?.departments[0]).toMatchObject({
      departmentCode: 'cardiology',
      departmentId: departments['cardiology'],
    });
    expect(s.result?.doctors[0]).toMatchObject({ id: cardiologistId, consultOnline: true });
    expect(s.result?.doctors[0]?.nextSlots).toHaveLength(3);
    expect(s.messages.map((m) => m.kind)).toEqual(['text', 'result']);
  });

  it('asks follow-up questions, takes answers, and finishes with a result', async () => {
    const res = await start(patient, 'I have a cough and a sore throat');
    let s = res.json() as TriageSession;
    expect(s.status).toBe('asking');
    expect(s.language).toBe('en-US');
    let guard = 0;
    while (s.status === 'asking' && guard < 6) {
      const q = s.question!;
      const answer = q.options.find(
        (o) => o.value === 'no' || o.value === 'mild' || o.value === '1_3d',
      )?.value;
      const r = await patient.post(`/api/v1/triage/sessions/${s.id}/answers`, {
        questionId: q.id,
        ...(answer ? { answer } : { skip: true }),
      });
      expect(r.statusCode, r.body).toBe(200);
      s = r.json() as TriageSession;
      guard += 1;
    }
    expect(s.status).toBe('completed');
    expect(s.questionsAsked).toBeLessThanOrEqual(5);
    expect(s.result?.urgency.level).toBe('self_care');
    expect(s.result?.departments.map((d) => d.departmentCode)).toContain('respiratory');
    const again = await patient.post(`/api/v1/triage/sessions/${s.id}/answers`, {
      questionId: 'severity',
      answer: 'mild',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRIAGE_SESSION_CLOSED');
  });

  it('refuses an answer to a question that is not waiting, or outside the options', async () => {
    const s = (await start(patient, '头晕')).json() as TriageSession;
    const wrong = await patient.post(`/api/v1/triage/sessions/${s.id}/answers`, {
      questionId: 'nope',
      answer: 'x',
    });
    expect(wrong.json().code).toBe('TRIAGE_QUESTION_MISMATCH');
    const bad = await patient.post(`/api/v1/triage/sessions/${s.id}/answers`, {
      questionId: s.question!.id,
      answer: 'maybe',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('TRIAGE_ANSWER_INVALID');
  });

  it('records what the patient then did', async () => {
    const s = (await start(patient, '拉肚子两次，不发烧')).json() as TriageSession;
    const ref = uuidv7();
    const res = await patient.post(`/api/v1/triage/sessions/${s.id}/outcome`, {
      action: 'booked',
      refId: ref,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().outcome).toMatchObject({ action: 'booked', refId: ref });
    const row = await t.deps.db
      .selectFrom('triage_sessions')
      .select(['outcome_action', 'outcome_ref_id'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome_action: 'booked', outcome_ref_id: ref });
    const list = await patient.get(`/api/v1/triage/sessions?patientId=${patientId}`);
    expect(list.json().items.length).toBeGreaterThanOrEqual(1);
  });
});

describe('bad input never gets a 500', () => {
  it.each([
    ['', 400, 'TRIAGE_TEXT_EMPTY'],
    ['    ', 400, 'TRIAGE_TEXT_EMPTY'],
    ['头疼'.repeat(1500), 400, 'TRIAGE_TEXT_TOO_LONG'],
  ])('text %#', async (text, status, code) => {
    const res = await start(patient, text);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it('opens one session for a start sent twice with the same Idempotency-Key', async () => {
    const key = 'triage-retry-0001';
    const first = await patient.request(
      'POST',
      '/api/v1/triage/sessions',
      { patientId, text: '咳嗽三天，有点发烧' },
      { 'idempotency-key': key },
    );
    const again = await patient.request(
      'POST',
      '/api/v1/triage/sessions',
      { patientId, text: '咳嗽三天，有点发烧' },
      { 'idempotency-key': key },
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const sessions = await t.deps.db
      .selectFrom('triage_sessions')
      .select('id')
      .where('id', '=', first.json().id)
      .execute();
    expect(sessions).toHaveLength(1);
  });

  it('answers 413 to a 100 KB text', async () => {
    const res = await start(patient, 'a'.repeat(100 * 1024));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each(['😀😷🤒', 'У меня болит голова', '頭が痛いです', 'asdf qwer'])(
    'cannot understand %s: suggests a department or 120',
    async (text) => {
      const res = await start(patient, text, {});
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json() as TriageSession;
      expect(s.status).toBe('not_understood');
      expect(s.notUnderstood?.advice).toContain('120');
    },
  );
});

describe('access', () => {
  it('another patient cannot start or read a session of this patient', async () => {
    expect((await start(otherPatient, '头疼')).statusCode).toBe(404);
    const s = (await start(patient, '头疼')).json() as TriageSession;
    expect((await otherPatient.get(`/api/v1/triage/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/triage/sessions/${s.id}`)).statusCode).toBe(404);
  });

  it('only org admins edit the knowledge base', async () => {
    expect((await patient.get('/api/v1/triage/knowledge')).statusCode).toBe(403);
  });
});

describe('knowledge overrides and the classifier', () => {
  it('an admin adds a synonym that triage then understands, and bad weights are refused', async () => {
    const before = (await start(patient, '闹肚子')).json() as TriageSession;
    expect(before.status).toBe('not_understood');
    const put = await admin.request('PUT', '/api/v1/triage/knowledge/symptoms/diarrhea', {
      extraSynonymsZh: ['闹肚子'],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().symptoms.find((s: { id: string }) => s.id === 'diarrhea').overridden).toBe(true);
    const after = (await start(patient, '闹肚子')).json() as TriageSession;
    expect(after.status).not.toBe('not_understood');
    const bad = await admin.request('PUT', '/api/v1/triage/knowledge/symptoms/diarrhea', {
      departments: { dentistry: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('departments.dentistry');
    expect((await admin.request('PUT', '/api/v1/triage/knowledge/symptoms/nope', {})).statusCode).toBe(404);
    expect((await admin.delete('/api/v1/triage/knowledge/symptoms/diarrhea')).statusCode).toBe(200);
  });

  it('retrains on closed consultations and then refines the ranking', async () => {
    const staff = await t.deps.db
      .selectFrom('memberships')
      .select('account_id')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const rows = [];
    for (let i = 0; i < 40; i += 1) {
      const code = i % 2 === 0 ? 'gastroenterology' : 'respiratory';
      rows.push({
        id: uuidv7(),
        org_id: orgId,
        patient_id: patientId,
        requested_by: staff.account_id,
        department_id: departments[code]!,
        status: 'closed' as const,
        chief_complaint: code === 'gastroenterology' ? '胃胀反酸，吃完饭难受' : '咳嗽有痰，晚上咳得厉害',
        expires_at: new Date(),
      });
    }
    await t.deps.db.insertInto('consultations').values(rows).execute();
    const res = await admin.post('/api/v1/triage/classifier/retrain', {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ samples: 40, departments: 2, active: true });
    const s = (await start(patient, '胃胀反酸')).json() as TriageSession;
    expect(s.result?.classifierUsed).toBe(true);
    expect(s.result?.departments[0]?.departmentCode).toBe('gastroenterology');
  });

  it('also learns from visits: a symptom check followed by a visit the patient had, in the department that saw them', async () => {
    const before = await triageRepository.trainingSamples(t.deps.db, orgId);
    const s = (await start(patient, '心慌，心跳有时候很快')).json() as TriageSession;
    const session = await buildSession(t.deps, {
      orgId,
      doctorId: cardiologistId,
      startsAt: new Date(Date.now() + 40 * 3_600_000),
      slots: 1,
    });
    const appointmentId = uuidv7();
    const staff = await t.deps.db
      .selectFrom('memberships')
      .select('account_id')
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('appointments')
      .values({
        id: appointmentId,
        org_id: orgId,
        patient_id: patientId,
        slot_id: session.slotIds[0]!,
        session_id: session.sessionId,
        doctor_account_id: cardiologistId,
        visit_date: new Date(session.startsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
        starts_at: session.startsAt,
        status: 'booked',
        booked_by: staff.account_id,
        basis: 'desk',
        care_until: new Date(session.startsAt.getTime() + 86_400_000),
      })
      .execute();
    await patient.post(`/api/v1/triage/sessions/${s.id}/outcome`, { action: 'booked', refId: appointmentId });
    // Booked is not enough: only a visit the patient had teaches where such words belong.
    expect(await triageRepository.trainingSamples(t.deps.db, orgId)).toHaveLength(before.length);
    await t.deps.db
      .updateTable('appointments')
      .set({ status: 'completed' })
      .where('id', '=', appointmentId)
      .execute();
    const after = await triageRepository.trainingSamples(t.deps.db, orgId);
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual({ text: '心慌，心跳有时候很快', code: 'cardiology' });
  });
});
