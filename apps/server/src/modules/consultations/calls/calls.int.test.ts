import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallUpdatedEvent, ConsultationMessage } from '@careloop/contracts';
import {
  addPatient,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { RecordingRealtime } from '../../../platform/realtime/realtime.ts';
import { runCommand, type CommandAnswer } from '../../../platform/realtime/socket-commands.ts';
import { endMissedCalls } from '../index.ts';

const TURN_SECRET = 'coturn-static-auth-secret-for-tests';

let t: TestApp;
let orgId: string;
let departmentId: string;
let doctor: Client;
let doctorId: string;
let colleague: Client;
let colleagueId: string;
let outsider: Client;
let patient: Client;
let patientAccountId: string;
let patientId: string;
let family: Client;
let familyId: string;
let stranger: Client;

const realtime = () => t.deps.realtime as RecordingRealtime;

/** Runs a socket command as the signed-in client, exactly as the socket server would (without a socket). */
async function command(client: Client, name: string, payload: unknown): Promise<CommandAnswer> {
  const command = realtime().commands.get(name);
  if (!command) throw new Error(`no command ${name}`);
  const token = client.cookie.replace(/^cl_session=/, '');
  const resolved = await t.deps.sessions.resolve(token);
  if (!resolved) throw new Error('not signed in');
  return runCommand(command, { actor: resolved.actor, ip: null }, payload, 'en-US', (error) => {
    throw error;
  });
}

async function startCall(client: Client, consultationId: string, media: 'video' | 'audio' = 'video') {
  const answer = await command(client, 'calls.start', { consultationId, media });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return (answer as unknown as { callId: string }).callId;
}

function problemCode(answer: CommandAnswer): string | undefined {
  return answer.ok ? undefined : answer.problem.code;
}

/** The last `calls.call.updated` pushed about a call to an account. */
function lastUpdate(callId: string, accountId: string): CallUpdatedEvent | undefined {
  return realtime()
    .sent.filter(
      (s) =>
        s.event.type === 'calls.call.updated' &&
        s.event.id === callId &&
        s.target.accountIds?.includes(accountId),
    )
    .map((s) => s.event as CallUpdatedEvent)
    .at(-1);
}

async function events(client: Client, consultationId: string) {
  const page = (
    await client.get(`/api/v1/consultations/${consultationId}/messages?after=0&limit=200`)
  ).json() as {
    items: ConsultationMessage[];
  };
  return page.items.filter((m) => m.kind === 'event').map((m) => m.event!);
}

async function openAccepted() {
  const res = await patient.post('/api/v1/consultations', {
    patientId,
    departmentId,
    chiefComplaint: '胸闷两天，想视频问诊',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  const accepted = await doctor.post(`/api/v1/consultations/${id}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp({
    ICE_SERVERS: JSON.stringify([{ urls: 'stun:stun.careloop.test:3478' }]),
    TURN_URLS: 'turn:turn.careloop.test:3478?transport=udp,turns:turn.careloop.test:5349',
    TURN_SECRET,
    TURN_TTL_SECONDS: '3600',
  });
  orgId = await createOrg(t);
  departmentId = uuidv7();
  await t.deps.db
    .insertInto('departments')
    .values({ id: departmentId, org_id: orgId, code: 'cardio', name_zh: '心内科', name_en: 'Cardiology' })
    .execute();
  const a = await createStaff(t, orgId, ['doctor']);
  const b = await createStaff(t, orgId, ['doctor']);
  doctorId = a.id;
  colleagueId = b.id;
  await t.deps.db
    .updateTable('memberships')
    .set({ department_id: departmentId, title: '主治医师' })
    .where('account_id', 'in', [a.id, b.id])
    .execute();
  doctor = await signIn(t, a);
  colleague = await signIn(t, b);
  outsider = await signIn(t, await createStaff(t, await createOrg(t), ['doctor']));
  const manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  patientId = (await addPatient(t, manager, { name: '视频患者', birthDate: '1958-06-01', sex: 'female' })).id;
  const own = await createPatientAccount(t);
  const daughter = await createPatientAccount(t);
  const other = await createPatientAccount(t);
  patientAccountId = own.id;
  familyId = daughter.id;
  await t.deps.db
    .insertInto('patient_links')
    .values([
      { id: uuidv7(), org_id: orgId, account_id: own.id, patient_id: patientId, relationship: 'self' },
      { id: uuidv7(), org_id: orgId, account_id: daughter.id, patient_id: patientId, relationship: 'child' },
    ])
    .execute();
  patient = await signIn(t, own.phone);
  family = await signIn(t, daughter.phone);
  stranger = await signIn(t, other.phone);
});

afterAll(async () => {
  await t?.close();
});

describe('call config', () => {
  it('gives the static ICE servers and a coturn use-auth-secret credential that expires', async () => {
    const id = await openAccepted();
    const before = Math.floor(Date.now() / 1000);
    const res = await patient.get(`/api/v1/consultations/${id}/call-config`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { iceServers } = res.json() as {
      iceServers: { urls: string | string[]; username?: string; credential?: string }[];
    };
    expect(iceServers[0]).toEqual({ urls: 'stun:stun.careloop.test:3478' });
    const turn = iceServers[1]!;
    expect(turn.urls).toEqual([
      'turn:turn.careloop.test:3478?transport=udp',
      'turns:turn.careloop.test:5349',
    ]);
    const [expiry, accountId] = turn.username!.split(':');
    expect(accountId).toBe(patientAccountId);
    expect(Number(expiry)).toBeGreaterThanOrEqual(before + 3600);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 3600);
    expect(turn.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn.username!).digest('base64'));
  });

  it('is only for people in the consultation', async () => {
    const id = await openAccepted();
    expect((await stranger.get(`/api/v1/consultations/${id}/call-config`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/consultations/${id}/call-config`)).statusCode).toBe(404);
  });
});

