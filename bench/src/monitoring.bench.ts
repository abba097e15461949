import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { reachable } from '../../apps/server/src/platform/realtime/socket-client.testing.ts';
import { createBenchDatabase } from './database.ts';
import {
  analyzeTables,
  registerPatients,
  signInDoctor,
  startRealServer,
  type Doctor,
  type Listening,
  type RealServer,
} from './setup.ts';
import {
  historyReadings,
  nextReadings,
  observationColumns,
  registerDevices,
  round,
  rowsOf,
  type BenchDevice,
  type BenchDeviceKind,
} from './monitoring-data.ts';
import {
  bareFastify,
  rawInsert,
  realRoute,
  startBareFastify,
  type PreparedBatch,
  type RawBatch,
  type ThroughputCase,
} from './monitoring-rest.ts';
import { mqttIngest, type MqttCase } from './monitoring-mqtt.ts';
import {
  latencyCase,
  startBackgroundLoad,
  startBareSocketIo,
  type LatencyCase,
} from './monitoring-latency.ts';
import type { LatencyJob } from './latency-client.ts';
import { machine, writeResult } from './results.ts';
import { withCpuProfile } from './cpu-profile.ts';

const REST = {
  /** Batches in flight at once. */
  concurrency: 8,
  readingsPerBatch: 1_000,
  /** 40 continuous glucose monitors and 10 ambulatory BP monitors, one patient each. */
  devices: 50,
  bpMonitors: 10,
  batchesPerDevice: 4,
  warmupDevices: 8,
  /** Steady state: CGMs worn for a while, with this many days of one-a-minute readings already stored. */
  steady: { devices: 20, historyDays: 11 },
} as const;
const MQTT = {
  devices: 50,
  bpMonitors: 10,
  readingsPerMessage: 100,
  messagesPerDevice: 20,
  /** The shared-subscription case: as many server connections as server processes would open. */
  sharedIngresses: 4,
} as const;
const LATENCY = {
  samples: 300,
  warmup: 10,
  /** Pause between two samples. */
  gapMs: 20,
  /** Patients whose device sends the urgent readings (in turn). */
  devices: 20,
  /** Background load: 1,000-reading batches from CGMs (a reading every 15 s, so each has room for 16 batches). */
  background: { devices: 40, stepMs: 15_000, batchesPerSecond: 2, maxInFlight: 2 },
} as const;
const AIM = { readingsPerSecond: 20_000, shareOfRawInsert: 0.5, alertP99Ms: 200 } as const;

const ALL_PARTS = ['rest', 'mqtt', 'latency'] as const;
/** BENCH_PARTS=rest,mqtt runs some parts only (for profiling); such a run writes no result. */
const PARTS = new Set(process.env.BENCH_PARTS?.split(',') ?? ALL_PARTS);

const MOSQUITTO_URL = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const kinds =
  (bpMonitors: number, total: number) =>
  (i: number): BenchDeviceKind =>
    i >= total - bpMonitors ? 'bp-monitor' : 'cgm';

const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Remote-monitoring ingest: REST batches of 1,000 readings beside a raw INSERT of the same rows and bare Fastify,
 * MQTT batches through the embedded broker (and Mosquitto when it answers), and the time from an urgent reading
 * to its alert at a console user's socket, idle and under a background ingest load, beside bare Socket.IO.
 */
