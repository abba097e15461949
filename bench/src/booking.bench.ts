// Booking under contention: 200 concurrent clients book popular slots (waves of 200 requests for 10 slots of
// capacity 1, so 1 in 20 requests books and the rest are refused with 409 SLOT_TAKEN while the winners still hold
// the slot's row lock), through the real route (session, access check on the patient, conditional UPDATE of the
// slot and the appointment's INSERT in one transaction, audit, the answer's view), beside two baselines in the
// same run: bare Fastify answering a static body, and Fastify with raw pg doing only the conditional UPDATE and
// the INSERT in a transaction. Aim: booking p99 < 100 ms at 200 concurrent clients.
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fastify from 'fastify';
import pg from 'pg';
import { uuidv7 } from '../../apps/server/src/platform/db/ids.ts';
import { hashPassword } from '../../apps/server/src/modules/identity/passwords.ts';
import { buildPatients, buildSession } from '../../apps/server/src/modules/scheduling/scheduling.testing.ts';
import { runLoad, type BookingLoadJob, type BookingLoadResult, type BookingRequest } from './booking-load.ts';
import { createBenchDatabase } from './database.ts';
import {
  analyzeTables,
  listenLocally,
  post,
  signInDoctor,
  startRealServer,
  type RealServer,
} from './setup.ts';
import { machine, writeResult } from './results.ts';
import { withCpuProfile } from './cpu-profile.ts';

const CLIENTS = 200;
const ACCOUNTS = 20;
const WAVE = 200;
const SLOTS_PER_WAVE = 10;
// BOOKING_REQUESTS shrinks a smoke run; the recorded figures use the defaults.
const REQUESTS = Number(process.env.BOOKING_REQUESTS ?? 10_000);
const WARMUP = Math.max(CLIENTS, Math.min(2_000, REQUESTS / 5));
const AIM_P99_MS = 100;
const LOW_CLIENTS = 50;
const LOW_REQUESTS = Math.max(LOW_CLIENTS, REQUESTS / 2);
// The same 200 clients held to 1,000 requests a second in all. autocannon keeps a rate by giving each connection its
// quota per second (here 5), which it sends back to back as answers come: so the load is a burst of 1,000
// requests at the start of every second, then quiet; the times include the bursts' own queueing.
const PACED_RATE = Number(process.env.BOOKING_PACED_RATE ?? 1_000);
const PACED_REQUESTS = Math.max(CLIENTS, REQUESTS / 2);
const PASSWORD = 'Bench-pass-1234';

function summarize(name: string, r: BookingLoadResult) {
  return {
    name,
    requests: r.requests,
    requestsPerSecond: Math.round(r.requests / r.seconds),
    bookingsPerSecond: Math.round((r.statuses['201'] ?? 0) / r.seconds),
    statuses: r.statuses,
    latencyMs: r.latencyMs,
  };
}

/** Patient accounts signed in through the API, each managing many patient profiles (one per booking request). */
async function patientSessions(server: RealServer, orgId: string, perAccount: number) {
  const { db, crypto } = server.deps;
  const hash = await hashPassword(PASSWORD);
  const sessions: { headers: Record<string, string>; patients: string[] }[] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const id = uuidv7();
    const phone = `137${String(a).padStart(8, '0')}`;
    await db
      .insertInto('accounts')
      .values({
        id,
        kind: 'patient',
        display_name: `预约患者${a}`,
        email: null,
        phone_enc: crypto.encrypt(phone),
        phone_bidx: crypto.blindIndex('phone', phone),
        password_hash: hash,
        locale: null,
        mfa_secret_enc: null,
        mfa_pending_secret_enc: null,
        locked_until: null,
      })
      .execute();
    const patients: string[] = [];
    for (let done = 0; done < perAccount; done += 2_000)
      patients.push(...(await buildPatients(server.deps, orgId, id, Math.min(2_000, perAccount - done))));
    const login = await post(
      server.url,
      '/api/v1/auth/login',
      { identifier: phone, password: PASSWORD },
      null,
    );
    const csrf = (login.body as { csrfToken: string }).csrfToken;
    sessions.push({ headers: { cookie: login.cookie ?? '', 'x-csrf-token': csrf }, patients });
  }
  return sessions;
}

