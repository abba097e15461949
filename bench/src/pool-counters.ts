import { performance } from 'node:perf_hooks';
import type pg from 'pg';

export interface StatementTime {
  count: number;
  ms: number;
}

export interface PoolCounters {
  queries: number;
  checkouts: number;
  /** When set, the time of every query from its call to its result, by the statement's first words. */
  timings: Map<string, StatementTime> | null;
}

/** Counts what a pool does: one increment per query or checkout, negligible beside a database round trip. */
export function countPoolWork(pool: pg.Pool): PoolCounters {
  const counters: PoolCounters = { queries: 0, checkouts: 0, timings: null };
  pool.on('acquire', () => counters.checkouts++);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      counters.queries++;
      const result = query(...args);
      const timings = counters.timings;
      if (timings && result instanceof Promise) {
        const started = performance.now();
        const key = statementKey(args[0]);
        void result.then(
          () => record(timings, key, performance.now() - started),
          () => record(timings, key, performance.now() - started),
        );
      }
      return result;
    }) as typeof client.query;
  });
  return counters;
}

function record(timings: Map<string, StatementTime>, key: string, ms: number) {
  const entry = timings.get(key) ?? { count: 0, ms: 0 };
  entry.count++;
  entry.ms += ms;
  timings.set(key, entry);
}

/** The statement's first 90 characters, whitespace folded: enough to tell the app's statements apart. */
function statementKey(arg: unknown): string {
  const text = typeof arg === 'string' ? arg : ((arg as { text?: string } | null)?.text ?? '?');
  return text.replace(/\s+/g, ' ').trim().slice(0, 90);
}