export async function runMonitoring(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  // The code as loaded now: a commit made while the bench runs does not change what it measures.
  const code = codeVersion();
  const database = await createBenchDatabase(process.env);
  const open: Listening[] = [];
  try {
    // Process A: the real app with its sockets linked by PostgreSQL (no REDIS_URL), as production runs it.
    const a = await startRealServer(database.url, {
      realtime: true,
      env: { MQTT_ENABLED: 'true', MQTT_EMBEDDED_PORT: '0' },
    });
    open.push(a);
    const doctor = await signInDoctor(a);
    say('registering patients and their devices through the API...');
    const enrol = async (count: number, bp: number, label: string, stepMs?: number) =>
      registerDevices(
        a.url,
        doctor,
        await registerPatients(a.url, doctor, count),
        kinds(bp, count),
        label,
        stepMs,
      );
    const restDevices = PARTS.has('rest') ? await enrol(REST.devices, REST.bpMonitors, 'rest') : [];
    const warmupDevices = PARTS.has('rest') ? await enrol(REST.warmupDevices, 2, 'warm') : [];
    const rawPatients = PARTS.has('rest') ? await registerPatients(a.url, doctor, REST.devices) : [];
    const steadyDevices = PARTS.has('rest') ? await enrol(REST.steady.devices, 0, 'steady') : [];
    const mqttDevices = PARTS.has('mqtt') ? await enrol(MQTT.devices, MQTT.bpMonitors, 'mqtt') : [];
    const haveMosquitto = PARTS.has('mqtt') && (await reachable(MOSQUITTO_URL));
    const mosquittoDevices = haveMosquitto ? await enrol(MQTT.devices, MQTT.bpMonitors, 'mosq') : [];
    const sharedDevices = haveMosquitto ? await enrol(MQTT.devices, MQTT.bpMonitors, 'share') : [];
    const latencyDevices = PARTS.has('latency') ? await enrol(LATENCY.devices, 0, 'lat') : [];
    const backgroundDevices = PARTS.has('latency')
      ? await enrol(LATENCY.background.devices, 0, 'bg', LATENCY.background.stepMs)
      : [];
    await analyzeTables(a);

    const rest = PARTS.has('rest')
      ? await restThroughput(a, database.url, doctor, {
          devices: restDevices,
          warmupDevices,
          rawPatients,
          steadyDevices,
        })
      : null;
    const mqtt: MqttCase[] = [];
    if (PARTS.has('mqtt')) {
      say('MQTT through the embedded broker...');
      mqtt.push(await mqttCase('MQTT, embedded broker (aedes)', a, database.url, mqttDevices, null));
      if (haveMosquitto) {
        say(`MQTT through Mosquitto at ${MOSQUITTO_URL}...`);
        mqtt.push(
          await mqttCase('MQTT, Mosquitto (MQTT_URL)', a, database.url, mosquittoDevices, MOSQUITTO_URL),
        );
        say(
          `MQTT through Mosquitto, ${MQTT.sharedIngresses} ingress connections in a shared subscription...`,
        );
        mqtt.push(
          await mqttCase(
            `MQTT, Mosquitto, ${MQTT.sharedIngresses} ingress connections (MQTT_SHARE_GROUP)`,
            a,
            database.url,
            sharedDevices,
            MOSQUITTO_URL,
            MQTT.sharedIngresses,
          ),
        );
      } else say(`no MQTT broker answers at ${MOSQUITTO_URL}: Mosquitto case skipped`);
    }

    const haveRedis = await reachable(REDIS_URL);
    if (!haveRedis) say(`no Redis answers at ${REDIS_URL}: Redis adapter cases skipped`);
    const latency = PARTS.has('latency')
      ? await alertLatency({
          a,
          databaseUrl: database.url,
          doctor,
          latencyDevices,
          backgroundDevices,
          redisUrl: haveRedis ? REDIS_URL : null,
        })
      : [];
    if (!rest || PARTS.size < ALL_PARTS.length) {
      say(summary(rest?.cases ?? [], mqtt, latency, {}));
      say(`BENCH_PARTS=${[...PARTS].join(',')}: a partial run, no result written`);
      return;
    }

    const real = rest.cases.find((c) => c.name.startsWith('real route:'))!;
    const raw = rest.cases.find((c) => c.name.startsWith('baseline: raw'))!;
    const share = real.readingsPerSecond / raw.readingsPerSecond;
    const appLatency = latency.filter((c) => c.adapter !== 'none (bare Socket.IO)');
    const worstP99 = Math.max(...appLatency.map((c) => c.eventMs.p99));
    const aims = {
      restReadingsPerSecond: {
        aim: AIM.readingsPerSecond,
        measured: real.readingsPerSecond,
        met: real.readingsPerSecond >= AIM.readingsPerSecond,
      },
      restShareOfRawInsert: {
        aim: AIM.shareOfRawInsert,
        measured: Math.round(share * 1000) / 1000,
        met: share >= AIM.shareOfRawInsert,
      },
      alertP99Ms: { aim: AIM.alertP99Ms, worstMeasured: worstP99, met: worstP99 < AIM.alertP99Ms },
    };
    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      code,
      method: {
        rest: { ...REST, order: rest.cases.map((c) => c.name) },
        mqtt: MQTT,
        latency: { ...LATENCY, order: latency.map((c) => c.name) },
        readings:
          'CGM: glucose a minute, 5-9 mmol/L with one dip to 2.8 per 1,000 readings (a low and an urgent-low ' +
          'alert); BP: systolic/diastolic/pulse a minute, 118-134/72-84 with three at 146/94 per 1,000 readings',
        servers: 'in this process; pool of 20; SocketRealtime as in production; no background jobs',
      },
      rest,
      mqtt,
      latency,
      aims,
    };
    const file = await writeResult('monitoring', result);
    say(summary(rest.cases, mqtt, latency, aims));
    say(`wrote ${file}`);
  } finally {
    for (const server of open.reverse()) await server.close();
    await database.drop();
  }
}

