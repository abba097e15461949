import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { LOAD, type Measurement } from './measure.ts';
import type { RequestProfile } from './profile.ts';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** The aim for the real route. */
export const AIM = { requestsPerSecond: 1_500, p99Ms: 50, shareOfDatabaseBaseline: 0.6 } as const;

export interface Report {
  readonly benchmark: 'patient-read';
  readonly date: string;
  readonly machine: {
    readonly cpuModel: string;
    readonly cpuCount: number;
    readonly totalMemoryGiB: number;
    readonly os: string;
    readonly node: string;
    readonly postgres: string;
    /** 1, 5 and 15 minute load averages before the run: other work on the machine skews the figures. */
    readonly loadAverageAtStart: readonly number[];
  };
  readonly method: typeof LOAD & {
    readonly route: string;
    readonly patients: number;
    readonly loadGenerator: string;
    readonly order: readonly string[];
  };
  readonly cases: readonly Measurement[];
  /** Real route req/s over baseline 2 req/s. */
  readonly shareOfDatabaseBaseline: number;
  readonly aim: typeof AIM & { readonly met: boolean };
  readonly profile: readonly RequestProfile[];
}

export function buildReport(input: {
  postgresVersion: string;
  loadAverageAtStart: readonly number[];
  patients: number;
  cases: readonly Measurement[];
  profile: readonly RequestProfile[];
}): Report {
  const [, database, real] = input.cases;
  if (!database || !real) throw new Error('expected three cases: static, database, real route');
  const share = real.requestsPerSecond / database.requestsPerSecond;
  const met =
    real.requestsPerSecond >= AIM.requestsPerSecond &&
    real.latencyMs.p99 < AIM.p99Ms &&
    share >= AIM.shareOfDatabaseBaseline;
  const cpus = os.cpus();
  return {
    benchmark: 'patient-read',
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cpuCount: cpus.length,
      totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: input.postgresVersion,
      loadAverageAtStart: input.loadAverageAtStart.map((l) => round(l, 2)),
    },
    method: {
      ...LOAD,
      route: 'GET /api/v1/patients/:id',
      patients: input.patients,
      loadGenerator: 'autocannon 8 in one worker thread of the same process; servers on the main thread',
      order: input.cases.map((c) => c.name),
    },
    cases: input.cases,
    shareOfDatabaseBaseline: round(share, 3),
    aim: { ...AIM, met },
    profile: input.profile,
  };
}

/** Writes bench/results/<date>-patient-read.json and returns its path. */
export async function writeReport(report: Report): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${report.date.slice(0, 10)}-patient-read.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export function summarize(report: Report): string {
  const rows = report.cases.map(
    (c) =>
      `| ${c.name} | ${c.requestsPerSecond} | ${c.latencyMs.p50} | ${c.latencyMs.p99} | ` +
      `${c.cpuMsPerRequest?.serverThread ?? '-'} | ${c.cpuMsPerRequest?.postgres ?? '-'} |`,
  );
  const profile = report.profile.map(
    (p) =>
      `  ${p.name}: ${p.queriesPerRequest} queries, ${p.checkoutsPerRequest} pool checkouts per request; ` +
      `unloaded p50 ${p.unloadedLatencyMs.p50} ms`,
  );
  return [
    `load average at start: ${report.machine.loadAverageAtStart.join(' ')} on ${report.machine.cpuCount} CPUs`,
    '| case | req/s | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `real route / baseline 2: ${Math.round(report.shareOfDatabaseBaseline * 100)}%` +
      ` (aim >= ${AIM.shareOfDatabaseBaseline * 100}%, >= ${AIM.requestsPerSecond} req/s, p99 < ${AIM.p99Ms} ms:` +
      ` ${report.aim.met ? 'met' : 'NOT met'})`,
    ...profile,
  ].join('\n');
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
