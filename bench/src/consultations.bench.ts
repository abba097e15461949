import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reachable } from '../../apps/server/src/platform/realtime/socket-client.testing.ts';
import { startServerProcess, type ServerProcess } from '../../apps/server/test/reliability/server-process.ts';
import { createBenchDatabase } from './database.ts';
import { createConsultationData, type BenchPair } from './consultations-data.ts';
import { runLoad, type LoadPlan, type LoadResult } from './consultations-load.ts';
import { machine, writeResult } from './results.ts';

const PLAN = {
  consultations: Number(process.env.BENCH_CONSULTATIONS ?? 500),
  messagesPerSecond: Number(process.env.BENCH_MESSAGES_PER_SECOND ?? 200),
  seconds: Number(process.env.BENCH_SECONDS ?? 30),
  warmupSeconds: 5,
} as const;
const AIM = { p99Ms: 25 } as const;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** BENCH_CASES=bare,app runs some cases only (for profiling); such a run writes no result. */
const ALL_CASES = ['bare', 'app', 'app-redis-1', 'app-redis-2', 'app-pg-2'] as const;
type CaseKey = (typeof ALL_CASES)[number];
const CASES = new Set((process.env.BENCH_CASES?.split(',') ?? ALL_CASES) as CaseKey[]);

const say = (line: string) => process.stdout.write(`${line}\n`);

interface Case extends LoadResult {
  readonly key: CaseKey;
  readonly name: string;
  readonly processes: number;
  readonly adapter: 'none (bare Socket.IO)' | 'postgres' | 'redis';
}

/**
 * Consultation messaging: 1,000 connected participants (a patient and a doctor in each of 500 consultations), a
 * steady offered load of messages spread over the consultations, timed from the sender's emit to the other
 * participant's socket receiving the pushed message (stored in PostgreSQL before it is pushed), and to the
 * sender's acknowledgement; beside a bare Socket.IO relay with the same clients and load, in the same run.
 */
export async function runConsultations(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const code = codeVersion();
  const database = await createBenchDatabase(process.env);
  const plan: LoadPlan = PLAN;
  const cases: Case[] = [];
  try {
    say(`creating ${PLAN.consultations} consultations, their participants and sessions...`);
    const pairs = await createConsultationData(database.url, PLAN.consultations);
    const record = (c: Case) => {
      cases.push(c);
      say(
        `  ${c.name}: e2e p50 ${c.endToEndMs.p50} / p95 ${c.endToEndMs.p95} / p99 ${c.endToEndMs.p99} / max ` +
          `${c.endToEndMs.max} ms; ack p50 ${c.ackMs.p50} / p99 ${c.ackMs.p99} ms; ${c.achievedMessagesPerSecond} ` +
          `msg/s; lost ${c.lost}; refused ${JSON.stringify(c.refused)}; CPU ms/msg server ${c.cpuMsPerMessage.server}` +
          ` PostgreSQL ${c.cpuMsPerMessage.postgres ?? '-'} clients ${c.cpuMsPerMessage.clients}`,
      );
    };

    if (CASES.has('bare')) {
      say('baseline: bare Socket.IO relay...');
      const relay = await startRelay();
      try {
        const url = relay.url;
        const result = await runLoad({ patientUrl: url, doctorUrl: url, bare: true }, pairs, plan, {
          serverPids: [relay.child.pid!],
          databaseUrl: null,
        });
        record({
          key: 'bare',
          name: 'baseline: bare Socket.IO relay',
          processes: 1,
          adapter: 'none (bare Socket.IO)',
          ...result,
        });
      } finally {
        await relay.stop();
      }
    }

    const haveRedis = await reachable(REDIS_URL);
    if (!haveRedis) say(`no Redis answers at ${REDIS_URL}: Redis adapter case skipped`);
    const appCases: { key: CaseKey; name: string; processes: 1 | 2; adapter: 'postgres' | 'redis' }[] = [
      { key: 'app', name: 'CareLoop, one process (PostgreSQL adapter)', processes: 1, adapter: 'postgres' },
      ...(haveRedis
        ? [
            {
              key: 'app-redis-1' as const,
              name: 'CareLoop, one process, Redis adapter',
              processes: 1 as const,
              adapter: 'redis' as const,
            },
            {
              key: 'app-redis-2' as const,
              name: 'CareLoop, two processes, Redis adapter (patients on A, doctors on B)',
              processes: 2 as const,
              adapter: 'redis' as const,
            },
          ]
        : []),
      {
        key: 'app-pg-2',
        name: 'CareLoop, two processes, PostgreSQL adapter (patients on A, doctors on B)',
        processes: 2,
        adapter: 'postgres',
      },
    ];
    for (const c of appCases) {
      if (!CASES.has(c.key)) continue;
      say(`${c.name}...`);
      record({ ...c, ...(await appCase(database.url, pairs, plan, c.processes, c.adapter)) });
    }

    const bare = cases.find((c) => c.key === 'bare');
    const app = cases.filter((c) => c.key !== 'bare');
    const ratios = bare
      ? Object.fromEntries(app.map((c) => [c.key, round2(c.endToEndMs.p99 / bare.endToEndMs.p99)]))
      : {};
    const one = cases.find((c) => c.key === 'app');
    const aims = one
      ? { p99Ms: { aim: AIM.p99Ms, measured: one.endToEndMs.p99, met: one.endToEndMs.p99 < AIM.p99Ms } }
      : {};
    say(summary(cases, ratios));
    if (CASES.size < ALL_CASES.length || !bare || !one) {
      say(`BENCH_CASES=${[...CASES].join(',')}: a partial run, no result written`);
      return;
    }
    const file = await writeResult('consultations', {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      code,
      method: {
        ...PLAN,
        clients: PLAN.consultations * 2,
        latency:
          "sender's emit of 'consultations.message.send' to the other participant's socket receiving " +
          "'consultations.message.created'; ack: emit to the sender's acknowledgement",
        load:
          'open loop: messages started on a fixed schedule, each in a random consultation from a random side; ' +
          'Chinese text of 36 characters; no receipts or typing',
        servers:
          'each its own Node process (apps/server/src/main.ts with its background jobs; the relay bench/src/' +
          'consultations-relay.ts); the clients in the bench process; PostgreSQL and everything on one machine',
        data: 'set-based SQL inserts; sessions made by the server session store (mfa ok)',
      },
      cases,
      p99RatioToBareRelay: ratios,
      aims,
    });
    say(`wrote ${file}`);
  } finally {
    await database.drop();
  }
}