describe('a call between doctor and patient', () => {
  it('rings, is answered, relays signals between its members, and ends with its duration in the history', async () => {
    const id = await openAccepted();
    const callId = await startCall(doctor, id);
    expect(lastUpdate(callId, patientAccountId)).toMatchObject({
      state: 'ringing',
      media: 'video',
      startedBy: { id: doctorId },
      inCall: [doctorId],
    });
    const current = await patient.get(`/api/v1/consultations/${id}/call`);
    expect(current.statusCode, current.body).toBe(200);
    expect(current.json()).toMatchObject({ id: callId, state: 'ringing' });

    expect(problemCode(await command(patient, 'calls.start', { consultationId: id, media: 'audio' }))).toBe(
      'CONSULTATION_CALL_BUSY',
    );
    // Before the patient answers, a signal to them has nowhere to go.
    const early = await command(doctor, 'calls.signal', {
      callId,
      to: patientAccountId,
      data: { type: 'offer', sdp: 'v=0' },
    });
    expect(problemCode(early)).toBe('CONSULTATION_CALL_NOT_MEMBER');

    expect((await command(patient, 'calls.join', { callId })).ok).toBe(true);
    expect(lastUpdate(callId, doctorId)).toMatchObject({
      state: 'active',
      inCall: [doctorId, patientAccountId],
    });
    expect(await events(patient, id)).toContainEqual(
      expect.objectContaining({
        type: 'call_started',
        callId,
        media: 'video',
        by: expect.objectContaining({ id: doctorId }),
      }),
    );

    const offer = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' } as const;
    expect((await command(doctor, 'calls.signal', { callId, to: patientAccountId, data: offer })).ok).toBe(
      true,
    );
    const relayed = realtime().sent.at(-1)!;
    expect(relayed.namespace).toBe('patient');
    expect(relayed.target).toEqual({ accountIds: [patientAccountId] });
    expect(relayed.event).toMatchObject({
      type: 'calls.signal.received',
      callId,
      from: doctorId,
      data: offer,
    });
    const candidate = {
      type: 'candidate',
      candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0' },
    } as const;
    expect((await command(patient, 'calls.signal', { callId, to: doctorId, data: candidate })).ok).toBe(true);
    expect(realtime().sent.at(-1)).toMatchObject({
      namespace: 'console',
      target: { accountIds: [doctorId] },
    });

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await command(patient, 'calls.leave', { callId, reason: 'hangup' })).ok).toBe(true);
    expect(lastUpdate(callId, doctorId)).toMatchObject({ state: 'ended', endReason: 'hangup', inCall: [] });
    const ended = (await events(doctor, id)).find((e) => e.type === 'call_ended');
    expect(ended).toMatchObject({ callId, media: 'video' });
    expect(ended!.durationSeconds).toBeGreaterThanOrEqual(1);
    // The other side's hangup after the end changes nothing.
    expect((await command(doctor, 'calls.leave', { callId })).ok).toBe(true);
    expect((await events(doctor, id)).filter((e) => e.type === 'call_ended')).toHaveLength(1);
    expect((await patient.get(`/api/v1/consultations/${id}/call`)).statusCode).toBe(404);

    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'actor_account_id'])
      .where('resource_id', '=', callId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'consultation.call.start',
      'consultation.call.join',
      'consultation.call.end',
    ]);
    expect(audit[0]!.actor_account_id).toBe(doctorId);
  });

  it('refuses signals to or from anyone outside the call, and a start outside an open consultation', async () => {
    const id = await openAccepted();
    const callId = await startCall(patient, id, 'audio');
    await command(doctor, 'calls.join', { callId });
    const data = { type: 'answer', sdp: 'v=0' } as const;
    // To a doctor of the org who is not in it, to an unknown account, to oneself.
    for (const to of [colleagueId, uuidv7(), doctorId]) {
      const answer = await command(doctor, 'calls.signal', { callId, to, data });
      expect(problemCode(answer), to).toBe('CONSULTATION_CALL_NOT_MEMBER');
    }
    // From someone who is not in the call (another patient; a colleague; a doctor of another org).
    for (const client of [stranger, colleague, outsider]) {
      const answer = await command(client, 'calls.signal', { callId, to: doctorId, data });
      expect(problemCode(answer)).toBe('CONSULTATION_CALL_NOT_FOUND');
      expect(problemCode(await command(client, 'calls.join', { callId }))).toBe('CONSULTATION_NOT_FOUND');
    }
    // Oversized or malformed signals never reach a handler.
    const big = await command(doctor, 'calls.signal', {
      callId,
      to: patientAccountId,
      data: { type: 'offer', sdp: 'x'.repeat(70_000) },
    });
    expect(problemCode(big)).toBe('VALIDATION_FAILED');
    const script = await command(doctor, 'calls.signal', {
      callId,
      to: patientAccountId,
      data: { type: 'script' },
    });
    expect(problemCode(script)).toBe('VALIDATION_FAILED');
    await command(doctor, 'calls.leave', { callId });

    // A waiting request has no doctor to call; a closed one (after its follow-up window) is over.
    const waiting = await patient.post('/api/v1/consultations', {
      patientId,
      departmentId,
      chiefComplaint: '还在等医生',
    });
    const waitingId = (waiting.json() as { id: string }).id;
    expect(
      problemCode(await command(patient, 'calls.start', { consultationId: waitingId, media: 'video' })),
    ).toBe('CONSULTATION_STATE');
    await t.deps.db
      .updateTable('consultations')
      .set({ status: 'closed', ended_at: new Date(), follow_up_until: new Date(Date.now() - 1000) })
      .where('id', '=', id)
      .execute();
    expect(problemCode(await command(doctor, 'calls.start', { consultationId: id, media: 'video' }))).toBe(
      'CONSULTATION_CLOSED',
    );
    expect(problemCode(await command(stranger, 'calls.start', { consultationId: id, media: 'video' }))).toBe(
      'CONSULTATION_NOT_FOUND',
    );
    // Within the follow-up window the patient may still call.
    await t.deps.db
      .updateTable('consultations')
      .set({ follow_up_until: new Date(Date.now() + 86_400_000) })
      .where('id', '=', id)
      .execute();
    const followUp = await startCall(patient, id);
    await command(patient, 'calls.leave', { callId: followUp });
  });

  it('ends a ringing call the callee declines, or the caller cancels, as a call that did not happen', async () => {
    const id = await openAccepted();
    const declined = await startCall(doctor, id);
    expect((await command(patient, 'calls.leave', { callId: declined, reason: 'declined' })).ok).toBe(true);
    expect(lastUpdate(declined, doctorId)).toMatchObject({ state: 'ended', endReason: 'declined' });
    const cancelled = await startCall(doctor, id);
    expect((await command(doctor, 'calls.leave', { callId: cancelled })).ok).toBe(true);
    expect(lastUpdate(cancelled, patientAccountId)).toMatchObject({ state: 'ended', endReason: 'hangup' });
    const lines = (await events(patient, id)).filter((e) => e.type.startsWith('call_'));
    expect(lines).toEqual([
      expect.objectContaining({ type: 'call_missed', callId: declined, reason: 'declined' }),
      expect.objectContaining({ type: 'call_missed', callId: cancelled, reason: 'cancelled' }),
    ]);
    expect(problemCode(await command(patient, 'calls.join', { callId: cancelled }))).toBe(
      'CONSULTATION_CALL_NOT_FOUND',
    );
  });

  it('ends a call nobody answers within 45 s as missed, by the sweep or when someone next touches it', async () => {
    const id = await openAccepted();
    const swept = await startCall(doctor, id);
    expect(await endMissedCalls(t.deps, new Date(Date.now() + 10_000))).toBe(0);
    expect(await endMissedCalls(t.deps, new Date(Date.now() + 46_000))).toBeGreaterThanOrEqual(1);
    expect(lastUpdate(swept, patientAccountId)).toMatchObject({ state: 'ended', endReason: 'missed' });

    // After a restart nothing swept it yet: the next start finds it overdue and ends it first.
    const stale = await startCall(doctor, id);
    await t.deps.db
      .updateTable('consultation_calls')
      .set({ started_at: new Date(Date.now() - 50_000) })
      .where('id', '=', stale)
      .execute();
    expect(problemCode(await command(patient, 'calls.join', { callId: stale }))).toBe(
      'CONSULTATION_CALL_NOT_FOUND',
    );
    const next = await startCall(patient, id);
    await command(patient, 'calls.leave', { callId: next });
    const missed = (await events(doctor, id)).filter((e) => e.type === 'call_missed');
    expect(missed.map((e) => e.callId)).toEqual([swept, stale, next]);
    expect(missed[0]!.reason).toBeUndefined();
  });

  it('notifies a callee who has no app open', async () => {
    const id = await openAccepted();
    const callId = await startCall(doctor, id);
    let note: { kind: string; link: string | null; title_en: string } | undefined;
    for (let i = 0; i < 50 && !note; i++) {
      note = await t.deps.db
        .selectFrom('notifications')
        .select(['kind', 'link', 'title_en'])
        .where('account_id', '=', patientAccountId)
        .where('dedupe_key', '=', `call:${callId}:incoming`)
        .executeTakeFirst();
      if (!note) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(note).toMatchObject({ kind: 'call_incoming', link: `/consult/${id}/call` });
    expect(note!.title_en).toMatch(/is calling you/);
    await command(doctor, 'calls.leave', { callId });
  });
});

