// The reliability test for consultation messages, against real server processes: a patient and a doctor
// exchange 1,000 messages over real sockets while the server is killed (SIGKILL) and started again twice; the
// clients resend what was not acknowledged (same client ids) and catch up over HTTP after each reconnect. Both
// clients, and the database, end with the same 1,000 messages, numbered alike, none twice, each sender's in the
// order sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConsultationParties,
  openAcceptedConsultation,
} from '../../src/modules/consultations/consultations.testing.ts';
import { createTestApp, type Client, type TestApp } from '../harness.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { ChatClient } from './consultation-messages-client.ts';

const PER_SENDER = 500;
/** Kill the server once this many messages (of both senders) are acknowledged, then again at the second. */
const KILL_AT = [250, 600] as const;
const WINDOW = 8;

let t: TestApp;
let patient: Client;
let doctor: Client;
let consultationId: string;
const running: ServerProcess[] = [];
const clients: ChatClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const parties = await createConsultationParties(t, { patientName: '可靠性问诊' });
  ({ patient, doctor } = parties);
  consultationId = await openAcceptedConsultation(parties, '胸闷一周');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  await t?.close();
});

let current: ServerProcess | null = null;
async function startServer(): Promise<ServerProcess> {
  const s = await startServerProcess(t.databaseUrl, {
    CONSULT_MESSAGES_PER_MINUTE: '100000',
    CONSULT_MESSAGE_BURST: '100000',
  });
  running.push(s);
  current = s;
  return s;
}

async function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function storedTextMessages() {
  return t.deps.db
    .selectFrom('consultation_messages')
    .select(['id', 'seq', 'client_id', 'sender_account_id'])
    .where('consultation_id', '=', consultationId)
    .where('kind', '=', 'text')
    .orderBy('seq')
    .execute();
}

describe('consultation messages across two server kills', () => {
  it('both clients and the database end with the same 1,000 messages, in order, none twice', async () => {
    await startServer();
    const serverUrl = () => current?.url ?? null;
    const make = (name: string, namespace: 'patient' | 'console', cookie: string) =>
      new ChatClient({ name, namespace, cookie, consultationId, serverUrl, window: WINDOW });
    const p = make('pat', 'patient', patient.cookie);
    const d = make('doc', 'console', doctor.cookie);
    clients.push(p, d);
    await Promise.all([p.start(), d.start()]);
    await until('both connected', () => p.connected && d.connected, 10_000);

    // Both stream their 500 at once: the server interleaves them, each sender's in its own order.
    p.queue(PER_SENDER);
    d.queue(PER_SENDER);
    const acked = () => 2 * PER_SENDER - p.outboxSize - d.outboxSize;
    const unackedAtKill: number[] = [];
    for (const at of KILL_AT) {
      await until(`${at} acknowledged`, () => acked() >= at, 60_000);
      unackedAtKill.push(p.outboxSize + d.outboxSize);
      const dead = current!;
      current = null;
      await dead.stop('SIGKILL');
      await startServer();
    }
    await until('every message acknowledged', () => p.outboxSize === 0 && d.outboxSize === 0, 60_000);
    // Pushed events may trail the last ack; the HTTP catch-up is what a client does when it wonders.
    await Promise.all([p.catchUp(), d.catchUp()]);

    expect(p.problems).toEqual([]);
    expect(d.problems).toEqual([]);
    const stored = await storedTextMessages();
    expect(stored).toHaveLength(2 * PER_SENDER);
    expect(new Set(stored.map((m) => m.client_id)).size).toBe(2 * PER_SENDER);
    // Numbers have no gaps (the two system events, requested and accepted, come first).
    const seqs = stored.map((m) => Number(m.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // Each sender's messages are stored in the order they were queued.
    expect(stored.filter((m) => m.client_id!.startsWith('pat-')).map((m) => m.client_id)).toEqual(p.queued);
    expect(stored.filter((m) => m.client_id!.startsWith('doc-')).map((m) => m.client_id)).toEqual(d.queued);

    // Each client holds exactly what is stored: the same ids under the same numbers, nothing more.
    const expected = stored.map((m) => `${m.seq}:${m.id}:${m.client_id}`);
    for (const client of [p, d]) {
      const texts = client
        .seqs()
        .map((seq) => client.messages.get(seq)!)
        .filter((m) => m.kind === 'text');
      expect(texts.map((m) => `${m.seq}:${m.id}:${m.clientId}`)).toEqual(expected);
      expect(client.contiguous()).toBe(Math.max(...seqs));
    }

    // The kills landed mid-stream: messages were in flight, and the clients did resend some.
    expect(unackedAtKill.every((n) => n > 0)).toBe(true);
    expect(p.resent + d.resent).toBeGreaterThan(0);
    expect(p.connections).toBe(3);
    expect(d.connections).toBe(3);
  }, 150_000);
});
