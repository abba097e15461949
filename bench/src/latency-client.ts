// Runs in a worker thread (see monitoring-latency.ts): a console user's socket and the device that sends urgent
// readings, timed on a thread of their own so the clock does not wait on the servers' busy event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export interface LatencyDevice {
  readonly patientId: string;
  readonly token: string;
}

export type LatencyJob =
  | {
      readonly kind: 'app';
      /** Where the device posts its readings. */
      readonly ingestUrl: string;
      /** The server process the console's socket is connected to. */
      readonly socketUrl: string;
      readonly cookie: string;
      readonly devices: readonly LatencyDevice[];
      readonly warmup: number;
      readonly samples: number;
      readonly gapMs: number;
    }
  | {
      readonly kind: 'bare';
      readonly url: string;
      readonly warmup: number;
      readonly samples: number;
      readonly gapMs: number;
    };

export interface LatencyResult {
  /** From just before the HTTP request to the event's arrival at the socket. */
  readonly eventMs: number[];
  /** From just before the HTTP request to its answer. */
  readonly responseMs: number[];
}

const TIMEOUT_MS = 10_000;

function open(url: string, cookie: string | null): Promise<Socket> {
  const socket = io(`${url}/console`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`socket refused: ${error.message}`)));
  });
}

/** Waits for the next event whose key matches; the clock is read the moment the socket hands it over. */
class Arrivals {
  private waiting: { key: string; resolve: (at: number) => void } | null = null;

  constructor(socket: Socket, keyOf: (event: Record<string, unknown>) => string | undefined) {
    socket.on('alerts.alert.created', (event: Record<string, unknown>) => {
      const at = performance.now();
      const key = keyOf(event);
      if (this.waiting && key === this.waiting.key) {
        const { resolve } = this.waiting;
        this.waiting = null;
        resolve(at);
      }
    });
  }

  next(key: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`no alerts.alert.created for ${key} within ${TIMEOUT_MS} ms`));
      }, TIMEOUT_MS);
      this.waiting = {
        key,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
    });
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sample(
  arrivals: Arrivals,
  key: string,
  send: () => Promise<Response>,
): Promise<{ eventMs: number; responseMs: number }> {
  const arrived = arrivals.next(key);
  const started = performance.now();
  const res = await send();
  const answered = performance.now();
  const text = await res.text();
  if (!res.ok) throw new Error(`the server answered ${res.status}: ${text.slice(0, 300)}`);
  const at = await arrived;
  return { eventMs: at - started, responseMs: answered - started };
}

async function runApp(job: Extract<LatencyJob, { kind: 'app' }>): Promise<LatencyResult> {
  const socket = await open(job.socketUrl, job.cookie);
  const arrivals = new Arrivals(socket, (e) => e['patientId'] as string | undefined);
  const last = new Map<string, number>();
  const result: LatencyResult = { eventMs: [], responseMs: [] };
  try {
    for (let i = 0; i < job.warmup + job.samples; i++) {
      const device = job.devices[i % job.devices.length]!;
      // A normal reading, then the urgent one: the normal one ends the patient's previous low, so the urgent
      // reading opens a new episode and a new alert (one of an open episode would fold into it instead).
      const at = Math.max(Date.now(), (last.get(device.patientId) ?? 0) + 2);
      last.set(device.patientId, at);
      const body = JSON.stringify({
        readings: [
          {
            id: `lat-${at}-a`,
            type: 'glucose',
            takenAt: new Date(at - 1).toISOString(),
            value: 6.2,
            unit: 'mmol/L',
          },
          {
            id: `lat-${at}-b`,
            type: 'glucose',
            takenAt: new Date(at).toISOString(),
            value: 2.5,
            unit: 'mmol/L',
          },
        ],
      });
      const timing = await sample(arrivals, device.patientId, () =>
        fetch(`${job.ingestUrl}/api/v1/readings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
          body,
        }),
      );
      if (i >= job.warmup) {
        result.eventMs.push(timing.eventMs);
        result.responseMs.push(timing.responseMs);
      }
      await pause(job.gapMs);
    }
    return result;
  } finally {
    socket.disconnect();
  }
}

async function runBare(job: Extract<LatencyJob, { kind: 'bare' }>): Promise<LatencyResult> {
  const socket = await open(job.url, null);
  const arrivals = new Arrivals(socket, (e) => e['id'] as string | undefined);
  const result: LatencyResult = { eventMs: [], responseMs: [] };
  try {
    for (let i = 0; i < job.warmup + job.samples; i++) {
      const id = `bare-${i}`;
      const timing = await sample(arrivals, id, () =>
        fetch(`${job.url}/emit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id }),
        }),
      );
      if (i >= job.warmup) {
        result.eventMs.push(timing.eventMs);
        result.responseMs.push(timing.responseMs);
      }
      await pause(job.gapMs);
    }
    return result;
  } finally {
    socket.disconnect();
  }
}

const job = workerData as LatencyJob;
(job.kind === 'app' ? runApp(job) : runBare(job)).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: (error as Error).stack ?? String(error) }),
);