async function restThroughput(
  a: RealServer,
  databaseUrl: string,
  doctor: Doctor,
  input: {
    devices: BenchDevice[];
    warmupDevices: BenchDevice[];
    rawPatients: readonly string[];
    steadyDevices: BenchDevice[];
  },
) {
  const { devices, warmupDevices, rawPatients, steadyDevices } = input;
  // Batch k of every device, then batch k + 1: a device never has two batches in flight.
  const batches: PreparedBatch[] = [];
  const rawBatches: RawBatch[] = [];
  for (let k = 0; k < REST.batchesPerDevice; k++) {
    devices.forEach((device, d) => {
      const readings = nextReadings(device, REST.readingsPerBatch);
      const rows = rowsOf(readings);
      batches.push({
        token: device.token,
        body: JSON.stringify({ readings }),
        readings: readings.length,
        rows,
      });
      const chunks = observationColumns(rawPatients[d]!, uuidv7(), readings, 1_000);
      rawBatches.push({ chunks, readings: readings.length, rows });
    });
  }
  const prepare = (device: BenchDevice): PreparedBatch => {
    const readings = nextReadings(device, REST.readingsPerBatch);
    const rows = rowsOf(readings);
    return { token: device.token, body: JSON.stringify({ readings }), readings: readings.length, rows };
  };
  const warmup = warmupDevices.map(prepare);
  // The warm-up devices' second and third batches, for the profile (histories as long as the measured run's).
  const profiled = [...warmupDevices.map(prepare), ...warmupDevices.map(prepare)];
  const cases: ThroughputCase[] = [];
  say(`REST: ${batches.length} batches of ${REST.readingsPerBatch} readings, ${REST.concurrency} in flight`);
  say('  baseline: raw unnest INSERT with pg...');
  cases.push(
    await rawInsert(
      'baseline: raw unnest INSERT (pg)',
      databaseUrl,
      doctor.orgId,
      rawBatches,
      REST.concurrency,
    ),
  );
  // Statistics for the observations table as autovacuum keeps them in production: planned on an empty table, the
  // statements that read a patient's readings would assume a handful of rows.
  await analyzeTables(a);
  say('  baseline: bare Fastify...');
  const bare = await startBareFastify();
  try {
    await bareFastify('warm-up', bare.url, databaseUrl, batches.slice(0, 16), REST.concurrency);
    // The same bodies five times over: one pass takes well under a second.
    const fivefold = [...batches, ...batches, ...batches, ...batches, ...batches];
    cases.push(
      await bareFastify(
        'baseline: bare Fastify, JSON body',
        bare.url,
        databaseUrl,
        fivefold,
        REST.concurrency,
      ),
    );
  } finally {
    await bare.close();
  }
  say('  real route...');
  await realRoute('warm-up', a.url, databaseUrl, warmup, REST.concurrency);
  const queries = a.counters.queries;
  const real = await withCpuProfile(process.env.BENCH_CPU_PROFILE, () =>
    realRoute('real route: POST /api/v1/readings', a.url, databaseUrl, batches, REST.concurrency),
  );
  cases.push({ ...real, queriesPerBatch: (a.counters.queries - queries) / batches.length });
  say('  profile: one batch at a time, timing every statement...');
  a.counters.timings = new Map();
  const sequential = await realRoute(
    'profile: real route, one batch at a time',
    a.url,
    databaseUrl,
    profiled,
    1,
  );
  const statements = [...a.counters.timings]
    .map(([statement, t]) => ({
      statement,
      perBatch: round(t.count / profiled.length, 2),
      msPerBatch: round(t.ms / profiled.length, 2),
    }))
    .sort((x, y) => y.msPerBatch - x.msPerBatch);
  a.counters.timings = null;

  say(
    `  steady state: storing ${REST.steady.historyDays} days of readings for ${steadyDevices.length} CGMs...`,
  );
  const history = steadyDevices.map((device) => ({
    chunks: observationColumns(
      device.patientId,
      device.deviceId,
      historyReadings(device, REST.steady.historyDays),
      1_000,
    ),
    readings: 0,
    rows: 0,
  }));
  for (const h of history) h.rows = h.chunks.reduce((sum, c) => sum + c.id.length, 0);
  await rawInsert('history', databaseUrl, doctor.orgId, history, 4);
  await analyzeTables(a);
  const steadyBatches: PreparedBatch[] = [];
  for (let k = 0; k < REST.batchesPerDevice; k++) steadyBatches.push(...steadyDevices.map(prepare));
  say('  real route, steady state...');
  cases.push(
    await realRoute(
      `real route, ${REST.steady.historyDays} days of history stored (CGMs only)`,
      a.url,
      databaseUrl,
      steadyBatches,
      REST.concurrency,
    ),
  );
  for (const c of cases)
    say(
      `  ${c.name}: ${c.readingsPerSecond} readings/s, ${c.rowsPerSecond} rows/s, CPU ms/batch: server ` +
        `${c.cpuMsPerBatch?.serverThread ?? '-'}, PostgreSQL ${c.cpuMsPerBatch?.postgres ?? '-'}`,
    );
  say(
    `  one batch at a time: ${sequential.batchLatencyMs.mean} ms a batch; statements (ms a batch):\n` +
      statements
        .slice(0, 12)
        .map((t) => `    ${String(t.msPerBatch).padStart(7)} ms  x${t.perBatch}  ${t.statement}`)
        .join('\n'),
  );
  return {
    concurrency: REST.concurrency,
    readingsPerBatch: REST.readingsPerBatch,
    cases,
    profile: { ...sequential, statements },
  };
}

