// The consultation benchmark's clients: one Socket.IO connection per participant (a patient on /patient, a doctor
// on /console), an open-loop sender offering a steady number of messages a second spread over the
// consultations, and the clock read when the other participant's socket hands over the pushed message.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import pg from 'pg';
import type { BenchPair } from './consultations-data.ts';
import { percentiles, round } from './monitoring-data.ts';

export interface LoadTarget {
  /** Where the patients' and the doctors' sockets connect (two processes when they differ). */
  readonly patientUrl: string;
  readonly doctorUrl: string;
  /** The bare relay takes the consultation in the handshake's query instead of a session cookie. */
  readonly bare: boolean;
}

export interface LoadPlan {
  readonly messagesPerSecond: number;
  readonly seconds: number;
  /** Sent first and not counted: connections' first messages, JIT, the database's caches. */
  readonly warmupSeconds: number;
}

export interface LoadResult {
  readonly clients: number;
  readonly connectSeconds: number;
  readonly sent: number;
  readonly measured: number;
  readonly achievedMessagesPerSecond: number;
  /** Measured messages whose push never reached the other participant within the drain time. */
  readonly lost: number;
  /** Refused sends by problem code. */
  readonly refused: Record<string, number>;
  /** Sender's emit to the other participant's socket receiving 'consultations.message.created'. */
  readonly endToEndMs: ReturnType<typeof percentiles>;
  /** Sender's emit to its acknowledgement (the message is stored by then). */
  readonly ackMs: ReturnType<typeof percentiles>;
  /** CPU time over the measured part, in ms per message: server processes, PostgreSQL, this client process. */
  readonly cpuMsPerMessage: { server: number; postgres: number | null; clients: number };
}

const CONNECT_CONCURRENCY = 50;
const DRAIN_MS = 10_000;
const TEXT = '医生您好，我今天早上量的血压是 150/95，头还有点晕，需要调整药量吗？';

interface Sent {
  readonly at: number;
  readonly recipient: Socket;
  readonly measured: boolean;
  arrived: boolean;
}