async function appCase(
  databaseUrl: string,
  pairs: readonly BenchPair[],
  plan: LoadPlan,
  processes: 1 | 2,
  adapter: 'postgres' | 'redis',
): Promise<LoadResult> {
  const env: Record<string, string> = {
    CONSULT_MESSAGES_PER_MINUTE: '100000',
    CONSULT_MESSAGE_BURST: '100000',
    ...(adapter === 'redis' ? { REDIS_URL } : {}),
  };
  const profileDir = process.env.BENCH_CPU_PROFILE;
  if (profileDir) {
    // --cpu-prof is not allowed in NODE_OPTIONS: a small preloaded module profiles the process instead.
    env.NODE_OPTIONS = `--import ${fileURLToPath(new URL('./consultations-profiler.mjs', import.meta.url))}`;
    env.CARELOOP_PROFILE_DIR = path.resolve(profileDir);
  }
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) servers.push(await startServerProcess(databaseUrl, env));
    const a = servers[0]!;
    const b = servers.at(-1)!;
    return await runLoad({ patientUrl: a.url, doctorUrl: b.url, bare: false }, pairs, plan, {
      serverPids: servers.map((s) => s.child.pid!),
      databaseUrl,
    });
  } finally {
    // SIGTERM: a clean shutdown, so a CPU profile asked for is written.
    for (const s of servers) await s.stop('SIGTERM');
    if (profileDir) say(`  CPU profiles of the server processes in ${path.resolve(profileDir)}`);
  }
}

async function startRelay(): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('./consultations-relay.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: path.dirname(script),
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (c) => reject(new Error(`relay exited with ${c}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

function summary(cases: readonly Case[], ratios: Record<string, number>): string {
  return [
    '',
    '| case | clients | msg/s | e2e p50 ms | p95 | p99 | max | ack p50 ms | ack p99 | p99 / bare | lost | server CPU ms/msg | PostgreSQL CPU ms/msg |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...cases.map(
      (c) =>
        `| ${c.name} | ${c.clients} | ${c.achievedMessagesPerSecond} | ${c.endToEndMs.p50} | ${c.endToEndMs.p95} | ` +
        `${c.endToEndMs.p99} | ${c.endToEndMs.max} | ${c.ackMs.p50} | ${c.ackMs.p99} | ${ratios[c.key] ?? '-'} | ` +
        `${c.lost} | ${c.cpuMsPerMessage.server} | ${c.cpuMsPerMessage.postgres ?? '-'} |`,
    ),
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
