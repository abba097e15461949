import { performance } from 'node:perf_hooks';
import type { CountedServer } from './setup.ts';

const SEQUENTIAL_REQUESTS = 500;

export interface RequestProfile {
  readonly name: string;
  readonly queriesPerRequest: number;
  readonly checkoutsPerRequest: number;
  /** One request at a time on one connection: the latency without queueing, mostly round trips. */
  readonly unloadedLatencyMs: { readonly p50: number; readonly mean: number };
}

/** Where a request's time goes: database round trips and pool checkouts, counted on the server's own pool. */
export async function profileRequests(
  name: string,
  server: CountedServer,
  paths: readonly string[],
  headers: Record<string, string>,
): Promise<RequestProfile> {
  const queries = server.counters.queries;
  const checkouts = server.counters.checkouts;
  const latencies: number[] = [];
  for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
    const started = performance.now();
    const res = await fetch(`${server.url}${paths[i % paths.length]}`, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${name}: GET answered ${res.status}`);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    name,
    queriesPerRequest: (server.counters.queries - queries) / SEQUENTIAL_REQUESTS,
    checkoutsPerRequest: (server.counters.checkouts - checkouts) / SEQUENTIAL_REQUESTS,
    unloadedLatencyMs: {
      p50: round(latencies[Math.floor(latencies.length / 2)] ?? 0),
      mean: round(latencies.reduce((sum, v) => sum + v, 0) / latencies.length),
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
