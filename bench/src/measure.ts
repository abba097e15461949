import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { startCpuMeter } from './cpu.ts';

export const LOAD = { connections: 50, warmupSeconds: 3, durationSeconds: 10 } as const;

export interface Target {
  readonly name: string;
  readonly url: string;
  /** Paths each connection cycles through in order. */
  readonly paths: readonly string[];
  readonly headers: Record<string, string>;
}

export interface Measurement {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly latencyMs: {
    readonly p50: number;
    readonly p99: number;
    readonly mean: number;
    readonly max: number;
  };
  readonly responses2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Share of the measured time the servers' event loop (this process's main thread) was busy. */
  readonly serverEventLoopUtilization: number;
  /** CPU time per request of the server thread and of the database backends (null off Linux). */
  readonly cpuMsPerRequest: { readonly serverThread: number; readonly postgres: number } | null;
}

/** A warm-up, then the measured run; autocannon runs in a worker thread so it does not share the servers' loop. */
export async function measure(
  target: Target,
  databaseUrl: string,
  connections: number = LOAD.connections,
): Promise<Measurement> {
  await run(target, LOAD.warmupSeconds, connections);
  const cpu = await startCpuMeter(databaseUrl);
  const before = performance.eventLoopUtilization();
  const result = await run(target, LOAD.durationSeconds, connections);
  const loop = performance.eventLoopUtilization(before);
  const used = await cpu?.stop();
  const failed = result.non2xx + result.errors + result.timeouts;
  // A case that answers errors measures the error path; its figures would make the comparison meaningless.
  if (failed > 0) throw new Error(`${target.name}: ${failed} of ${result.requests.sent} requests failed`);
  return {
    name: target.name,
    requestsPerSecond: Math.round(result['2xx'] / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: result.latency.average,
      max: result.latency.max,
    },
    responses2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverEventLoopUtilization: round(loop.utilization),
    cpuMsPerRequest: used
      ? {
          serverThread: round(used.serverThreadMs / result['2xx']),
          postgres: round(used.postgresMs / result['2xx']),
        }
      : null,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function run(target: Target, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    connections,
    duration: seconds,
    workers: 1,
    headers: target.headers,
    requests: target.paths.map((path) => ({ method: 'GET' as const, path })),
  });
}