async function mqttCase(
  name: string,
  a: RealServer,
  databaseUrl: string,
  devices: BenchDevice[],
  brokerUrl: string | null,
  ingresses = 1,
): Promise<MqttCase> {
  const result = await mqttIngest({
    name,
    deps: a.deps,
    databaseUrl,
    devices,
    brokerUrl,
    ingresses,
    readingsPerMessage: MQTT.readingsPerMessage,
    messagesPerDevice: MQTT.messagesPerDevice,
  });
  say(`  ${name}: ${result.readingsPerSecond} readings/s, ack p99 ${result.ackLatencyMs.p99} ms`);
  return result;
}

async function alertLatency(input: {
  a: RealServer;
  databaseUrl: string;
  doctor: Doctor;
  latencyDevices: readonly BenchDevice[];
  backgroundDevices: readonly BenchDevice[];
  redisUrl: string | null;
}): Promise<LatencyCase[]> {
  const { doctor } = input;
  const cases: LatencyCase[] = [];
  const common = { warmup: LATENCY.warmup, samples: LATENCY.samples, gapMs: LATENCY.gapMs };
  const background = (url: string) => () =>
    startBackgroundLoad({
      url,
      devices: input.backgroundDevices,
      batchSize: 1_000,
      batchesPerSecond: LATENCY.background.batchesPerSecond,
      maxInFlight: LATENCY.background.maxInFlight,
    });
  const record = (c: LatencyCase) => {
    cases.push(c);
    say(
      `  ${c.name}: p50 ${c.eventMs.p50} ms, p95 ${c.eventMs.p95} ms, p99 ${c.eventMs.p99} ms, max ${c.eventMs.max} ms` +
        (c.background ? ` (background ${c.background.readingsPerSecond} readings/s)` : ''),
    );
  };

  say('alert latency: bare Socket.IO baseline...');
  const bare = await startBareSocketIo();
  try {
    for (const loaded of [false, true]) {
      record(
        await latencyCase(
          {
            name: `baseline: bare Socket.IO emit, ${loaded ? 'background ingest' : 'idle'}`,
            adapter: 'none (bare Socket.IO)',
            processes: 1,
            load: loaded ? 'background ingest' : 'idle',
          },
          { kind: 'bare', url: bare.url, ...common },
          loaded ? background(input.a.url) : null,
        ),
      );
    }
  } finally {
    await bare.close();
  }

  const adapters: { adapter: 'postgres' | 'redis'; env: Record<string, string> }[] = [
    { adapter: 'postgres', env: {} },
    ...(input.redisUrl ? [{ adapter: 'redis' as const, env: { REDIS_URL: input.redisUrl } }] : []),
  ];
  for (const { adapter, env } of adapters) {
    // Process A takes the readings; process B serves only the console's socket (same database, own sockets).
    const a =
      adapter === 'postgres' ? input.a : await startRealServer(input.databaseUrl, { realtime: true, env });
    const b = await startRealServer(input.databaseUrl, { realtime: true, env });
    try {
      if (a.realtime?.adapterKind !== adapter || b.realtime?.adapterKind !== adapter)
        throw new Error(`expected the ${adapter} adapter`);
      for (const processes of [1, 2] as const) {
        for (const loaded of [false, true]) {
          say(
            `alert latency: ${adapter} adapter, ${processes} process(es), ${loaded ? 'loaded' : 'idle'}...`,
          );
          const job: LatencyJob = {
            kind: 'app',
            ingestUrl: a.url,
            socketUrl: processes === 1 ? a.url : b.url,
            cookie: doctor.cookie,
            devices: input.latencyDevices.map((d) => ({ patientId: d.patientId, token: d.token })),
            ...common,
          };
          record(
            await latencyCase(
              {
                name:
                  `${adapter} adapter, ${processes === 1 ? 'one process' : 'socket on process B, readings to A'}, ` +
                  (loaded ? 'background ingest' : 'idle'),
                adapter,
                processes,
                load: loaded ? 'background ingest' : 'idle',
              },
              job,
              loaded ? background(a.url) : null,
            ),
          );
        }
      }
    } finally {
      await b.close();
      if (a !== input.a) await a.close();
    }
  }
  return cases;
}

