import os from 'node:os';
import Fastify from 'fastify';
import pg from 'pg';
import type { Db } from '../../apps/server/src/platform/db/database.ts';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { createBenchDatabase } from './database.ts';
import {
  analyzeTables,
  listenLocally,
  registerPatients,
  signInDoctor,
  startRealServer,
  type Listening,
} from './setup.ts';
import { startStaticBaseline } from './baselines.ts';
import { LOAD, measure, type Measurement } from './measure.ts';
import { machine, writeResult } from './results.ts';

const OBSERVATIONS = 10_000;
const AIM_P99_MS = 50;
const LATENCY_CONNECTIONS = 10;

// The items a chronic-disease patient accumulates: home BP and glucose, weight, and yearly checkup labs.
const ITEMS = [
  ['8480-6', '收缩压', 'mm[Hg]', 110, 160],
  ['8462-4', '舒张压', 'mm[Hg]', 65, 100],
  ['14771-0', '空腹血糖', 'mmol/L', 4.8, 8.5],
  ['29463-7', '体重', 'kg', 62, 80],
  ['8867-4', '心率', '/min', 58, 96],
] as const;

/**
 * The first page of one patient's timeline (everything, newest first) for a patient with 10,000 observations,
 * beside bare Fastify (static JSON) and the database work alone (pg: the newest 50 observations and an audit row).
 */
export async function runTimeline(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const database = await createBenchDatabase(process.env);
  const open: Listening[] = [];
  try {
    const server = await startRealServer(database.url);
    open.push(server);
    const doctor = await signInDoctor(server);
    const [patientId] = await registerPatients(server.url, doctor, 1);
    if (!patientId) throw new Error('no patient registered');
    process.stdout.write(`storing ${OBSERVATIONS} observations...\n`);
    await seedObservations(server.deps.db, doctor.orgId, patientId);
    await analyzeTables(server);

    const paths = [`/api/v1/patients/${patientId}/timeline?limit=50`];
    const headers = { cookie: doctor.cookie };
    const sample = await fetch(`${server.url}${paths[0]}`, { headers });
    if (!sample.ok) throw new Error(`the timeline answered ${sample.status}: ${await sample.text()}`);
    const body = (await sample.json()) as { items: unknown[] };
    if (body.items.length !== 50) throw new Error(`the timeline returned ${body.items.length} items, not 50`);

    const staticBaseline = await startStaticBaseline(body);
    open.push(staticBaseline);
    const databaseBaseline = await startTimelineDatabaseBaseline(database.url, doctor);
    open.push(databaseBaseline);
    // Two loads: 50 connections (as the patient-read benchmark) for throughput, where latency is mostly queueing
    // (Little's law: 50 in flight / req/s), and 10 connections, a busy clinic's worth of timelines open at once,
    // for the latency the aim is about.
    const targets = [
      {
        name: 'baseline 1: Fastify, static JSON',
        url: staticBaseline.url,
        paths: [`/api/v1/patients/${patientId}`],
      },
      {
        name: 'baseline 2: pg newest 50 + audit insert',
        url: databaseBaseline.url,
        paths: [`/api/v1/patients/${patientId}`],
      },
      { name: 'real route: GET /patients/:id/timeline', url: server.url, paths },
    ];
    const loads: { connections: number; cases: Measurement[] }[] = [];
    for (const connections of [50, LATENCY_CONNECTIONS]) {
      const cases: Measurement[] = [];
      for (const target of targets) {
        process.stdout.write(`measuring ${target.name} with ${connections} connections...\n`);
        cases.push(await measure({ ...target, headers }, database.url, connections));
      }
      loads.push({ connections, cases });
    }
    const real = loads.find((l) => l.connections === LATENCY_CONNECTIONS)!.cases.at(-1)!;
    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      method: {
        ...LOAD,
        connections: loads.map((l) => l.connections),
        observations: OBSERVATIONS,
        pageSize: 50,
      },
      loads,
      aim: { p99Ms: AIM_P99_MS, connections: LATENCY_CONNECTIONS, met: real.latencyMs.p99 < AIM_P99_MS },
    };
    const file = await writeResult('timeline', result);
    process.stdout.write(
      loads
        .flatMap((l) =>
          l.cases.map(
            (c) =>
              `${l.connections} connections, ${c.name}: ${c.requestsPerSecond} req/s, ` +
              `p50 ${c.latencyMs.p50} ms, p99 ${c.latencyMs.p99} ms`,
          ),
        )
        .join('\n') +
        `\naim p99 < ${AIM_P99_MS} ms at ${LATENCY_CONNECTIONS} connections: ${result.aim.met ? 'met' : 'NOT met'}\nwrote ${file}\n`,
    );
  } finally {
    for (const server of open.reverse()) await server.close();
    await database.drop();
  }
}

async function seedObservations(db: Db, orgId: string, patientId: string) {
  const start = Date.now() - 3 * 365 * 86_400_000;
  const step = (3 * 365 * 86_400_000) / OBSERVATIONS;
  const rows = Array.from({ length: OBSERVATIONS }, (_, i) => {
    const [code, name, unit, low, high] = ITEMS[i % ITEMS.length]!;
    const value = Math.round((low + (((i * 7919) % 1000) / 1000) * (high - low)) * 10) / 10;
    const id = uuidv7();
    return {
      id,
      org_id: orgId,
      patient_id: patientId,
      code_system: 'loinc' as const,
      code,
      name,
      value_num: value,
      value_text: null,
      unit,
      ref_low: null,
      ref_high: null,
      ref_text: null,
      flag: null,
      effective_at: new Date(start + i * step),
      source: 'device' as const,
      source_org: null,
      report_id: null,
      device_id: null,
      dedupe_key: id,
      note: null,
      recorded_by: null,
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('observations')
      .values(rows.slice(i, i + 1000))
      .execute();
}

const NEWEST = `
  SELECT id, code, name, value_num, value_text, unit, flag, effective_at, source
    FROM observations WHERE patient_id = $1 ORDER BY effective_at DESC LIMIT 50`;
const INSERT_AUDIT = `
  INSERT INTO audit_events (id, org_id, actor_account_id, actor_kind, action, patient_id, resource_type,
                            resource_id, reason, request_id, ip, detail)
  VALUES ($1, $2, $3, 'staff', 'record.timeline.read', $4, 'patient', $5, NULL, $6, $7, NULL)`;

async function startTimelineDatabaseBaseline(
  databaseUrl: string,
  scope: { orgId: string; accountId: string },
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, application_name: 'careloop-bench' });
  const app = Fastify({ logger: false, genReqId: () => uuidv7() });
  let reported = false;
  // A failing baseline would measure its error path; say why once, and the run stops on the failed requests.
  app.setErrorHandler((error: Error, _req, reply) => {
    if (!reported) process.stderr.write(`baseline 2 failed: ${error.message}\n`);
    reported = true;
    return reply.status(500).send({ error: error.message });
  });
  app.get<{ Params: { id: string } }>('/api/v1/patients/:id', async (req) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(NEWEST, [req.params.id]);
      await client.query(INSERT_AUDIT, [
        uuidv7(),
        scope.orgId,
        scope.accountId,
        req.params.id,
        req.params.id,
        req.id,
        req.ip,
      ]);
      await client.query('COMMIT');
      return { items: rows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  const listening = await listenLocally(app);
  return {
    url: listening.url,
    close: async () => {
      await listening.close();
      await pool.end();
    },
  };
}
