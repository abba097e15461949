import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or a transaction: repositories accept both so services decide the transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

// Dates of birth are plain dates: keep them as 'YYYY-MM-DD' strings instead of local-time Date objects.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
// bigint (sequence numbers, counts) as string; callers convert where they need numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => v);

export interface DatabaseHandle {
  readonly db: Db;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export function openDatabase(connectionString: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'careloop',
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Nothing personal to log here.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    async close() {
      await db.destroy();
    },
  };
}