function connect(url: string, namespace: string, pair: BenchPair, cookie: string, bare: boolean) {
  const socket = io(`${url}/${namespace}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(bare ? { query: { consultation: pair.consultationId } } : { extraHeaders: { cookie } }),
  });
  return new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(new Error(`${namespace} socket refused: ${e.message}`)));
  });
}

/** Opens every participant's socket, offers the load, and times each message to the other side. */
export async function runLoad(
  target: LoadTarget,
  pairs: readonly BenchPair[],
  plan: LoadPlan,
  cpu: { serverPids: readonly number[]; databaseUrl: string | null },
): Promise<LoadResult> {
  const connectStart = performance.now();
  const sockets: { patient: Socket; doctor: Socket }[] = [];
  for (let i = 0; i < pairs.length; i += CONNECT_CONCURRENCY) {
    const batch = pairs.slice(i, i + CONNECT_CONCURRENCY);
    sockets.push(
      ...(await Promise.all(
        batch.map(async (pair) => ({
          patient: await connect(target.patientUrl, 'patient', pair, pair.patientCookie, target.bare),
          doctor: await connect(target.doctorUrl, 'console', pair, pair.doctorCookie, target.bare),
        })),
      )),
    );
  }
  const connectSeconds = round((performance.now() - connectStart) / 1000, 1);
  const inFlight = new Map<string, Sent>();
  const endToEnd: number[] = [];
  const acks: number[] = [];
  const refused: Record<string, number> = {};
  for (const s of sockets) {
    for (const socket of [s.patient, s.doctor]) {
      socket.on('consultations.message.created', (event: { message: { clientId: string | null } }) => {
        const at = performance.now();
        const sent = event.message.clientId ? inFlight.get(event.message.clientId) : undefined;
        if (!sent || sent.recipient !== socket || sent.arrived) return;
        sent.arrived = true;
        if (sent.measured) endToEnd.push(at - sent.at);
      });
    }
  }

  const tag = Math.random().toString(36).slice(2, 8);
  const total = Math.round(plan.messagesPerSecond * (plan.warmupSeconds + plan.seconds));
  const warmup = Math.round(plan.messagesPerSecond * plan.warmupSeconds);
  let n = 0;
  let cpuStart: Promise<CpuReading> | null = null;
  let measuredStart = 0;
  let measuredEnd = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - started) * plan.messagesPerSecond) / 1000),
      );
      while (n < due) {
        if (n === warmup) {
          measuredStart = performance.now();
          cpuStart = readCpu(cpu);
        }
        const pair = Math.floor(Math.random() * sockets.length);
        const fromPatient = Math.random() < 0.5;
        const s = sockets[pair]!;
        const [sender, recipient] = fromPatient ? [s.patient, s.doctor] : [s.doctor, s.patient];
        const clientId = `b${tag}-${n}`;
        const measured = n >= warmup;
        const at = performance.now();
        inFlight.set(clientId, { at, recipient, measured, arrived: false });
        sender.emit(
          'consultations.message.send',
          { consultationId: pairs[pair]!.consultationId, clientId, kind: 'text', body: TEXT },
          (ack: { ok: boolean; problem?: { code: string } }) => {
            if (!ack.ok)
              refused[ack.problem?.code ?? 'unknown'] = (refused[ack.problem?.code ?? 'unknown'] ?? 0) + 1;
            else if (measured) acks.push(performance.now() - at);
          },
        );
        n++;
      }
      if (n >= total) {
        measuredEnd = performance.now();
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const cpuEnd = await readCpu(cpu);
  const cpuBefore = await cpuStart!;
  const measuredCount = total - warmup;
  const drainUntil = performance.now() + DRAIN_MS;
  const pending = () => [...inFlight.values()].filter((s) => s.measured && !s.arrived).length;
  while (pending() > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
  for (const s of sockets) {
    s.patient.close();
    s.doctor.close();
  }
  const seconds = (measuredEnd - measuredStart) / 1000;
  const perMessage = (ms: number | null) => (ms === null ? null : round(ms / measuredCount, 3));
  return {
    clients: sockets.length * 2,
    connectSeconds,
    sent: n,
    measured: measuredCount,
    achievedMessagesPerSecond: round(measuredCount / seconds, 1),
    lost: pending(),
    refused,
    endToEndMs: percentiles(endToEnd),
    ackMs: percentiles(acks),
    cpuMsPerMessage: {
      server: perMessage(cpuEnd.server - cpuBefore.server) ?? 0,
      postgres: perMessage(postgresBetween(cpuBefore.postgres, cpuEnd.postgres)),
      clients: perMessage(cpuEnd.clients - cpuBefore.clients) ?? 0,
    },
  };
}

interface CpuReading {
  server: number;
  /** CPU ms by backend pid. */
  postgres: Map<number, number> | null;
  clients: number;
}

/** A backend that appeared during the run did all its work during it. */
function postgresBetween(before: CpuReading['postgres'], after: CpuReading['postgres']): number | null {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, end] of after) ms += end - (before.get(pid) ?? 0);
  return ms;
}

/** CPU ms so far of the server processes, the database's backends (where /proc shows them), and this process. */
async function readCpu(cpu: {
  serverPids: readonly number[];
  databaseUrl: string | null;
}): Promise<CpuReading> {
  const server =
    (await Promise.all(cpu.serverPids.map(ticksOf))).reduce<number>((a, b) => a + (b ?? 0), 0) * 10;
  let postgres: Map<number, number> | null = null;
  if (cpu.databaseUrl) {
    const client = new pg.Client({ connectionString: cpu.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      postgres = new Map();
      for (const r of rows) {
        const ticks = await ticksOf(r.pid);
        if (ticks !== null) postgres.set(r.pid, ticks * 10);
      }
    } finally {
      await client.end();
    }
  }
  const usage = process.cpuUsage();
  return { server, postgres, clients: (usage.user + usage.system) / 1000 };
}

async function ticksOf(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
