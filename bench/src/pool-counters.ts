import type pg from 'pg';

export interface PoolCounters {
  queries: number;
  checkouts: number;
}

/** Counts what a pool does: one increment per query or checkout, negligible beside a database round trip. */
export function countPoolWork(pool: pg.Pool): PoolCounters {
  const counters: PoolCounters = { queries: 0, checkouts: 0 };
  pool.on('acquire', () => counters.checkouts++);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      counters.queries++;
      return query(...args);
    }) as typeof client.query;
  });
  return counters;
}
