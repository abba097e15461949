import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Embedded PostgreSQL clusters of e2e runs live here, one folder per run, removed when the run ends. */
const EMBEDDED_ROOT = path.join(ROOT, '.data', 'e2e');

export interface RunningServer {
  baseUrl: string;
  /** The database the server writes to (for reading recorded SMS codes). */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `careloop_e2e_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabase(adminUrl: string, url: string) {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

/** Clusters left by runs that were killed (older than a day) would otherwise pile up. */
async function removeStaleClusters(): Promise<void> {
  const entries = await readdir(EMBEDDED_ROOT).catch(() => [] as string[]);
  for (const entry of entries) {
    const dir = path.join(EMBEDDED_ROOT, entry);
    const info = await stat(dir).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 24 * 3600_000) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Starts the real server (apps/server/src/main.ts, serving the built apps) as a child process with demo data on
 * a fresh database: a new database in DATABASE_URL's server when it is set, otherwise a new embedded PostgreSQL
 * cluster under .data/e2e/<run>. Waits for /readyz. Every run starts from the same demo state (the MFA journey
 * enrols mfa@… and needs it not enrolled yet).
 */
export async function startServer(): Promise<RunningServer> {
  const adminUrl = process.env.DATABASE_URL;
  const port = await freePort();
  const embeddedPort = adminUrl ? null : await freePort();
  const mqttPort = await freePort();
  const embeddedDir = adminUrl ? null : path.join(EMBEDDED_ROOT, `run-${randomBytes(4).toString('hex')}`);
  if (embeddedDir) {
    await removeStaleClusters();
    await mkdir(embeddedDir, { recursive: true });
  }
  const databaseUrl = adminUrl
    ? await createDatabase(adminUrl)
    : `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/careloop`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'true',
    DEMO_PATIENTS: '60',
    LOGIN_RATE_LIMIT: '10000',
    RATE_LIMIT_MAX: '100000',
    // The embedded MQTT broker on a port of its own: a machine's Mosquitto may hold 1883.
    MQTT_EMBEDDED_PORT: String(mqttPort),
  };
  if (adminUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  if (embeddedDir) env.DATA_DIR = embeddedDir;
  if (embeddedPort) env.EMBEDDED_PG_PORT = String(embeddedPort);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    }
    if (adminUrl) await dropDatabase(adminUrl, databaseUrl);
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited early:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, databaseUrl, stop };
}
