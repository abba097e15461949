import { readFile } from 'node:fs/promises';
import pg from 'pg';

// Linux reports process times in clock ticks of 1/100 s (USER_HZ, fixed at 100 on every mainstream kernel).
const TICK_MS = 10;

export interface CpuUse {
  /** CPU time of this process's main thread, where the servers run (not the load generator's thread). */
  readonly serverThreadMs: number;
  /** CPU time of the PostgreSQL backends serving the bench database. */
  readonly postgresMs: number;
}

/**
 * Reads CPU time from /proc, so a case's cost per request can be told apart from time spent waiting for a core
 * on a shared machine. Null where /proc or the backends' processes cannot be read (not Linux, remote database).
 */
export async function startCpuMeter(databaseUrl: string): Promise<{ stop(): Promise<CpuUse | null> } | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const server = `/proc/self/task/${process.pid}/stat`;
    const backends = rows.map((r) => `/proc/${r.pid}/stat`);
    const serverBefore = await readTicks(server);
    if (serverBefore === null) return null;
    const backendsBefore = await Promise.all(backends.map(readTicks));
    return {
      async stop() {
        const serverAfter = await readTicks(server);
        if (serverAfter === null) return null;
        // A backend gone by now was an idle pool connection closing: count it as no work, not as unknown.
        const backendsAfter = await Promise.all(backends.map(readTicks));
        const postgresTicks = backendsAfter.reduce<number>(
          (sum, after, i) => sum + ticksBetween(backendsBefore[i] ?? null, after),
          0,
        );
        return {
          serverThreadMs: (serverAfter - serverBefore) * TICK_MS,
          postgresMs: postgresTicks * TICK_MS,
        };
      },
    };
  } finally {
    await client.end();
  }
}

function ticksBetween(before: number | null, after: number | null): number {
  return before === null || after === null ? 0 : after - before;
}

async function readTicks(file: string): Promise<number | null> {
  try {
    return userPlusSystem(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

// Fields after the parenthesised command name: state is the 1st, utime the 12th, stime the 13th (proc(5)).
function userPlusSystem(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
