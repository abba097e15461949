import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export function machine(postgresVersion: string, loadAverageAtStart: readonly number[]) {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion.split(' on ')[0] ?? postgresVersion,
    loadAverageAtStart: loadAverageAtStart.map((l) => Math.round(l * 100) / 100),
  };
}

/** Writes bench/results/<date>-<benchmark>.json and returns its path. */
export async function writeResult(benchmark: string, result: object): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${new Date().toISOString().slice(0, 10)}-${benchmark}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ benchmark, date: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  return file;
}
