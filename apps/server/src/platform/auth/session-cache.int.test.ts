import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import {
  Client,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/harness.ts';
import type { SessionCache } from './session-cache.ts';

// Two server processes over one database, each answering sessions from memory as openRuntime makes them do. What
// is cached must never outlive a change: revocation, sign-out, a deactivated account or a changed role, made
// through either process's API or straight in the database, is refused by both processes once the change's signal
// has arrived (a matter of milliseconds); the process that made the change through its API refuses at once.

let a: TestApp;
let b: TestApp;
let orgId: string;

const cacheOf = (t: TestApp) => t.deps.sessions.cache as SessionCache<unknown>;

/** Waits until `t` has handled at least `count` more signals than `before`. */
async function signalled(t: TestApp, before: number, count = 1) {
  const until = Date.now() + 5_000;
  while (cacheOf(t).signals < before + count) {
    if (Date.now() > until) throw new Error('no signal arrived');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The same session cookie, sent to the other process. */
function sameSessionOn(t: TestApp, c: Client) {
  const other = new Client(t.app);
  other.cookie = c.cookie;
  other.csrf = c.csrf;
  return other;
}

beforeAll(async () => {
  a = await createTestApp({}, { sessionCache: true });
  b = await createTestApp({}, { sameDatabaseAs: a, sessionCache: true });
  orgId = await createOrg(a);
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('session cache', () => {
  it('answers a signed-in request from memory after the first read', async () => {
    const patient = await createPatientAccount(a);
    const c = await signIn(a, patient.phone);
    expect(cacheOf(a).live).toBe(true);
    const before = cacheOf(a).size;
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(cacheOf(a).size).toBe(before + 1);
    // A second read while the row is gone from the database shows it came from memory; the row is put back.
    await sql`ALTER TABLE sessions DISABLE TRIGGER sessions_auth_signal`.execute(a.deps.db);
    try {
      await sql`UPDATE sessions SET token_hash = 'moved-' || token_hash WHERE account_id = ${patient.id}`.execute(
        a.deps.db,
      );
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      await sql`UPDATE sessions SET token_hash = substr(token_hash, 7) WHERE account_id = ${patient.id}`.execute(
        a.deps.db,
      );
    } finally {
      await sql`ALTER TABLE sessions ENABLE TRIGGER sessions_auth_signal`.execute(a.deps.db);
    }
  });

  it('reads a session once for requests that miss it together, and writes "last seen" once', async () => {
    const patient = await createPatientAccount(a);
    const c = await signIn(a, patient.phone);
    const me = (await c.get('/api/v1/auth/me')).json();
    await a.deps.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 5 * 60_000) })
      .where('account_id', '=', me.accountId)
      .execute();
    cacheOf(a).forgetAccount(me.accountId);
    const reads = vi.spyOn(a.deps.pool, 'query');
    const touches = vi.spyOn(a.deps.db, 'updateTable');
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, () => c.get('/api/v1/auth/me')));
      expect(answers.map((r) => r.statusCode)).toEqual(Array.from({ length: 30 }, () => 200));
      const resolves = reads.mock.calls.filter(
        ([q]) => typeof q === 'object' && (q as { name?: string }).name === 'careloop_session_resolve',
      );
      expect(resolves).toHaveLength(1);
      expect(touches.mock.calls.filter(([table]) => table === 'sessions')).toHaveLength(1);
    } finally {
      reads.mockRestore();
      touches.mockRestore();
    }
    // A sign-out is not hidden by a read shared before it: the next request reads again and is refused.
    expect((await c.post('/api/v1/auth/logout', {})).statusCode).toBe(200);
    expect((await sameSessionOn(a, c).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a signed-out session at once in the same process, and in the other after the signal', async () => {
    const patient = await createPatientAccount(a);
    const c = await signIn(a, patient.phone);
    const onB = sameSessionOn(b, c);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await onB.get('/api/v1/auth/me')).statusCode).toBe(200);
    const signals = cacheOf(b).signals;
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await sameSessionOn(a, onB).get('/api/v1/auth/me')).statusCode).toBe(401);
    await signalled(b, signals);
    expect((await onB.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses a session revoked or an account deactivated straight in the database', async () => {
    const patient = await createPatientAccount(a);
    const c = await signIn(a, patient.phone);
    const onB = sameSessionOn(b, c);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await onB.get('/api/v1/auth/me')).statusCode).toBe(200);
    let before = [cacheOf(a).signals, cacheOf(b).signals] as const;
    await a.deps.db.updateTable('accounts').set({ active: false }).where('id', '=', patient.id).execute();
    await Promise.all([signalled(a, before[0]), signalled(b, before[1])]);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await onB.get('/api/v1/auth/me')).statusCode).toBe(401);

    const other = await createPatientAccount(a);
    const d = await signIn(a, other.phone);
    expect((await d.get('/api/v1/auth/me')).statusCode).toBe(200);
    before = [cacheOf(a).signals, cacheOf(b).signals];
    await a.deps.db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('account_id', '=', other.id)
      .execute();
    await signalled(a, before[0]);
    expect((await d.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('follows a changed role: an org admin demoted to nurse loses the admin routes', async () => {
    const staff = await createStaff(a, orgId, ['org_admin']);
    const c = await signIn(a, staff);
    const onB = sameSessionOn(b, c);
    expect((await c.get('/api/v1/invitations')).statusCode).toBe(200);
    expect((await onB.get('/api/v1/invitations')).statusCode).toBe(200);
    const before = [cacheOf(a).signals, cacheOf(b).signals] as const;
    await a.deps.db
      .updateTable('memberships')
      .set({ roles: ['nurse'] })
      .where('account_id', '=', staff.id)
      .execute();
    await Promise.all([signalled(a, before[0]), signalled(b, before[1])]);
    expect((await c.get('/api/v1/invitations')).statusCode).toBe(403);
    expect((await onB.get('/api/v1/invitations')).statusCode).toBe(403);
  });

  it('reads the database while its signal connection is down, and caches again once reconnected', async () => {
    const patient = await createPatientAccount(a);
    const c = await signIn(a, patient.phone);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
               WHERE datname = current_database() AND query = 'LISTEN careloop_auth'`.execute(a.deps.db);
    const until = Date.now() + 5_000;
    while (cacheOf(a).live || cacheOf(b).live) {
      if (Date.now() > until) throw new Error('the signal connections did not notice');
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(cacheOf(a).size).toBe(0);
    // Not live: a revocation made now is seen at once, with no signal to carry it.
    await sql`ALTER TABLE sessions DISABLE TRIGGER sessions_auth_signal`.execute(a.deps.db);
    try {
      await a.deps.db
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('account_id', '=', patient.id)
        .execute();
    } finally {
      await sql`ALTER TABLE sessions ENABLE TRIGGER sessions_auth_signal`.execute(a.deps.db);
    }
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const back = Date.now() + 10_000;
    while (!cacheOf(a).live || !cacheOf(b).live) {
      if (Date.now() > back) throw new Error('the signal connections did not come back');
      await new Promise((r) => setTimeout(r, 50));
    }
    const fresh = await createPatientAccount(a);
    const f = await signIn(a, fresh.phone);
    const size = cacheOf(a).size;
    expect((await f.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(cacheOf(a).size).toBe(size + 1);
  });
});
