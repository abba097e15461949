// Alert latency: from a device's HTTP request with an urgent value to the alert's event at a console user's
// socket, with and without a background ingest load, beside a bare Socket.IO emit round trip.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Server } from 'socket.io';
import type { LatencyJob, LatencyResult } from './latency-client.ts';
import { nextReadings, percentiles, round, type BenchDevice } from './monitoring-data.ts';
import { postBatch } from './monitoring-rest.ts';
import type { Listening } from './setup.ts';

/** Runs one latency job on a worker thread (TypeScript loaded through tsx, as the bench itself is). */
export function runLatencyJob(job: LatencyJob): Promise<LatencyResult> {
  const url = new URL('./latency-client.ts', import.meta.url).href;
  const loader = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(
    import.meta.url,
  )}))`;
  const worker = new Worker(loader, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { ok: true; result: LatencyResult } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new Error(`latency worker: ${message.error}`));
    });
    worker.once('error', reject);
  });
}

/** Bare Socket.IO on a bare HTTP server: POST /emit emits the posted id to every /console socket. */
export async function startBareSocketIo(): Promise<Listening> {
  const io = new Server({ path: '/socket.io', serveClient: false });
  // The namespace must exist before a client asks for it.
  const consoleNamespace = io.of('/console');
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/emit') {
      res.writeHead(404).end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const { id } = JSON.parse(body) as { id: string };
      consoleNamespace.emit('alerts.alert.created', {
        type: 'alerts.alert.created',
        id,
        at: new Date().toISOString(),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  io.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      io.local.disconnectSockets(true);
      await io.close();
    },
  };
}

export interface BackgroundFigures {
  readonly batches: number;
  readonly readings: number;
  readonly seconds: number;
  readonly readingsPerSecond: number;
}

/**
 * Device batches of `batchSize` readings started at a steady pace (at most `maxInFlight` at once) against the
 * ingest server until stopped: a moderate load of many devices uploading beside the urgent readings.
 */
export function startBackgroundLoad(input: {
  url: string;
  devices: readonly BenchDevice[];
  batchSize: number;
  batchesPerSecond: number;
  maxInFlight: number;
}): { stop(): Promise<BackgroundFigures> } {
  let stopped = false;
  let inFlight = 0;
  let batches = 0;
  let readings = 0;
  let failure: Error | null = null;
  let turn = 0;
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  const timer = setInterval(() => {
    if (stopped || inFlight >= input.maxInFlight) return;
    const device = input.devices[turn++ % input.devices.length]!;
    const batch = nextReadings(device, input.batchSize);
    inFlight++;
    const sent = postBatch(input.url, {
      token: device.token,
      body: JSON.stringify({ readings: batch }),
      readings: batch.length,
      rows: 0,
    }).then(
      () => {
        batches++;
        readings += batch.length;
      },
      (error: unknown) => {
        failure ??= error as Error;
      },
    );
    const tracked = sent.finally(() => {
      inFlight--;
      pending.delete(tracked);
    });
    pending.add(tracked);
  }, 1000 / input.batchesPerSecond);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all(pending);
      if (failure) throw failure;
      const seconds = (performance.now() - started) / 1000;
      return {
        batches,
        readings,
        seconds: round(seconds, 1),
        readingsPerSecond: Math.round(readings / seconds),
      };
    },
  };
}

export interface LatencyCase {
  readonly name: string;
  readonly adapter: 'postgres' | 'redis' | 'none (bare Socket.IO)';
  readonly processes: 1 | 2;
  readonly load: 'idle' | 'background ingest';
  readonly samples: number;
  readonly eventMs: ReturnType<typeof percentiles>;
  readonly responseMs: ReturnType<typeof percentiles>;
  readonly background: BackgroundFigures | null;
}

/** One case: the job on its worker, with the background load running for its whole length when asked. */
export async function latencyCase(
  meta: Omit<LatencyCase, 'samples' | 'eventMs' | 'responseMs' | 'background'>,
  job: LatencyJob,
  background: (() => { stop(): Promise<BackgroundFigures> }) | null,
): Promise<LatencyCase> {
  const load = background?.();
  let result: LatencyResult;
  try {
    result = await runLatencyJob(job);
  } catch (error) {
    await load?.stop().catch(() => undefined);
    throw error;
  }
  const figures = (await load?.stop()) ?? null;
  return {
    ...meta,
    samples: result.eventMs.length,
    eventMs: percentiles(result.eventMs),
    responseMs: percentiles(result.responseMs),
    background: figures,
  };
}