/** Waves of WAVE requests for SLOTS_PER_WAVE fresh slots; request i books for its own patient profile. */
async function plan(
  server: RealServer,
  orgId: string,
  doctorId: string,
  sessions: { patients: string[] }[],
  count: number,
  offset: number,
  path: string,
): Promise<BookingRequest[]> {
  const requests: BookingRequest[] = [];
  let slots: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % WAVE === 0) {
      const day = Math.floor((offset + i) / WAVE);
      const startsAt = new Date(Date.now() + (2 + day) * 86_400_000);
      slots = (
        await buildSession(server.deps, { orgId, doctorId, startsAt, slots: SLOTS_PER_WAVE, capacity: 1 })
      ).slotIds;
    }
    const session = i % ACCOUNTS;
    const patientId = sessions[session]!.patients[Math.floor((offset + i) / ACCOUNTS)]!;
    requests.push({ path, session, body: { patientId, slotId: slots[i % SLOTS_PER_WAVE] } });
  }
  return requests;
}

const CLAIM = `
  UPDATE slots sl SET booked = sl.booked + 1
    FROM schedule_sessions s JOIN orgs o ON o.id = s.org_id
   WHERE sl.id = $1 AND s.id = sl.session_id AND sl.status = 'open' AND s.status = 'open'
     AND sl.booked + sl.held < sl.capacity AND sl.starts_at > now()
  RETURNING sl.org_id, sl.session_id, sl.doctor_account_id, sl.starts_at, s.date::text AS date,
            ((s.date + 1)::timestamp AT TIME ZONE o.time_zone) AS care_until`;
const INSERT = `
  INSERT INTO appointments (id, org_id, patient_id, slot_id, session_id, doctor_account_id, visit_date, starts_at,
                            status, booked_by, basis, care_until)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'booked', $9, 'own', $10)`;

