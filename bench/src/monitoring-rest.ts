// REST batch ingest: the real route, and the two baselines it is compared with (the same rows written by a raw
// INSERT with pg, and bare Fastify taking the same JSON bodies), all at the same concurrency.
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { startCpuMeter } from './cpu.ts';
import { listenLocally, type Listening } from './setup.ts';
import { percentiles, round, type ObservationColumns } from './monitoring-data.ts';

/** One device batch, serialized before the clock starts so the load generator costs next to nothing. */
export interface PreparedBatch {
  readonly token: string;
  readonly body: string;
  readonly readings: number;
  readonly rows: number;
}

export interface ThroughputCase {
  readonly name: string;
  readonly batches: number;
  readonly readings: number;
  readonly rows: number;
  readonly seconds: number;
  readonly readingsPerSecond: number;
  readonly rowsPerSecond: number;
  /** Time from sending a batch to its answer. */
  readonly batchLatencyMs: ReturnType<typeof percentiles>;
  /** CPU time per batch of this process's main thread (the servers) and of the database's backends. */
  readonly cpuMsPerBatch: { readonly serverThread: number; readonly postgres: number } | null;
  readonly serverEventLoopUtilization: number;
  /** Alerts the answers reported (raised or extended), for the real route. */
  readonly alerts?: number;
  /** Statements the app's pool ran per batch, for the real route. */
  readonly queriesPerBatch?: number;
}

/** Runs `work` over `items` with `concurrency` in flight, measuring wall time, CPU and event-loop use. */
export async function timed<T>(
  name: string,
  databaseUrl: string,
  items: readonly T[],
  concurrency: number,
  size: (item: T) => { readings: number; rows: number },
  work: (item: T) => Promise<void>,
): Promise<Omit<ThroughputCase, 'alerts' | 'queriesPerBatch'>> {
  const latencies: number[] = [];
  let next = 0;
  const cpu = await startCpuMeter(databaseUrl);
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const sent = performance.now();
        await work(item);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const utilization = performance.eventLoopUtilization(loop).utilization;
  const used = await cpu?.stop();
  const readings = items.reduce((sum, i) => sum + size(i).readings, 0);
  const rows = items.reduce((sum, i) => sum + size(i).rows, 0);
  return {
    name,
    batches: items.length,
    readings,
    rows,
    seconds: round(seconds, 2),
    readingsPerSecond: Math.round(readings / seconds),
    rowsPerSecond: Math.round(rows / seconds),
    batchLatencyMs: percentiles(latencies),
    cpuMsPerBatch: used
      ? {
          serverThread: round(used.serverThreadMs / items.length),
          postgres: round(used.postgresMs / items.length),
        }
      : null,
    serverEventLoopUtilization: round(utilization, 3),
  };
}

