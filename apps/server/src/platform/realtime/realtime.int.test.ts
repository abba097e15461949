import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Socket } from 'socket.io-client';
import {
  Client,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/harness.ts';
import { SocketRealtime } from './socket-realtime.ts';
import {
  alertEvent,
  connected,
  Inbox,
  notificationEvent,
  openSocket,
  reachable,
  refused,
} from './socket-client.testing.ts';
import type { Realtime } from './realtime.ts';

const sockets: Socket[] = [];
const open = (...args: Parameters<typeof openSocket>) => {
  const socket = openSocket(...args);
  sockets.push(socket);
  return socket;
};
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** A signed-in socket and everything it receives. */
async function listen(url: string, namespace: 'console' | 'patient', client: Client) {
  const socket = open(url, namespace, { cookie: client.cookie });
  const inbox = new Inbox(socket);
  await connected(socket);
  return inbox;
}

describe('realtime sockets', () => {
  let t: TestApp;
  let url: string;
  let realtime: SocketRealtime;
  let orgId: string;
  let otherOrgId: string;
  let staff: { id: string; client: Client };
  let otherStaff: { id: string; client: Client };
  let patient: { id: string; client: Client };
  let otherPatient: { id: string; client: Client };

  beforeAll(async () => {
    t = await createTestApp({}, { realtime: true });
    url = t.url!;
    realtime = t.realtime!;
    orgId = await createOrg(t);
    otherOrgId = await createOrg(t);
    const signedInStaff = async (org: string) => {
      const account = await createStaff(t, org, ['doctor']);
      return { id: account.id, client: await signIn(t, account) };
    };
    const signedInPatient = async () => {
      const account = await createPatientAccount(t);
      return { id: account.id, client: await signIn(t, account.phone) };
    };
    [staff, otherStaff, patient, otherPatient] = await Promise.all([
      signedInStaff(orgId),
      signedInStaff(otherOrgId),
      signedInPatient(),
      signedInPatient(),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('delivers an event published to an organization to its staff, and not to another organization', async () => {
    const mine = await listen(url, 'console', staff.client);
    const theirs = await listen(url, 'console', otherStaff.client);
    const event = alertEvent(patient.id);
    realtime.publish('console', { orgId }, event);
    await mine.until(event.id);
    expect(mine.events).toEqual([event]);

    // Published after the first event to the other organization's member: once it arrives, the first did not.
    const marker = notificationEvent();
    realtime.publish('console', { accountIds: [otherStaff.id] }, marker);
    await theirs.until(marker.id);
    expect(theirs.ids()).toEqual([marker.id]);
  });

  it('delivers an event published to an account to that staff member', async () => {
    const mine = await listen(url, 'console', staff.client);
    const event = notificationEvent();
    realtime.publish('console', { accountIds: [staff.id] }, event);
    await mine.until(event.id);
    expect(mine.events).toEqual([event]);
  });

  it("delivers a patient's own events in /patient, and not another patient's", async () => {
    const mine = await listen(url, 'patient', patient.client);
    const theirs = await listen(url, 'patient', otherPatient.client);
    const event = notificationEvent();
    realtime.publish('patient', { accountIds: [patient.id] }, event);
    const marker = notificationEvent();
    realtime.publish('patient', { accountIds: [otherPatient.id] }, marker);
    await Promise.all([mine.until(event.id), theirs.until(marker.id)]);
    expect(mine.ids()).toEqual([event.id]);
    expect(theirs.ids()).toEqual([marker.id]);
  });

  it('keeps the namespaces apart: an event for /patient does not reach /console', async () => {
    const inbox = await listen(url, 'console', staff.client);
    realtime.publish('patient', { accountIds: [staff.id], orgId }, notificationEvent());
    const marker = notificationEvent();
    realtime.publish('console', { accountIds: [staff.id] }, marker);
    await inbox.until(marker.id);
    expect(inbox.ids()).toEqual([marker.id]);
  });

  it('refuses a connection without a session cookie', async () => {
    expect(await refused(open(url, 'console'))).toBe('NOT_AUTHENTICATED');
    expect(await refused(open(url, 'patient', { cookie: 'cl_session=s_not-a-session' }))).toBe(
      'NOT_AUTHENTICATED',
    );
  });

  it('refuses a staff session that has not finished two-step verification', async () => {
    const account = await createStaff(t, orgId, ['nurse']);
    const pending = new Client(t.app);
    expect((await pending.login(account.email)).mfa).toBe('required');
    expect(await refused(open(url, 'console', { cookie: pending.cookie }))).toBe('MFA_REQUIRED');
  });

  it('refuses a patient in /console and staff in /patient', async () => {
    expect(await refused(open(url, 'console', { cookie: patient.client.cookie }))).toBe('FORBIDDEN');
    expect(await refused(open(url, 'patient', { cookie: staff.client.cookie }))).toBe('FORBIDDEN');
  });

  it('refuses a session that has signed out', async () => {
    const account = await createPatientAccount(t);
    const client = await signIn(t, account.phone);
    const cookie = client.cookie;
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect(await refused(open(url, 'patient', { cookie }))).toBe('NOT_AUTHENTICATED');
  });

  it('refuses a handshake from a page on another origin, and the default namespace', async () => {
    const crossSite = open(url, 'console', { cookie: staff.client.cookie, origin: 'https://evil.example' });
    expect(await refused(crossSite)).toMatch(/websocket error/i);
    expect(await refused(open(url, '', { cookie: staff.client.cookie }))).toBe('FORBIDDEN');
  });
});

// Redis runs beside PostgreSQL in development; a machine without it skips these, unless REDIS_URL asks for it.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const haveRedis = Boolean(process.env.REDIS_URL) || (await reachable(redisUrl));

const adapters: { adapter: 'postgres' | 'redis'; env: Record<string, string>; skip: boolean }[] = [
  { adapter: 'postgres', env: {}, skip: false },
  { adapter: 'redis', env: { REDIS_URL: redisUrl }, skip: !haveRedis },
];

describe.each(adapters)('across server processes with the $adapter adapter', ({ adapter, env, skip }) => {
  let a: TestApp;
  let b: TestApp;
  let orgId: string;
  let staff: { id: string; client: Client };

  beforeAll(async () => {
    if (skip) return;
    a = await createTestApp(env, { realtime: true });
    b = await createTestApp(env, { realtime: true, sameDatabaseAs: a });
    orgId = await createOrg(a);
    const account = await createStaff(a, orgId, ['doctor']);
    staff = { id: account.id, client: await signIn(a, account) };
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /**
   * A process starts listening to the others a moment after it starts (LISTEN or SUBSCRIBE is asynchronous);
   * an event published before then is lost by design (the apps refetch on reconnect). Probe until one arrives.
   */
  async function whenLinked(from: Realtime, inbox: Inbox) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const probe = notificationEvent();
      from.publish('console', { accountIds: [staff.id] }, probe);
      const arrived = await inbox.until(probe.id, 200).then(
        () => true,
        () => false,
      );
      if (arrived) return;
    }
    throw new Error('the processes never linked');
  }

  it.skipIf(skip)('delivers an event published in one process to a socket connected to another', async () => {
    expect(a.realtime!.adapterKind).toBe(adapter);
    // Signed in through process A, connected to process B: sessions live in PostgreSQL, shared by both.
    const inbox = await listen(b.url!, 'console', staff.client);
    await whenLinked(a.realtime!, inbox);
    const before = inbox.events.length;
    const event = alertEvent(staff.id);
    a.realtime!.publish('console', { orgId }, event);
    await inbox.until(event.id);
    expect(inbox.events.slice(before)).toEqual([event]);
  });

  it.skipIf(skip)('delivers an event published by a process that serves no sockets (a worker)', async () => {
    const worker = new SocketRealtime({
      redisUrl: a.deps.config.redisUrl,
      databaseUrl: a.databaseUrl,
      log: pino({ level: 'silent' }),
    });
    try {
      const inbox = await listen(b.url!, 'console', staff.client);
      await whenLinked(worker, inbox);
      const event = notificationEvent();
      worker.publish('console', { accountIds: [staff.id] }, event);
      await inbox.until(event.id);
      expect(inbox.ids().at(-1)).toBe(event.id);
    } finally {
      await worker.close();
    }
  });
});