describe('a third party', () => {
  it("the doctor invites a colleague or the patient's family, who then take part in calls", async () => {
    const id = await openAccepted();
    const res = await doctor.get(`/api/v1/consultations/${id}/invitable`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: { accountId: string; kind: string; detail: string | null }[] })
      .items;
    expect(items).toContainEqual(
      expect.objectContaining({ accountId: colleagueId, kind: 'doctor', detail: 'Cardiology · 主治医师' }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ accountId: familyId, kind: 'family', detail: 'child' }),
    );
    expect(items.map((p) => p.accountId)).not.toContain(doctorId);
    expect(items.map((p) => p.accountId)).not.toContain(patientAccountId);

    // Only the consultation's own doctor invites.
    expect((await colleague.get(`/api/v1/consultations/${id}/invitable`)).statusCode).toBe(404);
    expect((await patient.get(`/api/v1/consultations/${id}/invitable`)).statusCode).toBe(403);
    expect(
      (await patient.post(`/api/v1/consultations/${id}/guests`, { accountId: familyId })).statusCode,
    ).toBe(403);
    const notInvitable = await doctor.post(`/api/v1/consultations/${id}/guests`, { accountId: uuidv7() });
    expect(notInvitable.statusCode).toBe(400);
    expect(notInvitable.json().errors).toEqual([{ path: 'accountId', message: 'not_invitable' }]);

    const added = await doctor.post(`/api/v1/consultations/${id}/guests`, { accountId: colleagueId });
    expect(added.statusCode, added.body).toBe(200);
    expect(await events(doctor, id)).toContainEqual(
      expect.objectContaining({ type: 'guest_added', by: expect.objectContaining({ id: colleagueId }) }),
    );
    expect(
      (await doctor.post(`/api/v1/consultations/${id}/guests`, { accountId: familyId })).statusCode,
    ).toBe(200);

    // Three in one call: it goes on while two remain.
    const callId = await startCall(doctor, id);
    expect(lastUpdate(callId, colleagueId)?.state).toBe('ringing');
    expect(lastUpdate(callId, familyId)?.state).toBe('ringing');
    await command(patient, 'calls.join', { callId });
    await command(colleague, 'calls.join', { callId });
    expect(lastUpdate(callId, familyId)?.inCall).toEqual([doctorId, patientAccountId, colleagueId]);
    expect(
      (
        await command(colleague, 'calls.signal', {
          callId,
          to: patientAccountId,
          data: { type: 'offer', sdp: 'v=0' },
        })
      ).ok,
    ).toBe(true);
    await command(patient, 'calls.leave', { callId });
    expect(lastUpdate(callId, doctorId)).toMatchObject({ state: 'active', inCall: [doctorId, colleagueId] });
    await command(colleague, 'calls.leave', { callId });
    expect(lastUpdate(callId, doctorId)).toMatchObject({ state: 'ended', endReason: 'hangup' });
    expect(problemCode(await command(family, 'calls.join', { callId }))).toBe('CONSULTATION_CALL_NOT_FOUND');
  });
});