/** The real route: POST /api/v1/readings with the device's token, checking every reading was stored. */
export async function postBatch(url: string, batch: PreparedBatch): Promise<{ alerts: number }> {
  const res = await fetch(`${url}/api/v1/readings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${batch.token}` },
    body: batch.body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST /api/v1/readings answered ${res.status}: ${text.slice(0, 300)}`);
  const result = JSON.parse(text) as { stored: number; rejected: unknown[]; alerts: unknown[] };
  if (result.stored !== batch.readings || result.rejected.length > 0)
    throw new Error(`stored ${result.stored} of ${batch.readings} readings: ${text.slice(0, 300)}`);
  return { alerts: result.alerts.length };
}

export async function realRoute(
  name: string,
  url: string,
  databaseUrl: string,
  batches: readonly PreparedBatch[],
  concurrency: number,
): Promise<ThroughputCase> {
  let alerts = 0;
  const measured = await timed(name, databaseUrl, batches, concurrency, sizeOf, async (batch) => {
    const answer = await postBatch(url, batch);
    alerts += answer.alerts;
  });
  return { ...measured, alerts };
}

const sizeOf = (b: PreparedBatch) => ({ readings: b.readings, rows: b.rows });

/** Bare Fastify: the same bodies to an endpoint that parses them and answers a count. */
export async function startBareFastify(): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.post<{ Body: { readings: unknown[] } }>(
    '/api/v1/readings',
    { bodyLimit: 2 * 1024 * 1024 },
    async (req) => ({
      received: req.body.readings.length,
    }),
  );
  return listenLocally(app);
}

export async function bareFastify(
  name: string,
  url: string,
  databaseUrl: string,
  batches: readonly PreparedBatch[],
  concurrency: number,
): Promise<ThroughputCase> {
  return timed(name, databaseUrl, batches, concurrency, sizeOf, async (batch) => {
    const res = await fetch(`${url}/api/v1/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${batch.token}` },
      body: batch.body,
    });
    const result = (await res.json()) as { received: number };
    if (!res.ok || result.received !== batch.readings) throw new Error(`bare Fastify answered ${res.status}`);
  });
}

// The app's INSERT (observations.store.ts insertChunk), without RETURNING: one array per column through unnest.
const INSERT = `
  INSERT INTO observations (id, org_id, patient_id, code_system, code, name, value_num, value_text, unit, ref_low,
                            ref_high, ref_text, flag, effective_at, source, source_org, report_id, device_id,
                            dedupe_key, note, context, end_at, recorded_by)
  SELECT u.id, $1::uuid, u.patient_id, u.code_system, u.code, u.name, u.value_num, u.value_text, u.unit, u.ref_low,
         u.ref_high, u.ref_text, u.flag, u.effective_at, u.source, u.source_org, u.report_id, u.device_id,
         u.dedupe_key, u.note, u.context, u.end_at, NULL
    FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[], $9::text[],
                $10::float8[], $11::float8[], $12::text[], $13::text[], $14::timestamptz[], $15::text[], $16::text[],
                $17::uuid[], $18::text[], $19::text[], $20::text[], $21::text[], $22::timestamptz[])
         AS u(patient_id, id, code_system, code, name, value_num, value_text, unit, ref_low, ref_high, ref_text,
              flag, effective_at, source, source_org, report_id, device_id, dedupe_key, note, context, end_at)
  ON CONFLICT (patient_id, dedupe_key, effective_at) DO NOTHING`;

export interface RawBatch {
  readonly chunks: readonly ObservationColumns[];
  readonly readings: number;
  readonly rows: number;
}

/**
 * The floor: each batch's observation rows (computed as the app computes them) written by the app's unnest
 * INSERT, one statement per 1,000 rows, each committing on its own, on a pg pool as large as the concurrency.
 * No HTTP, no JSON, no token check, no validation, no rules, no alerts, no audit.
 */
export async function rawInsert(
  name: string,
  databaseUrl: string,
  orgId: string,
  batches: readonly RawBatch[],
  concurrency: number,
): Promise<ThroughputCase> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: concurrency,
    application_name: 'careloop-bench',
  });
  try {
    // Open the connections first, so the CPU meter sees every backend the inserts use.
    const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
    for (const client of clients) client.release();
    const inserted = await timed(
      name,
      databaseUrl,
      batches,
      concurrency,
      (b) => b,
      async (batch) => {
        let rows = 0;
        for (const c of batch.chunks) {
          const result = await pool.query(INSERT, [
            orgId,
            c.patientId,
            c.id,
            c.codeSystem,
            c.code,
            c.name,
            c.valueNum,
            c.valueText,
            c.unit,
            c.refLow,
            c.refHigh,
            c.refText,
            c.flag,
            c.effectiveAt,
            c.source,
            c.sourceOrg,
            c.reportId,
            c.deviceId,
            c.dedupeKey,
            c.note,
            c.context,
            c.endAt,
          ]);
          rows += result.rowCount ?? 0;
        }
        if (rows !== batch.rows) throw new Error(`raw insert stored ${rows} of ${batch.rows} rows`);
      },
    );
    return inserted;
  } finally {
    await pool.end();
  }
}