/** Baseline 2: the database work that keeps capacity, with raw pg: the conditional UPDATE and the INSERT. */
async function startPgBaseline(databaseUrl: string, bookedBy: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const app = Fastify({ logger: false });
  app.post<{ Body: { patientId: string; slotId: string } }>('/book', async (req, reply) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query(CLAIM, [req.body.slotId]);
      const p = rows[0] as
        | {
            org_id: string;
            session_id: string;
            doctor_account_id: string;
            starts_at: Date;
            date: string;
            care_until: Date;
          }
        | undefined;
      if (!p) {
        await client.query('ROLLBACK');
        return reply.status(409).send({ code: 'SLOT_TAKEN' });
      }
      const id = uuidv7();
      await client.query(INSERT, [
        id,
        p.org_id,
        req.body.patientId,
        req.body.slotId,
        p.session_id,
        p.doctor_account_id,
        p.date,
        p.starts_at,
        bookedBy,
        p.care_until,
      ]);
      await client.query('COMMIT');
      return reply.status(201).send({ id });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
  const listening = await listenLocally(app);
  return { ...listening, close: async () => (await listening.close(), await pool.end()) };
}

export async function runBooking(): Promise<void> {
  const loadAverageAtStart = os.loadavg();
  const database = await createBenchDatabase(process.env);
  const server = await startRealServer(database.url);
  const bare = Fastify({ logger: false });
  bare.post('/book', async (_req, reply) => reply.status(201).send({ id: uuidv7(), status: 'booked' }));
  const bareListening = await listenLocally(bare);
  let pgBaseline: Awaited<ReturnType<typeof startPgBaseline>> | null = null;
  try {
    const doctor = await signInDoctor(server);
    const perAccount = Math.ceil((WARMUP + REQUESTS) / ACCOUNTS) + 1;
    process.stdout.write(`creating ${ACCOUNTS} accounts with ${perAccount} patient profiles each...\n`);
    const sessions = await patientSessions(server, doctor.orgId, perAccount);
    // One doctor per target, so the per-patient, per-doctor, per-day limit never mixes the targets.
    const doctors: string[] = [];
    for (let d = 0; d < 6; d++) {
      const id = uuidv7();
      await server.deps.db
        .insertInto('accounts')
        .values({
          id,
          kind: 'staff',
          display_name: `号源医生${d}`,
          email: `slots${d}@bench.careloop.cn`,
          phone_enc: null,
          phone_bidx: null,
          password_hash: null,
          locale: null,
          mfa_secret_enc: null,
          mfa_pending_secret_enc: null,
          locked_until: null,
        })
        .execute();
      await server.deps.db
        .insertInto('memberships')
        .values({
          id: uuidv7(),
          org_id: doctor.orgId,
          account_id: id,
          roles: ['doctor'],
          department_id: null,
          title: null,
        })
        .execute();
      doctors.push(id);
    }
    const realWarmup = await plan(
      server,
      doctor.orgId,
      doctors[0]!,
      sessions,
      WARMUP,
      0,
      '/api/v1/appointments',
    );
    const real = await plan(
      server,
      doctor.orgId,
      doctors[0]!,
      sessions,
      REQUESTS,
      WARMUP,
      '/api/v1/appointments',
    );
    const pgWarmup = await plan(server, doctor.orgId, doctors[1]!, sessions, WARMUP, 0, '/book');
    const pgRequests = await plan(server, doctor.orgId, doctors[1]!, sessions, REQUESTS, WARMUP, '/book');
    // The same waves at a quarter of the clients: how latency follows concurrency on this machine.
    const realLow = await plan(
      server,
      doctor.orgId,
      doctors[2]!,
      sessions,
      LOW_REQUESTS,
      0,
      '/api/v1/appointments',
    );
    const pgLow = await plan(server, doctor.orgId, doctors[3]!, sessions, LOW_REQUESTS, 0, '/book');
    const realPaced = await plan(
      server,
      doctor.orgId,
      doctors[4]!,
      sessions,
      PACED_REQUESTS,
      0,
      '/api/v1/appointments',
    );
    const pgPaced = await plan(server, doctor.orgId, doctors[5]!, sessions, PACED_REQUESTS, 0, '/book');
    await analyzeTables(server);
    pgBaseline = await startPgBaseline(database.url, doctor.accountId);
    const headers = sessions.map((s) => s.headers);
    const job = (
      base: string,
      requests: BookingRequest[],
      clients = CLIENTS,
      rate?: number,
    ): BookingLoadJob => ({ base, clients, headers, requests, ...(rate ? { rate } : {}) });

    process.stdout.write(`warming up...\n`);
    await runLoad(job(bareListening.url, pgWarmup));
    await runLoad(job(pgBaseline.url, pgWarmup));
    await runLoad(job(server.url, realWarmup));
    process.stdout.write(`measuring ${REQUESTS} requests each, ${CLIENTS} concurrent clients...\n`);
    const bareCase = summarize(
      'baseline 1: bare Fastify, static 201',
      await runLoad(job(bareListening.url, pgRequests)),
    );
    const pgCase = summarize(
      'baseline 2: Fastify + raw pg conditional UPDATE + INSERT',
      await runLoad(job(pgBaseline.url, pgRequests)),
    );
    const before = server.counters.queries;
    server.counters.timings = new Map();
    // The server runs on this thread: how long its event loop was held up, to tell a stall in the process (a long
    // garbage collection, synchronous work) from time spent waiting on PostgreSQL or the network.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const realCase = summarize(
      'CareLoop POST /api/v1/appointments',
      await withCpuProfile(process.env.BOOKING_CPU_PROFILE, () => runLoad(job(server.url, real))),
    );
    loopDelay.disable();
    const eventLoopDelayMs = {
      p50: Math.round(loopDelay.percentile(50) / 1e5) / 10,
      p99: Math.round(loopDelay.percentile(99) / 1e5) / 10,
      max: Math.round(loopDelay.max / 1e5) / 10,
    };
    const queriesPerRequest = Math.round(((server.counters.queries - before) / REQUESTS) * 100) / 100;
    const statements = [...server.counters.timings.entries()]
      .map(([sql, t]) => ({
        sql,
        perRequest: Math.round((t.count / REQUESTS) * 100) / 100,
        meanMs: Math.round((t.ms / t.count) * 10) / 10,
      }))
      .sort((a, b) => b.perRequest * b.meanMs - a.perRequest * a.meanMs)
      .slice(0, 10);
    server.counters.timings = null;
    process.stdout.write(`measuring ${LOW_REQUESTS} requests each, ${LOW_CLIENTS} concurrent clients...\n`);
    const lowCases = [
      summarize(
        `baseline 2 at ${LOW_CLIENTS} clients`,
        await runLoad(job(pgBaseline.url, pgLow, LOW_CLIENTS)),
      ),
      summarize(`CareLoop at ${LOW_CLIENTS} clients`, await runLoad(job(server.url, realLow, LOW_CLIENTS))),
    ];
    process.stdout.write(
      `measuring ${PACED_REQUESTS} requests each, ${CLIENTS} clients at ${PACED_RATE}/s...\n`,
    );
    const pacedCases = [
      summarize(
        `baseline 2, ${CLIENTS} clients, ${PACED_RATE} requests at the start of each second`,
        await runLoad(job(pgBaseline.url, pgPaced, CLIENTS, PACED_RATE)),
      ),
      summarize(
        `CareLoop, ${CLIENTS} clients, ${PACED_RATE} requests at the start of each second`,
        await runLoad(job(server.url, realPaced, CLIENTS, PACED_RATE)),
      ),
    ];
    const cases = [
      bareCase,
      pgCase,
      { ...realCase, queriesPerRequest, statements, eventLoopDelayMs },
      ...lowCases,
      ...pacedCases,
    ];
    const overbooked = await server.deps.db
      .selectFrom('slots')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb('booked', '>', eb.ref('capacity')))
      .executeTakeFirstOrThrow();
    const result = {
      machine: machine(database.postgresVersion, loadAverageAtStart),
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      load: { clients: CLIENTS, requests: REQUESTS, wave: WAVE, slotsPerWave: SLOTS_PER_WAVE, capacity: 1 },
      cases,
      slotsOverCapacity: Number(overbooked.n),
      aimP99Ms: AIM_P99_MS,
      aimMetSaturated: realCase.latencyMs.p99 < AIM_P99_MS,
      pacedRate: PACED_RATE,
      aimMetPaced: pacedCases[1]!.latencyMs.p99 < AIM_P99_MS,
    };
    const file = await writeResult('booking', result);
    for (const c of cases)
      process.stdout.write(
        `${c.name}: ${c.requestsPerSecond} req/s (${c.bookingsPerSecond} bookings/s), p50 ${c.latencyMs.p50} ms, p99 ${c.latencyMs.p99} ms, ${JSON.stringify(c.statuses)}\n`,
      );
    process.stdout.write(
      `CareLoop case: server event loop delay p99 ${eventLoopDelayMs.p99} ms, max ${eventLoopDelayMs.max} ms\nslots over capacity: ${result.slotsOverCapacity}; aim p99 < ${AIM_P99_MS} ms met: saturated ${result.aimMetSaturated}, paced ${result.aimMetPaced}\nwrote ${file}\n`,
    );
  } finally {
    await pgBaseline?.close();
    await bareListening.close();
    await server.close();
    await database.drop();
  }
}
