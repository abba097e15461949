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
import { uuidv7 } from '../../platform/db/ids.ts';
import type { RecordingRealtime } from '../../platform/realtime/realtime.ts';
import { deliverUnreadNotice, expireRequests } from './index.ts';

let t: TestApp;
let orgId: string;
let departmentId: string;
let doctorA: Client;
let doctorAId: string;
let doctorB: Client;
let outsider: Client;
let admin: Client;
let patient: Client;
let patientAccountId: string;
let patientId: string;
let otherPatient: Client;

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const WEBM = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(200, 1)]);

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----cl${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  client: Client,
  consultationId: string,
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Buffer },
) {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/consultations/${consultationId}/attachments`,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'content-type': body.contentType,
      'accept-language': 'en-US',
    },
    payload: body.payload,
  });
}

async function linkPatient(accountId: string, pid: string) {
  await t.deps.db
    .insertInto('patient_links')
    .values({ id: uuidv7(), org_id: orgId, account_id: accountId, patient_id: pid, relationship: 'self' })
    .execute();
}

async function open(body: Record<string, unknown> = {}) {
  const res = await patient.post('/api/v1/consultations', {
    patientId,
    departmentId,
    chiefComplaint: '头晕三天，血压 160/100',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string };
}

async function openAccepted() {
  const c = await open();
  const res = await doctorA.post(`/api/v1/consultations/${c.id}/accept`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number; status: string };
}

beforeAll(async () => {
  t = await createTestApp({ CONSULT_MESSAGE_BURST: '30', CONSULT_MESSAGES_PER_MINUTE: '60' });
  orgId = await createOrg(t);
  departmentId = uuidv7();
  await t.deps.db
    .insertInto('departments')
    .values({ id: departmentId, org_id: orgId, code: 'cardio', name_zh: '心内科', name_en: 'Cardiology' })
    .execute();
  const a = await createStaff(t, orgId, ['doctor']);
  const b = await createStaff(t, orgId, ['doctor']);
  doctorAId = a.id;
  await t.deps.db
    .updateTable('memberships')
    .set({ department_id: departmentId, title: '主任医师' })
    .where('account_id', 'in', [a.id, b.id])
    .execute();
  doctorA = await signIn(t, a);
  doctorB = await signIn(t, b);
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  const otherOrg = await createOrg(t);
  outsider = await signIn(t, await createStaff(t, otherOrg, ['doctor']));
  const manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  patientId = (await addPatient(t, manager, { name: '问诊患者', birthDate: '1965-03-01', sex: 'male' })).id;
  const account = await createPatientAccount(t);
  patientAccountId = account.id;
  await linkPatient(account.id, patientId);
  patient = await signIn(t, account.phone);
  const otherAccount = await createPatientAccount(t);
  await linkPatient(otherAccount.id, (await addPatient(t, manager, { name: '别人' })).id);
  otherPatient = await signIn(t, otherAccount.phone);
});

afterAll(async () => {
  await t?.close();
});

describe('opening and taking a consultation', () => {
  it('a patient asks a department pool; its doctors see it waiting, with the patient and the waiting time', async () => {
    const targets = await patient.get(`/api/v1/consultations/targets?patientId=${patientId}`);
    expect(targets.statusCode).toBe(200);
    expect(targets.json().departments[0]).toMatchObject({ name: 'Cardiology' });
    expect(targets.json().departments[0].doctors).toHaveLength(2);

    const c = await open();
    expect(c.status).toBe('requested');
    const queue = await doctorB.get('/api/v1/consultations?view=waiting');
    const item = queue.json().items.find((x: { id: string }) => x.id === c.id);
    expect(item).toMatchObject({
      patient: { name: '问诊患者', sex: 'male' },
      chiefComplaint: '头晕三天，血压 160/100',
    });
    expect((await outsider.get('/api/v1/consultations?view=waiting')).json().items).toHaveLength(0);
    expect((await outsider.get(`/api/v1/consultations/${c.id}`)).statusCode).toBe(404);
    expect((await otherPatient.get(`/api/v1/consultations/${c.id}`)).statusCode).toBe(404);
  });

  it('of two doctors accepting at once exactly one wins; the other gets 409 and nothing else changes', async () => {
    const c = await open();
    const [ra, rb] = await Promise.all([
      doctorA.post(`/api/v1/consultations/${c.id}/accept`, {}),
      doctorB.post(`/api/v1/consultations/${c.id}/accept`, {}),
    ]);
    const codes = [ra.statusCode, rb.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = ra.statusCode === 409 ? ra : rb;
    expect(loser.json().code).toBe('CONSULTATION_ALREADY_TAKEN');
    const rows = await t.deps.db
      .selectFrom('consultation_participants')
      .selectAll()
      .where('consultation_id', '=', c.id)
      .where('role', '=', 'doctor')
      .execute();
    expect(rows).toHaveLength(1);
    const events = await patient.get(`/api/v1/consultations/${c.id}/messages`);
    expect(events.json().items.map((m: { event: { type: string } }) => m.event.type)).toEqual([
      'requested',
      'accepted',
    ]);
  });

  it('gives the accepting doctor a care relationship while open and in the follow-up window, then not', async () => {
    const endWindows = () =>
      t.deps.db
        .updateTable('consultations')
        .set({ care_until: new Date(Date.now() - 1000) })
        .where('patient_id', '=', patientId)
        .execute();
    await endWindows();
    const c = await open();
    expect((await doctorA.get(`/api/v1/patients/${patientId}/summary`)).statusCode).toBe(403);
    await doctorA.post(`/api/v1/consultations/${c.id}/accept`, {});
    expect((await doctorA.get(`/api/v1/patients/${patientId}/summary`)).statusCode).toBe(200);
    // Every read path applies the same policy: the profile and the timeline too.
    expect((await doctorA.get(`/api/v1/patients/${patientId}`)).statusCode).toBe(200);
    expect((await doctorA.get(`/api/v1/patients/${patientId}/timeline`)).statusCode).toBe(200);
    expect((await doctorB.get(`/api/v1/patients/${patientId}/timeline`)).statusCode).toBe(403);
    expect((await doctorB.get(`/api/v1/patients/${patientId}/summary`)).statusCode).toBe(403);
    // The window ends.
    await endWindows();
    expect((await doctorA.get(`/api/v1/patients/${patientId}/summary`)).statusCode).toBe(403);
    expect((await doctorA.get(`/api/v1/patients/${patientId}`)).statusCode).toBe(403);
  });

  it('refuses bad requests with a 4xx that names the problem', async () => {
    const none = await patient.post('/api/v1/consultations', { patientId, chiefComplaint: 'x' });
    expect(none.statusCode).toBe(400);
    const unknown = await patient.post('/api/v1/consultations', {
      patientId,
      departmentId: uuidv7(),
      chiefComplaint: 'x',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('CONSULTATION_DEPARTMENT_INVALID');
    const notMine = await otherPatient.post('/api/v1/consultations', {
      patientId,
      departmentId,
      chiefComplaint: 'x',
    });
    expect(notMine.statusCode).toBe(404);
    const staff = await doctorA.post('/api/v1/consultations', {
      patientId,
      departmentId,
      chiefComplaint: 'x',
    });
    expect(staff.statusCode).toBe(403);
  });
});

describe('messages', () => {
  it('are numbered, stored as text, and a resend with the same client id returns the stored one', async () => {
    const c = await openAccepted();
    const first = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'client-0001',
      kind: 'text',
      body: '<script>alert(1)</script> 还是头晕',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'client-0001',
      kind: 'text',
      body: '<script>alert(1)</script> 还是头晕',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const reply = await doctorA.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'doctor-0001',
      kind: 'text',
      body: '请测量血压',
    });
    expect(reply.statusCode).toBe(201);
    const page = (await patient.get(`/api/v1/consultations/${c.id}/messages?after=2`)).json();
    expect(page.items.map((m: { body: string }) => m.body)).toEqual([
      '<script>alert(1)</script> 还是头晕',
      '请测量血压',
    ]);
    expect(page.items.map((m: { seq: number }) => m.seq)).toEqual([3, 4]);
    const listed = (await patient.get('/api/v1/consultations?view=open'))
      .json()
      .items.find((x: { id: string }) => x.id === c.id);
    expect(listed.lastMessage).toEqual({ kind: 'text', preview: '请测量血压', senderRole: 'doctor' });
    // The doctor's first message made it active.
    expect((await patient.get(`/api/v1/consultations/${c.id}`)).json().status).toBe('active');
    const sent = (t.deps.realtime as RecordingRealtime).sent.filter(
      (s) => s.event.type === 'consultations.message.created',
    );
    expect(sent.some((s) => s.namespace === 'console' && s.target.accountIds?.includes(doctorAId))).toBe(
      true,
    );
  });

  it('receipts move forward only and reach the other side', async () => {
    const c = await openAccepted();
    await doctorA.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'doctor-rcpt-1',
      kind: 'text',
      body: '您好',
    });
    expect(
      (await patient.post(`/api/v1/consultations/${c.id}/receipts`, { deliveredSeq: 3 })).statusCode,
    ).toBe(200);
    expect((await patient.post(`/api/v1/consultations/${c.id}/receipts`, { readSeq: 3 })).statusCode).toBe(
      200,
    );
    await patient.post(`/api/v1/consultations/${c.id}/receipts`, { readSeq: 1 });
    const seen = (await doctorA.get(`/api/v1/consultations/${c.id}`)).json();
    expect(seen).toMatchObject({ peerDeliveredSeq: 3, peerReadSeq: 3 });
  });

  it('a stranger cannot post into a consultation, and nothing is stored', async () => {
    const c = await openAccepted();
    const res = await otherPatient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'intruder-01',
      kind: 'text',
      body: 'hi',
    });
    expect(res.statusCode).toBe(404);
    const other = await doctorB.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'intruder-02',
      kind: 'text',
      body: 'hi',
    });
    expect(other.statusCode).toBe(404);
    const count = await t.deps.db
      .selectFrom('consultation_messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('consultation_id', '=', c.id)
      .where('kind', '<>', 'event')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('malformed messages are 400 naming the field', async () => {
    const c = await openAccepted();
    const empty = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'client-empty',
      kind: 'text',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toContain('body');
    const huge = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'client-huge',
      kind: 'text',
      body: 'x'.repeat(4001),
    });
    expect(huge.statusCode).toBe(400);
    const badId = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'a b',
      kind: 'text',
      body: 'x',
    });
    expect(badId.statusCode).toBe(400);
  });

  it('a flood is cut off with 429 per person', async () => {
    const c = await openAccepted();
    // A second account of the same patient (the patient's own phone and a tablet, say) floods.
    const tablet = await createPatientAccount(t);
    await linkPatient(tablet.id, patientId);
    const flooder = await signIn(t, tablet.phone);
    const results = [];
    for (let i = 0; i < 40; i++)
      results.push(
        (
          await flooder.post(`/api/v1/consultations/${c.id}/messages`, {
            clientId: `flood-${i}-xxxxx`,
            kind: 'text',
            body: `m${i}`,
          })
        ).statusCode,
      );
    expect(results.filter((s) => s === 201).length).toBeLessThanOrEqual(31);
    expect(results).toContain(429);
  });

  it('an offline recipient is told once for a run of unread messages, not once per message', async () => {
    const c = await openAccepted();
    const account = patientAccountId;
    // The patient read everything so far (the accept event), then goes offline.
    await patient.post(`/api/v1/consultations/${c.id}/receipts`, { readSeq: 2 });
    for (let i = 0; i < 3; i++)
      await doctorA.post(`/api/v1/consultations/${c.id}/messages`, {
        clientId: `offline-${i}-xxxx`,
        kind: 'text',
        body: `消息 ${i}`,
      });
    const jobsless = t.deps.jobs === null;
    expect(jobsless).toBe(true);
    expect(await deliverUnreadNotice(t.deps, { consultationId: c.id, accountId: account, seq: 3 })).toBe(
      true,
    );
    expect(await deliverUnreadNotice(t.deps, { consultationId: c.id, accountId: account, seq: 3 })).toBe(
      true,
    );
    const notes = await t.deps.db
      .selectFrom('notifications')
      .select(['title_en', 'body_en'])
      .where('account_id', '=', account)
      .where('kind', '=', 'consultation_message')
      .where('dedupe_key', 'like', `consultation:${c.id}:%`)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body_en).not.toContain('消息');
    // Once delivered, nothing more.
    await patient.post(`/api/v1/consultations/${c.id}/receipts`, { deliveredSeq: 5 });
    expect(await deliverUnreadNotice(t.deps, { consultationId: c.id, accountId: account, seq: 5 })).toBe(
      false,
    );
  });
});

describe('attachments', () => {
  it('takes images and voice notes, refuses what they are not', async () => {
    const c = await openAccepted();
    const image = await upload(
      patient,
      c.id,
      { kind: 'image' },
      { name: 'photo.png', type: 'image/png', bytes: PNG },
    );
    expect(image.statusCode, image.body).toBe(201);
    const sent = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'image-00001',
      kind: 'image',
      attachmentId: image.json().id,
    });
    expect(sent.statusCode).toBe(201);
    const bytes = await patient.get(`/api/v1/consultations/${c.id}/attachments/${image.json().id}`);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/png');
    expect(
      (await otherPatient.get(`/api/v1/consultations/${c.id}/attachments/${image.json().id}`)).statusCode,
    ).toBe(404);

    const voice = await upload(
      patient,
      c.id,
      { kind: 'voice', durationMs: '4200' },
      { name: 'v.webm', type: 'audio/webm', bytes: WEBM },
    );
    expect(voice.statusCode, voice.body).toBe(201);
    expect(voice.json()).toMatchObject({ kind: 'voice', contentType: 'audio/webm', durationMs: 4200 });

    const notAudio = await upload(
      patient,
      c.id,
      { kind: 'voice', durationMs: '1000' },
      { name: 'v.webm', type: 'audio/webm', bytes: PNG },
    );
    expect(notAudio.statusCode).toBe(415);
    expect(notAudio.json().code).toBe('CONSULTATION_VOICE_NOT_AUDIO');
    const tooLong = await upload(
      patient,
      c.id,
      { kind: 'voice', durationMs: '500000' },
      { name: 'v.webm', type: 'audio/webm', bytes: WEBM },
    );
    expect(tooLong.statusCode).toBe(400);
    const program = await upload(
      patient,
      c.id,
      { kind: 'file' },
      { name: 'x.pdf', type: 'application/pdf', bytes: Buffer.from('MZ\x90\x00 program') },
    );
    expect(program.statusCode).toBe(415);
    const big = await upload(
      patient,
      c.id,
      { kind: 'image' },
      { name: 'big.png', type: 'image/png', bytes: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]) },
    );
    expect(big.statusCode).toBe(413);
    // An attachment is sent only as its own kind, by whoever uploaded it.
    const wrongKind = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'image-00002',
      kind: 'voice',
      attachmentId: image.json().id,
    });
    expect(wrongKind.statusCode).toBe(400);
    const notHis = await doctorA.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'image-00003',
      kind: 'image',
      attachmentId: image.json().id,
    });
    expect(notHis.statusCode).toBe(404);
  });
});

describe('closing and rating', () => {
  it("the doctor's summary becomes an encounter; the patient rates; the rating shows on the profile", async () => {
    const c = await openAccepted();
    const current = (await doctorA.get(`/api/v1/consultations/${c.id}`)).json();
    const badCode = await doctorA.post(`/api/v1/consultations/${c.id}/close`, {
      diagnoses: [{ code: 'Z99.999' }],
      advice: '低盐饮食',
      version: current.version,
    });
    expect(badCode.statusCode).toBe(400);
    const notHis = await doctorB.post(`/api/v1/consultations/${c.id}/close`, {
      diagnoses: [{ code: 'I10' }],
      advice: 'x',
      version: current.version,
    });
    expect(notHis.statusCode).toBe(404);
    const closed = await doctorA.post(`/api/v1/consultations/${c.id}/close`, {
      diagnoses: [{ code: 'I10' }],
      advice: '低盐饮食，每日早晚测量血压',
      followUpIntervalDays: 14,
      version: current.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', summary: { followUpIntervalDays: 14 } });
    const encounterId = closed.json().summary.encounterId;
    const encounter = await t.deps.db
      .selectFrom('encounters')
      .selectAll()
      .where('id', '=', encounterId)
      .executeTakeFirstOrThrow();
    expect(encounter).toMatchObject({
      kind: 'telehealth',
      patient_id: patientId,
      reason: '头晕三天，血压 160/100',
    });
    expect(encounter.diagnoses).toEqual([expect.objectContaining({ code: 'I10' })]);

    // Follow-up questions are still taken in the window.
    const followUp = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'followup-001',
      kind: 'text',
      body: '药需要吃多久？',
    });
    expect(followUp.statusCode).toBe(201);

    const rated = await patient.post(`/api/v1/consultations/${c.id}/rating`, { stars: 5, comment: '很耐心' });
    expect(rated.statusCode).toBe(200);
    expect((await patient.post(`/api/v1/consultations/${c.id}/rating`, { stars: 1 })).json().code).toBe(
      'CONSULTATION_ALREADY_RATED',
    );
    const profile = (await patient.get(`/api/v1/doctors/${doctorAId}`)).json();
    expect(profile.rating.count).toBeGreaterThanOrEqual(1);
    expect(profile.reviews[0]).toMatchObject({ stars: 5, comment: '很耐心' });
  });

  it('after the follow-up window a message to a closed consultation is refused and nothing is stored', async () => {
    const put = await admin.request('PUT', '/api/v1/admin/consultation-settings', {
      followUpDays: 0,
      requestExpiryHours: 48,
    });
    expect(put.statusCode, put.body).toBe(200);
    const c = await openAccepted();
    const version = (await doctorA.get(`/api/v1/consultations/${c.id}`)).json().version;
    await doctorA.post(`/api/v1/consultations/${c.id}/close`, {
      diagnoses: [{ code: 'I10' }],
      advice: '复查',
      version,
    });
    const res = await patient.post(`/api/v1/consultations/${c.id}/messages`, {
      clientId: 'too-late-01',
      kind: 'text',
      body: '还在吗',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONSULTATION_CLOSED');
    await admin.request('PUT', '/api/v1/admin/consultation-settings', {
      followUpDays: 7,
      requestExpiryHours: 48,
    });
  });

  it('requests nobody takes expire, and the patient is told', async () => {
    const c = await open();
    await t.deps.db
      .updateTable('consultations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', c.id)
      .execute();
    expect(await expireRequests(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await patient.get(`/api/v1/consultations/${c.id}`)).json().status).toBe('expired');
    expect((await doctorA.post(`/api/v1/consultations/${c.id}/accept`, {})).statusCode).toBe(404);
  });
});