function summary(
  rest: readonly ThroughputCase[],
  mqtt: readonly MqttCase[],
  latency: readonly LatencyCase[],
  aims: Record<string, { met: boolean }>,
): string {
  const n = (v: number) => v.toLocaleString('en-US');
  return [
    '',
    '| REST case | readings/s | rows/s | batch p50 ms | batch p99 ms | server CPU ms/batch | PostgreSQL CPU ms/batch |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rest.map(
      (c) =>
        `| ${c.name} | ${n(c.readingsPerSecond)} | ${n(c.rowsPerSecond)} | ${c.batchLatencyMs.p50} | ` +
        `${c.batchLatencyMs.p99} | ${c.cpuMsPerBatch?.serverThread ?? '-'} | ${c.cpuMsPerBatch?.postgres ?? '-'} |`,
    ),
    '',
    '| MQTT case | readings/s | rows/s | ack p50 ms | ack p99 ms | server CPU ms/msg | PostgreSQL CPU ms/msg |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...mqtt.map(
      (c) =>
        `| ${c.name} | ${n(c.readingsPerSecond)} | ${n(c.rowsPerSecond)} | ${c.ackLatencyMs.p50} | ` +
        `${c.ackLatencyMs.p99} | ${c.cpuMsPerMessage?.serverThread ?? '-'} | ${c.cpuMsPerMessage?.postgres ?? '-'} |`,
    ),
    '',
    '| alert latency case | p50 ms | p95 ms | p99 ms | max ms | HTTP answer p50 ms | background readings/s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...latency.map(
      (c) =>
        `| ${c.name} | ${c.eventMs.p50} | ${c.eventMs.p95} | ${c.eventMs.p99} | ${c.eventMs.max} | ` +
        `${c.responseMs.p50} | ${c.background ? n(c.background.readingsPerSecond) : '-'} |`,
    ),
    '',
    ...Object.entries(aims).map(([name, aim]) => `${name}: ${JSON.stringify(aim)}`),
  ].join('\n');
}

/** The commit measured, and whether the server's or the packages' sources differed from it. */
function codeVersion(): { commit: string; uncommittedChanges: boolean } | null {
  try {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommittedChanges: git('status', '--porcelain', '--', 'apps/server', 'packages') !== '',
    };
  } catch {
    return null;
  }
}
