import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
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
import { connected, Inbox, openSocket } from '../../../platform/realtime/socket-client.testing.ts';

// The same calls through real Socket.IO connections: commands answered by acknowledgement, events and relayed
// signals arriving on the other person's socket, and no "incoming call" notification for someone who has the
// app open (they see the ringing screen instead).

let t: TestApp;
let doctor: Client;
let doctorId: string;
let patient: Client;
let patientAccountId: string;
let consultationId: string;
const sockets: Socket[] = [];

async function listen(namespace: 'console' | 'patient', client: Client) {
  const socket = openSocket(t.url!, namespace, { cookie: client.cookie });
  sockets.push(socket);
  const inbox = new Inbox(socket);
  await connected(socket);
  return { socket, inbox };
}

beforeAll(async () => {
  t = await createTestApp({}, { realtime: true });
  const orgId = await createOrg(t);
  const staff = await createStaff(t, orgId, ['doctor']);
  doctorId = staff.id;
  doctor = await signIn(t, staff);
  const manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  const patientId = (await addPatient(t, manager, { name: '在线患者' })).id;
  const account = await createPatientAccount(t);
  patientAccountId = account.id;
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
  const opened = await patient.post('/api/v1/consultations', {
    patientId,
    doctorId,
    chiefComplaint: '想视频复诊',
  });
  consultationId = (opened.json() as { id: string }).id;
  expect((await doctor.post(`/api/v1/consultations/${consultationId}/accept`, {})).statusCode).toBe(200);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.close();
});

describe('calls over sockets', () => {
  it('rings the online patient without a notification, and relays the offer to their socket', async () => {
    const console_ = await listen('console', doctor);
    const phone = await listen('patient', patient);
    const started = (await console_.socket
      .timeout(5000)
      .emitWithAck('calls.start', { consultationId, media: 'video' })) as { ok: boolean; callId: string };
    expect(started.ok, JSON.stringify(started)).toBe(true);
    await phone.inbox.until(started.callId);
    expect(phone.inbox.events.at(-1)).toMatchObject({ type: 'calls.call.updated', state: 'ringing' });

    const joined = (await phone.socket
      .timeout(5000)
      .emitWithAck('calls.join', { callId: started.callId })) as {
      ok: boolean;
    };
    expect(joined.ok).toBe(true);
    const offer = { type: 'offer', sdp: 'v=0\r\n' };
    const sent = (await console_.socket
      .timeout(5000)
      .emitWithAck('calls.signal', { callId: started.callId, to: patientAccountId, data: offer })) as {
      ok: boolean;
    };
    expect(sent.ok).toBe(true);
    for (let i = 0; i < 50 && !phone.inbox.events.some((e) => e.type === 'calls.signal.received'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(phone.inbox.events.find((e) => e.type === 'calls.signal.received')).toMatchObject({
      callId: started.callId,
      from: doctorId,
      data: offer,
    });

    const left = (await phone.socket
      .timeout(5000)
      .emitWithAck('calls.leave', { callId: started.callId, reason: 'hangup' })) as { ok: boolean };
    expect(left.ok).toBe(true);
    const incoming = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('account_id', '=', patientAccountId)
      .where('kind', '=', 'call_incoming')
      .execute();
    expect(incoming).toEqual([]);
  });

  it('ends a call everyone left without hanging up when a new one starts, instead of staying busy', async () => {
    const console_ = await listen('console', doctor);
    const phone = await listen('patient', patient);
    const started = (await console_.socket
      .timeout(5000)
      .emitWithAck('calls.start', { consultationId, media: 'audio' })) as { ok: boolean; callId: string };
    expect(started.ok).toBe(true);
    expect(
      (
        (await phone.socket.timeout(5000).emitWithAck('calls.join', { callId: started.callId })) as {
          ok: boolean;
        }
      ).ok,
    ).toBe(true);
    // Both close the app (every socket they had open).
    for (const socket of sockets) socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await listen('console', doctor);
    const restarted = (await again.socket
      .timeout(5000)
      .emitWithAck('calls.start', { consultationId, media: 'video' })) as { ok: boolean; callId: string };
    expect(restarted.ok, JSON.stringify(restarted)).toBe(true);
    const old = await t.deps.db
      .selectFrom('consultation_calls')
      .select(['end_reason', 'ended_at'])
      .where('id', '=', started.callId)
      .executeTakeFirstOrThrow();
    expect(old.end_reason).toBe('failed');
    await again.socket
      .timeout(5000)
      .emitWithAck('calls.leave', { callId: restarted.callId, reason: 'hangup' });
  });
});
