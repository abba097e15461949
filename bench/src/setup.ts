import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { authenticator } from 'otplib';
import pino from 'pino';
import { loadConfig } from '../../apps/server/src/config.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../apps/server/src/platform/db/migrate.ts';
import { createDeps } from '../../apps/server/src/platform/runtime.ts';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { hashPassword } from '../../apps/server/src/modules/identity/passwords.ts';
import type { AppDeps } from '../../apps/server/src/platform/deps.ts';
import { SocketRealtime } from '../../apps/server/src/platform/realtime/socket-realtime.ts';
import { serveRealtime } from '../../apps/server/src/platform/realtime/serve-realtime.ts';
import { countPoolWork, type PoolCounters } from './pool-counters.ts';

const PASSWORD = 'Bench-pass-1234';
const REGISTER_CONCURRENCY = 10;

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/** A server whose database pool is counted, for the per-request profile. */
export interface CountedServer extends Listening {
  readonly counters: PoolCounters;
}

export interface RealServer extends CountedServer {
  readonly deps: AppDeps;
  /** With `{ realtime: true }`: the Socket.IO server behind deps.realtime, serving /console and /patient. */
  readonly realtime: SocketRealtime | null;
}

export interface RealServerOptions {
  /** Settings on top of the bench's own (MQTT_ENABLED, REDIS_URL...). */
  readonly env?: Record<string, string>;
  /** Serve the apps' sockets as production does (SocketRealtime, linked by PostgreSQL or Redis). */
  readonly realtime?: boolean;
}

export interface Doctor {
  readonly orgId: string;
  readonly accountId: string;
  /** The `cookie` header of a fully signed-in session (password and TOTP). */
  readonly cookie: string;
  readonly csrfToken: string;
}

export async function listenLocally(app: FastifyInstance): Promise<Listening> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** The real app, built from the same parts as the server's test harness, migrated and listening. */
export async function startRealServer(
  databaseUrl: string,
  options: RealServerOptions = {},
): Promise<RealServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '10000000',
    LOGIN_RATE_LIMIT: '100000',
    DEMO_DATA: 'false',
    ...options.env,
  });
  const database = openDatabase(databaseUrl, { max: 20 });
  const counters = countPoolWork(database.pool);
  await migrate(database.pool);
  const realtime = options.realtime
    ? new SocketRealtime({ redisUrl: config.redisUrl, databaseUrl, log: pino({ level: 'warn' }) })
    : null;
  const deps = createDeps(config, database, undefined, realtime ?? undefined);
  // As a server process does (openRuntime): signed-in requests answered from the session cache.
  await deps.sessions.startCache();
  const app = await buildApp(deps, { logger: false });
  if (realtime) serveRealtime(app, realtime, deps.sessions);
  const listening = await listenLocally(app);
  return {
    ...listening,
    deps,
    counters,
    realtime,
    async close() {
      await listening.close();
      await deps.sessions.stopCache();
      await realtime?.close();
      await database.close();
    },
  };
}

/** An organization and a doctor enrolled in TOTP, as createStaff in the server's harness makes them. */
export async function signInDoctor(server: RealServer): Promise<Doctor> {
  const { db, crypto } = server.deps;
  const orgId = uuidv7();
  await db
    .insertInto('orgs')
    .values({ id: orgId, code: 'bench', name_zh: '基准医院', name_en: 'Benchmark Hospital' })
    .execute();
  const accountId = uuidv7();
  const email = 'doctor@bench.careloop.cn';
  const secret = authenticator.generateSecret(20);
  await db
    .insertInto('accounts')
    .values({
      id: accountId,
      kind: 'staff',
      display_name: 'Bench Doctor',
      email,
      phone_enc: null,
      phone_bidx: null,
      password_hash: await hashPassword(PASSWORD),
      locale: null,
      mfa_secret_enc: crypto.encrypt(secret),
      mfa_enabled: true,
      mfa_pending_secret_enc: null,
      locked_until: null,
    })
    .execute();
  await db
    .insertInto('memberships')
    .values({
      id: uuidv7(),
      org_id: orgId,
      account_id: accountId,
      roles: ['doctor'],
      department_id: null,
      title: null,
    })
    .execute();

  const login = await post(server.url, '/api/v1/auth/login', { identifier: email, password: PASSWORD }, null);
  const session = { cookie: login.cookie ?? '', csrfToken: (login.body as { csrfToken: string }).csrfToken };
  const verified = await post(
    server.url,
    '/api/v1/auth/mfa/verify',
    { code: authenticator.generate(secret) },
    session,
  );
  const me = verified.body as { mfa: string; csrfToken: string };
  if (me.mfa !== 'ok') throw new Error(`the doctor is not fully signed in: mfa ${me.mfa}`);
  return { orgId, accountId, cookie: verified.cookie ?? session.cookie, csrfToken: me.csrfToken };
}

/** Registers patients through the API, so the doctor joins each care team as the app would have it. */
export async function registerPatients(url: string, doctor: Doctor, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += REGISTER_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(REGISTER_CONCURRENCY, count - start) }, (_, k) => start + k);
    const created = await Promise.all(
      batch.map((i) =>
        post(url, '/api/v1/patients', patientInput(i), doctor).then((r) => (r.body as { id: string }).id),
      ),
    );
    ids.push(...created);
  }
  return ids;
}

/**
 * Gathers planner statistics, as autovacuum does within a minute of a bulk load in production. Without them,
 * the access check's care-team lookup plans a scan of the doctor's whole care team instead of one index probe.
 */
export async function analyzeTables(server: RealServer): Promise<void> {
  await sql`ANALYZE`.execute(server.deps.db);
}

// A profile with the usual encrypted fields filled in, so a read decrypts what a real one would.
function patientInput(i: number) {
  const phone = `139${String(i).padStart(8, '0')}`;
  return {
    name: `基准患者${i}`,
    sex: i % 2 ? 'male' : 'female',
    birthDate: `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    phone,
    address: {
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      line: `文三路${i}号`,
      postalCode: '310012',
    },
    emergencyContact: { name: `家属${i}`, relationship: '配偶', phone: `138${String(i).padStart(8, '0')}` },
    insurance: { type: 'urban_employee', number: `ZJ${String(i).padStart(10, '0')}`, provider: '杭州医保' },
  };
}

export async function post(
  base: string,
  path: string,
  body: unknown,
  session: { cookie: string; csrfToken: string } | null,
): Promise<{ body: unknown; cookie: string | null }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  const sessionCookie = res.headers.getSetCookie().find((c) => c.startsWith('cl_session='));
  return { body: await res.json(), cookie: sessionCookie ? sessionCookie.split(';')[0]! : null };
}
