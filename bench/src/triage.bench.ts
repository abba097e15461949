import os from 'node:os';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { evaluate, TRIAGE_EVALUATION_CASES, TRIAGE_DEPARTMENTS } from '@careloop/clinical';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { createBenchDatabase } from './database.ts';
import { analyzeTables, listenLocally, registerPatients, signInDoctor, startRealServer } from './setup.ts';
import { machine, writeResult } from './results.ts';
import { latencyStats } from './latency-stats.ts';
import type { TriageClientJob } from './triage-client.ts';

// Triage: the evaluation set's metrics (urgency accuracy, emergency under-triage, department top-1/top-3) and
// the latency of one triage message through the real route (session start with jieba segmentation, engine,
// storage, audit; follow-up answers) beside a bare Fastify echo of the same bodies, in the same run, with the
// same open-loop rate (RATE messages a second). Aim: p99 < 30 ms per message.

/** Messages a second, from many patients at once (open loop). */
const RATE = Number(process.env.TRIAGE_BENCH_RATE ?? 100);
const WARMUP = 300;
const MESSAGES = 3_000;
const PATIENTS = 50;
const AIM_P99_MS = 30;

/** Runs the phones on a worker thread (TypeScript loaded through tsx, as the bench itself is). */
function drive(job: TriageClientJob): Promise<number[]> {
  const url = new URL('./triage-client.ts', import.meta.url).href;
  const loader = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url)}, ${JSON.stringify(
    import.meta.url,
  )}))`;
  const worker = new Worker(loader, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; times: number[] } | { ok: false; error: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.times);
      else reject(new Error(`triage client: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

export async function runTriage(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const metrics = evaluate(TRIAGE_EVALUATION_CASES);
  process.stdout.write(
    `evaluation: ${metrics.cases} cases, urgency accuracy ${metrics.urgencyAccuracy}, emergency under-triage ${metrics.emergencyUnderTriage}, top-1 ${metrics.departmentTop1}, top-3 ${metrics.departmentTop3}\n`,
  );
  const database = await createBenchDatabase(process.env);
  const server = await startRealServer(database.url);
  const echoApp = Fastify({ logger: false });
  echoApp.post('/echo', async (req) => req.body);
  const echo = await listenLocally(echoApp);
  try {
    const doctor = await signInDoctor(server);
    const { db } = server.deps;
    for (const code of TRIAGE_DEPARTMENTS) {
      const id = uuidv7();
      await db
        .insertInto('departments')
        .values({ id, org_id: doctor.orgId, code, name_zh: code, name_en: code })
        .execute();
      if (code === 'cardiology')
        await db
          .updateTable('memberships')
          .set({ department_id: id })
          .where('account_id', '=', doctor.accountId)
          .execute();
    }
    const patients = await registerPatients(server.url, doctor, PATIENTS);
    await analyzeTables(server);
    const headers = { cookie: doctor.cookie, 'x-csrf-token': doctor.csrfToken };

    const job = { headers, patients, rate: RATE };
    process.stdout.write('warming up...\n');
    await drive({ ...job, base: server.url, echo: false, count: WARMUP });
    await drive({ ...job, base: echo.url, echo: true, count: WARMUP });
    process.stdout.write(`measuring ${MESSAGES} messages each at ${RATE}/s...\n`);
    const bare = latencyStats(await drive({ ...job, base: echo.url, echo: true, count: MESSAGES }));
    const real = latencyStats(await drive({ ...job, base: server.url, echo: false, count: MESSAGES }));
    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      evaluation: { ...metrics, misses: metrics.misses },
      latency: {
        messagesPerSecond: RATE,
        messages: MESSAGES,
        baseline: { name: 'bare Fastify echo of the same bodies', ...bare },
        real: { name: 'POST /api/v1/triage/sessions and /answers', ...real },
        aimP99Ms: AIM_P99_MS,
        aimMet: real.p99Ms < AIM_P99_MS,
      },
    };
    const file = await writeResult('triage', result);
    process.stdout.write(
      `baseline p50 ${bare.p50Ms} ms p99 ${bare.p99Ms} ms; triage p50 ${real.p50Ms} ms p99 ${real.p99Ms} ms (aim < ${AIM_P99_MS} ms)\nwrote ${file}\n`,
    );
  } finally {
    await echo.close();
    await server.close();
    await database.drop();
  }
}
