import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import { loadConfig, type Config } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { createDeps } from '../src/platform/runtime.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { uuidv7 } from '../src/platform/db/ids.ts';
import { hashPassword } from '../src/modules/identity/passwords.ts';
import { SocketRealtime } from '../src/platform/realtime/socket-realtime.ts';
import { serveRealtime } from '../src/platform/realtime/serve-realtime.ts';

export const PASSWORD = 'Test-pass-1234';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: DatabaseHandle;
  databaseUrl: string;
  /** With `{ realtime: true }`: the app listens on 127.0.0.1 and serves sockets. */
  realtime: SocketRealtime | null;
  /** With `{ realtime: true }`: the listening app's base URL (`http://127.0.0.1:<port>`). */
  url: string | null;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** A SocketRealtime as deps.realtime, sockets served, the app listening on a free port. */
  realtime?: boolean;
  /** Another server process over the same database instead of a fresh clone (multi-process tests). */
  sameDatabaseAs?: TestApp;
  /** Answer sessions from memory as server processes do (openRuntime); off by default in tests. */
  sessionCache?: boolean;
}

async function cloneTemplateDatabase(): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const template = inject('templateDatabase');
  const name = `careloop_t_${template.split('_').at(-1)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Builds the real app on a fresh clone of the migrated template database. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const databaseUrl = options.sameDatabaseAs?.databaseUrl ?? (await cloneTemplateDatabase());
  const filesDir = await mkdtemp(path.join(os.tmpdir(), 'careloop-files-'));
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG === '1' ? 'error' : 'silent',
    RATE_LIMIT_MAX: '100000',
    LOGIN_RATE_LIMIT: '100000',
    DEMO_DATA: 'false',
    FILES_DIR: filesDir,
    ...env,
  });
  const database = openDatabase(databaseUrl, { max: 5 });
  const realtime = options.realtime
    ? new SocketRealtime({
        redisUrl: config.redisUrl,
        databaseUrl,
        log: pino({ level: config.logLevel }),
      })
    : null;
  const deps = createDeps(config, database, undefined, realtime ?? undefined);
  if (options.sessionCache) await deps.sessions.startCache();
  const app = await buildApp(deps, { logger: process.env.TEST_LOG === '1' });
  if (realtime) serveRealtime(app, realtime, deps.sessions);
  await app.ready();
  const url = realtime ? await app.listen({ host: '127.0.0.1', port: 0 }) : null;
  return {
    app,
    deps,
    database,
    databaseUrl,
    realtime,
    url,
    async close() {
      await app.close();
      await deps.sessions.stopCache();
      await realtime?.close();
      await database.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

let passwordHash: Promise<string> | null = null;
const testPasswordHash = () => (passwordHash ??= hashPassword(PASSWORD));

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createOrg(t: TestApp, code = `org-${unique()}`) {
  const id = uuidv7();
  await t.deps.db
    .insertInto('orgs')
    .values({ id, code, name_zh: `测试医院${code}`, name_en: `Test Hospital ${code}` })
    .execute();
  return id;
}

export async function createStaff(
  t: TestApp,
  orgId: string,
  roles: string[],
  options: { enrolled?: boolean; email?: string } = {},
) {
  const id = uuidv7();
  const email = options.email ?? `staff-${unique()}@test.careloop.cn`;
  // Staff are enrolled in TOTP by default, as in production; { enrolled: false } leaves enrolment to the test.
  const secret = options.enrolled === false ? null : authenticator.generateSecret(20);
  await t.deps.db
    .insertInto('accounts')
    .values({
      id,
      kind: 'staff',
      display_name: `Staff ${email}`,
      email,
      phone_enc: null,
      phone_bidx: null,
      password_hash: await testPasswordHash(),
      locale: null,
      mfa_secret_enc: secret ? t.deps.crypto.encrypt(secret) : null,
      mfa_enabled: secret !== null,
      mfa_pending_secret_enc: null,
      locked_until: null,
    })
    .execute();
  await t.deps.db
    .insertInto('memberships')
    .values({ id: uuidv7(), org_id: orgId, account_id: id, roles, department_id: null, title: null })
    .execute();
  return { id, email, secret };
}

export async function createPatientAccount(
  t: TestApp,
  phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
) {
  const id = uuidv7();
  await t.deps.db
    .insertInto('accounts')
    .values({
      id,
      kind: 'patient',
      display_name: `Patient ${phone.slice(-4)}`,
      email: null,
      phone_enc: t.deps.crypto.encrypt(phone),
      phone_bidx: t.deps.crypto.blindIndex('phone', phone),
      password_hash: await testPasswordHash(),
      locale: null,
      mfa_secret_enc: null,
      mfa_pending_secret_enc: null,
      locked_until: null,
    })
    .execute();
  return { id, phone };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on writes, as the apps do. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    private readonly app: FastifyInstance,
    private readonly language = 'en-US',
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.language,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.capture(res);
    return res;
  }

  private capture(res: LightMyRequestResponse) {
    const set = res.cookies.find((c) => c.name === 'cl_session');
    if (set) this.cookie = set.value ? `cl_session=${set.value}` : '';
    if (res.headers['content-type']?.toString().startsWith('application/json')) {
      const json = res.json() as { csrfToken?: string };
      if (json && typeof json === 'object' && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    }
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(identifier: string, password = PASSWORD) {
    const res = await this.post('/api/v1/auth/login', { identifier, password });
    if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
    return res.json() as { mfa: string; csrfToken: string };
  }
}

/** Signs in with the password and, for enrolled staff, the current TOTP code. */
export async function signIn(t: TestApp, identifier: string | { email: string; secret: string | null }) {
  const c = new Client(t.app);
  if (typeof identifier === 'string') {
    await c.login(identifier);
    return c;
  }
  const me = await c.login(identifier.email);
  if (me.mfa === 'required' && identifier.secret) {
    const res = await c.post('/api/v1/auth/mfa/verify', { code: authenticator.generate(identifier.secret) });
    if (res.statusCode !== 200) throw new Error(`mfa verify failed ${res.statusCode} ${res.body}`);
  }
  return c;
}

/** The TOTP code for now, or for a later 30-second step (a code once accepted cannot be used again). */
export function totp(secret: string, stepsAhead = 0) {
  return authenticator.clone({ epoch: Date.now() + stepsAhead * 30_000 }).generate(secret);
}

export async function addPatient(t: TestApp, staff: Client, overrides: Record<string, unknown> = {}) {
  const res = await staff.post('/api/v1/patients', {
    name: '测试患者',
    sex: 'female',
    birthDate: '1980-01-01',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`create patient ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}
