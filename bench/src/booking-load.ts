// The load of booking.bench.ts: autocannon keeps `clients` connections busy on a worker thread of its own (so the
// clock does not wait on the servers' busy event loop), each posting its next booking when the last one
// answered; booking-setup-request.cjs hands every request its own patient profile and slot.
import { writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export interface BookingRequest {
  readonly path: string;
  readonly body: unknown;
  /** Index into the job's header sets (one signed-in account each). */
  readonly session: number;
}

export interface BookingLoadJob {
  readonly base: string;
  readonly clients: number;
  readonly headers: readonly Record<string, string>[];
  readonly requests: readonly BookingRequest[];
  /** Offered load in requests/s across all clients (open loop); unset: each client sends when answered. */
  readonly rate?: number;
}

export interface BookingLoadResult {
  readonly requests: number;
  readonly seconds: number;
  readonly statuses: Record<string, number>;
  readonly latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

const SETUP = fileURLToPath(new URL('./booking-setup-request.cjs', import.meta.url));

export async function runLoad(job: BookingLoadJob): Promise<BookingLoadResult> {
  const file = path.join(os.tmpdir(), `careloop-booking-${process.pid}.json`);
  await writeFile(file, JSON.stringify({ headers: job.headers, requests: job.requests }));
  process.env.BOOKING_REQUESTS_FILE = file;
  try {
    const result = await autocannon({
      url: job.base,
      connections: job.clients,
      amount: job.requests.length,
      timeout: 30,
      workers: 1,
      // With a rate, autocannon back-fills "coordinated omission" samples at an expected interval of
      // ceil(1 / per-connection rate) = 1 ms, so one 120 ms answer would count as 120 answers of 120 ... 1 ms.
      // Each connection sends its quota of the second back to back as answers come, so the recorded times are
      // the answers' own.
      ...(job.rate ? { overallRate: job.rate, ignoreCoordinatedOmission: true } : {}),
      requests: [{ method: 'POST', setupRequest: SETUP }],
    });
    const statuses: Record<string, number> = {};
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
      statuses[code] = (stat as { count: number }).count;
    return {
      requests: result.requests.total,
      seconds: result.duration,
      statuses,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.average,
      },
    };
  } finally {
    await rm(file, { force: true });
  }
}
