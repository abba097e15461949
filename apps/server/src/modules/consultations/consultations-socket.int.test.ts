import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { MessageCreatedEvent, SendMessageAck } from '@careloop/contracts';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { Inbox, connected, openSocket } from '../../platform/realtime/socket-client.testing.ts';
import { createConsultationParties, openAcceptedConsultation } from './consultations.testing.ts';

// Two server processes over one database: the patient's socket is on A, the doctor's on B. A message sent
// through A is committed, acknowledged, and pushed to the doctor on B through the cluster adapter.
let a: TestApp;
let b: TestApp;
let patient: Client;
let doctor: Client;
let consultationId: string;
const sockets: Socket[] = [];

const send = (socket: Socket, payload: unknown) =>
  new Promise<SendMessageAck>((resolve) => socket.emit('consultations.message.send', payload, resolve));

function socketOf(url: string, ns: 'patient' | 'console', client: Client) {
  const s = openSocket(url, ns, { cookie: client.cookie });
  sockets.push(s);
  return s;
}

beforeAll(async () => {
  a = await createTestApp({}, { realtime: true });
  b = await createTestApp({}, { realtime: true, sameDatabaseAs: a });
  const parties = await createConsultationParties(a, { doctorOn: b });
  ({ patient, doctor } = parties);
  consultationId = await openAcceptedConsultation(parties, '咳嗽');
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await b?.close();
  await a?.close();
});

describe('chat over sockets across two processes', () => {
  it('acknowledges a committed message and delivers it to the doctor on the other process', async () => {
    const ps = socketOf(a.url!, 'patient', patient);
    const ds = socketOf(b.url!, 'console', doctor);
    const inbox = new Inbox(ds);
    await Promise.all([connected(ps), connected(ds)]);

    const ack = await send(ps, {
      consultationId,
      clientId: 'sock-msg-0001',
      kind: 'text',
      body: '<b>还在咳</b>',
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    await inbox.until(ack.message.id);
    const event = inbox.events.find((e) => e.type === 'consultations.message.created') as MessageCreatedEvent;
    expect(event.message).toMatchObject({
      body: '<b>还在咳</b>',
      seq: ack.message.seq,
      senderRole: 'patient',
    });
    const stored = await a.deps.db
      .selectFrom('consultation_messages')
      .select('body')
      .where('id', '=', ack.message.id)
      .executeTakeFirstOrThrow();
    expect(stored.body).toBe('<b>还在咳</b>');

    // The same client id again (a resend after a lost ack) returns the stored message.
    const again = await send(ps, {
      consultationId,
      clientId: 'sock-msg-0001',
      kind: 'text',
      body: '<b>还在咳</b>',
    });
    expect(again.ok && again.message.id).toBe(ack.message.id);
  });

  it('answers bad commands with a problem and stores nothing', async () => {
    const ps = socketOf(a.url!, 'patient', patient);
    await connected(ps);
    const malformed = await send(ps, { consultationId, clientId: 'x', kind: 'text' });
    expect(malformed).toMatchObject({ ok: false, problem: { status: 400, code: 'VALIDATION_FAILED' } });
    const unknown = await send(ps, {
      consultationId: uuidv7(),
      clientId: 'sock-msg-0002',
      kind: 'text',
      body: 'hi',
    });
    expect(unknown).toMatchObject({ ok: false, problem: { status: 404, code: 'CONSULTATION_NOT_FOUND' } });
  });

  it('relays typing to the other side only', async () => {
    const ps = socketOf(a.url!, 'patient', patient);
    const ds = socketOf(b.url!, 'console', doctor);
    const inbox = new Inbox(ds);
    const own = new Inbox(ps);
    await Promise.all([connected(ps), connected(ds)]);
    ps.emit('consultations.typing', { consultationId, typing: true });
    await inbox.until(consultationId);
    expect(inbox.events.some((e) => e.type === 'consultations.typing.changed' && e.typing)).toBe(true);
    expect(own.events.filter((e) => e.type === 'consultations.typing.changed')).toHaveLength(0);
  });
});
