import os from 'node:os';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { FORMULARY } from '@careloop/clinical';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { loadFormulary } from '../../apps/server/src/demo/demo-pharmacy.ts';
import { DemoRandom } from '../../apps/server/src/demo/random.ts';
import { createBenchDatabase } from './database.ts';
import { analyzeTables, listenLocally, registerPatients, signInDoctor, startRealServer } from './setup.ts';
import { machine, writeResult } from './results.ts';
import { latencyStats } from './latency-stats.ts';
import { withCpuProfile } from './cpu-profile.ts';

// Prescription safety check: the latency of POST /api/v1/patients/:id/prescriptions/check (access check, the
// record's allergies, conditions and 20 current medications, the organization's full formulary and interaction
// table, the clinical check, audit) for draft prescriptions of three drugs, beside a bare Fastify echo of the same
// bodies in the same run, at the same open-loop rate. Aim: p99 < 20 ms.

const RATE = Number(process.env.RX_CHECK_BENCH_RATE ?? 100);
const WARMUP = Number(process.env.RX_CHECK_BENCH_WARMUP ?? 300);
const REQUESTS = Number(process.env.RX_CHECK_BENCH_REQUESTS ?? 3_000);
const PATIENTS = 20;
const CURRENT_MEDICATIONS = 20;
const ITEMS = 3;
const AIM_P99_MS = 20;

interface Job {
  base: string;
  headers: Record<string, string>;
  /** [path, body] per request, cycled. */
  requests: [string, unknown][];
  rate: number;
  count: number;
}

// The client runs on its own thread (plain JavaScript: fetch and a clock), so timing does not wait on the
// server's event loop.
const CLIENT = `
const { parentPort, workerData: job } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
(async () => {
  const times = [];
  const inflight = [];
  const t0 = performance.now();
  for (let i = 0; i < job.count; i += 1) {
    const wait = t0 + (i * 1000) / job.rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const [path, body] = job.requests[i % job.requests.length];
    const sentAt = performance.now();
    inflight.push(
      fetch(job.base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...job.headers },
        body: JSON.stringify(body),
      }).then(async (res) => {
        await res.arrayBuffer();
        times.push(performance.now() - sentAt);
        if (res.status !== 200) throw new Error(path + ' answered ' + res.status);
      }),
    );
  }
  await Promise.all(inflight);
  return times;
})().then(
  (times) => parentPort.postMessage({ ok: true, times }),
  (error) => parentPort.postMessage({ ok: false, error: String(error) }),
);`;

function drive(job: Job): Promise<number[]> {
  const worker = new Worker(CLIENT, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; times: number[] } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.times);
      else reject(new Error(`prescription-check client: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

export async function runPrescriptionCheck(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const database = await createBenchDatabase(process.env);
  const server = await startRealServer(database.url);
  const echoApp = Fastify({ logger: false });
  echoApp.post('/echo', async (req) => req.body);
  const echo = await listenLocally(echoApp);
  try {
    const doctor = await signInDoctor(server);
    const { db } = server.deps;
    const rng = new DemoRandom(7_020);
    await db.transaction().execute((tx) => loadFormulary(tx, doctor.orgId, rng));
    const patients = await registerPatients(server.url, doctor, PATIENTS);
    const drugs = await db
      .selectFrom('formulary_drugs')
      .select(['id', 'generic_zh', 'atc', 'form', 'route'])
      .where('org_id', '=', doctor.orgId)
      .where('route', '=', 'oral')
      .where('form', 'in', ['tablet', 'capsule', 'sustained_release_tablet'])
      .execute();
    // Every patient: 20 current medications, a drug allergy and two chronic conditions in the record.
    for (const patientId of patients) {
      const base = {
        org_id: doctor.orgId,
        patient_id: patientId,
        source: 'clinician' as const,
        source_org: null,
      };
      await db
        .insertInto('medication_statements')
        .values(
          rng.sample(drugs, CURRENT_MEDICATIONS).map((d) => ({
            ...base,
            id: uuidv7(),
            name: d.generic_zh,
            atc: d.atc,
            dose: '1 片',
            frequency: 'qd',
          })),
        )
        .execute();
      await db
        .insertInto('allergies')
        .values({ ...base, id: uuidv7(), substance: '青霉素', category: 'drug', severity: 'moderate' })
        .execute();
      await db
        .insertInto('conditions')
        .values([
          { ...base, id: uuidv7(), icd10: 'I10', display: '原发性高血压', clinical_status: 'active' },
          { ...base, id: uuidv7(), icd10: 'N18.3', display: '慢性肾脏病 3 期', clinical_status: 'active' },
        ])
        .execute();
    }
    await analyzeTables(server);
    const requests: [string, unknown][] = Array.from({ length: 200 }, (_, i) => [
      `/api/v1/patients/${patients[i % patients.length]}/prescriptions/check`,
      {
        items: rng.sample(drugs, ITEMS).map((d) => ({
          drugId: d.id,
          dose: { value: 1, unit: d.form === 'capsule' ? 'capsule' : 'tablet' },
          frequency: 'bid',
        })),
      },
    ]);
    const headers = { cookie: doctor.cookie, 'x-csrf-token': doctor.csrfToken };
    const echoRequests = requests.map(([, body]): [string, unknown] => ['/echo', body]);
    process.stdout.write(`formulary ${FORMULARY.length} drugs; warming up...\n`);
    // Each side is warmed up just before it is measured: a pause of half a minute (the other side's run) lets the
    // connection pool close idle connections, and the first checks after it would measure reconnecting.
    await drive({ base: echo.url, headers, requests: echoRequests, rate: RATE, count: WARMUP });
    process.stdout.write(`measuring ${REQUESTS} checks each at ${RATE}/s...\n`);
    const bare = latencyStats(
      await drive({ base: echo.url, headers, requests: echoRequests, rate: RATE, count: REQUESTS }),
    );
    await drive({ base: server.url, headers, requests, rate: RATE, count: WARMUP });
    const real = latencyStats(
      await withCpuProfile(process.env.RX_CHECK_CPU_PROFILE, () =>
        drive({ base: server.url, headers, requests, rate: RATE, count: REQUESTS }),
      ),
    );
    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      setup: {
        formularyDrugs: FORMULARY.length,
        patients: PATIENTS,
        currentMedicationsPerPatient: CURRENT_MEDICATIONS,
        itemsPerCheck: ITEMS,
      },
      latency: {
        requestsPerSecond: RATE,
        requests: REQUESTS,
        baseline: { name: 'bare Fastify echo of the same bodies', ...bare },
        real: { name: 'POST /api/v1/patients/:patientId/prescriptions/check', ...real },
        aimP99Ms: AIM_P99_MS,
        aimMet: real.p99Ms < AIM_P99_MS,
      },
    };
    const file = await writeResult('prescription-check', result);
    process.stdout.write(
      `baseline p50 ${bare.p50Ms} ms p99 ${bare.p99Ms} ms; check p50 ${real.p50Ms} ms p99 ${real.p99Ms} ms (aim < ${AIM_P99_MS} ms)\nwrote ${file}\n`,
    );
  } finally {
    await echo.close();
    await server.close();
    await database.drop();
  }
}
