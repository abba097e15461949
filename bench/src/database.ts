import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded.ts';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
// A port of its own, so a developer's embedded CareLoop database (5544 by default) is left alone.
const EMBEDDED_PORT = 5545;

export interface BenchDatabase {
  /** The fresh database the run works in. */
  readonly url: string;
  /** `select version()` of the server it lives on. */
  readonly postgresVersion: string;
  /** Drops the database and stops the embedded server when one was started. */
  drop(): Promise<void>;
}

/** Creates a throwaway database on DATABASE_URL's server, or on an embedded one when that is unreachable. */
export async function createBenchDatabase(env: NodeJS.ProcessEnv): Promise<BenchDatabase> {
  const server = await reachServer(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const name = `careloop_bench_${randomBytes(4).toString('hex')}`;
  const postgresVersion = await onAdmin(server.adminUrl, async (admin) => {
    await admin.query(`CREATE DATABASE ${name}`);
    const { rows } = await admin.query<{ version: string }>('SELECT version()');
    return rows[0]?.version ?? 'unknown';
  });
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    postgresVersion,
    async drop() {
      await onAdmin(server.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await server.stop();
    },
  };
}

async function reachServer(adminUrl: string): Promise<{ adminUrl: string; stop(): Promise<void> }> {
  try {
    await onAdmin(adminUrl, (admin) => admin.query('SELECT 1'));
    return { adminUrl, stop: async () => undefined };
  } catch (error) {
    process.stdout.write(
      `PostgreSQL at ${redact(adminUrl)} is unreachable (${(error as Error).message}); starting the embedded one\n`,
    );
    const embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), 'careloop-bench'), EMBEDDED_PORT);
    return { adminUrl: embedded.url, stop: () => embedded.stop() };
  }
}

async function onAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
