// The reliability tests, against real server processes on one database:
// 1. SIGKILL the server while readings stream in: after restart every acknowledged reading is stored exactly once
//    and every alert it should raise exists; resending what was not acknowledged completes the data, once.
// 2. Two server processes: an alert raised through one reaches a console connected to the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  addPatient,
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  totp,
  PASSWORD,
  type TestApp,
} from '../harness.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

let t: TestApp;
let staff: { id: string; email: string; secret: string | null };
let patientId: string;
let deviceId: string;
let token: string;
const running: ServerProcess[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  staff = await createStaff(t, orgId, ['health_manager']);
  const manager = await signIn(t, staff);
  patientId = (await addPatient(t, manager, { name: '可靠性患者' })).id;
  const device = await manager.post(`/api/v1/patients/${patientId}/devices`, {
    kind: 'cgm',
    model: 'Libre 2',
    serial: 'REL-1',
  });
  deviceId = device.json().id;
  token = device.json().token;
});
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  await t.close();
});

async function server() {
  const s = await startServerProcess(t.databaseUrl);
  running.push(s);
  return s;
}

interface Batch {
  readings: { id: string; type: 'glucose'; takenAt: string; value: number; unit: 'mmol/L' }[];
}

const BATCH = 100;
const base = Date.now() - 40 * 3_600_000;
let seq = 0;
function nextBatch(n: number): Batch {
  return {
    readings: Array.from({ length: BATCH }, (_, i) => ({
      id: `k-${n}-${i}`,
      type: 'glucose' as const,
      takenAt: new Date(base + seq++ * 30_000).toISOString(),
      // One urgent low in each ten readings, with normal readings around it: its own episode, its own alert.
      value: i % 10 === 5 ? 2.5 : 6.0,
      unit: 'mmol/L' as const,
    })),
  };
}

async function send(url: string, batch: Batch): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    if (res.status !== 200) return false;
    const body = (await res.json()) as { stored: number; duplicates: number; rejected: unknown[] };
    return body.rejected.length === 0 && body.stored + body.duplicates === BATCH;
  } catch {
    return false;
  }
}

async function storedCounts(): Promise<Map<string, number>> {
  const rows = await t.deps.db
    .selectFrom('observations')
    .select(['dedupe_key', (eb) => eb.fn.countAll<string>().as('n')])
    .where('patient_id', '=', patientId)
    .where('dedupe_key', 'like', `rd:${deviceId}:k-%`)
    .groupBy('dedupe_key')
    .execute();
  return new Map(rows.map((r) => [r.dedupe_key, Number(r.n)]));
}

/** Reading ids (sender ids) of urgent readings that have an alert whose readings include them. */
async function alertedUrgentIds(): Promise<Set<string>> {
  const rows = await t.deps.db
    .selectFrom('alerts as a')
    .innerJoin('observations as o', (j) =>
      j.on((eb) => eb('o.id', '=', eb.fn.any('a.reading_ids'))).onRef('o.patient_id', '=', 'a.patient_id'),
    )
    .select(['o.dedupe_key'])
    .where('a.patient_id', '=', patientId)
    .where('a.rule_key', '=', 'glucose-urgent-low')
    .execute();
  return new Set(rows.map((r) => r.dedupe_key.slice(`rd:${deviceId}:`.length).split('#')[0]!));
}

describe('a server killed while readings stream in', () => {
  it('keeps every acknowledged reading exactly once, with its alert, and takes the rest when resent', async () => {
    let s = await server();
    const acked: Batch[] = [];
    const failed: Batch[] = [];
    let stop = false;
    let n = 0;
    const sender = async () => {
      while (!stop) {
        const batch = nextBatch(n++);
        if (await send(s.url, batch)) acked.push(batch);
        else failed.push(batch);
      }
    };
    const senders = [sender(), sender(), sender()];
    while (acked.length < 15) await new Promise((r) => setTimeout(r, 20));
    await s.stop('SIGKILL');
    stop = true;
    await Promise.all(senders);
    expect(failed.length).toBeGreaterThan(0);

    s = await server();
    let counts = await storedCounts();
    let alerted = await alertedUrgentIds();
    for (const batch of acked) {
      for (const r of batch.readings) {
        expect(counts.get(`rd:${deviceId}:${r.id}#15074-8`), r.id).toBe(1);
        if (r.value < 3) expect(alerted.has(r.id), `alert for ${r.id}`).toBe(true);
      }
    }
    expect([...counts.values()].every((c) => c === 1)).toBe(true);

    // The device resends what it never heard back about: the record ends complete, nothing twice.
    for (const batch of failed) expect(await send(s.url, batch)).toBe(true);
    counts = await storedCounts();
    alerted = await alertedUrgentIds();
    const all = [...acked, ...failed].flatMap((b) => b.readings);
    expect(counts.size).toBe(all.length);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    for (const r of all) if (r.value < 3) expect(alerted.has(r.id), `alert for ${r.id}`).toBe(true);
    const alerts = await t.deps.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('patient_id', '=', patientId)
      .where('rule_key', '=', 'glucose-urgent-low')
      .executeTakeFirstOrThrow();
    expect(Number(alerts.n)).toBe(all.filter((r) => r.value < 3).length);
    await s.stop();
  }, 120_000);
});

async function consoleSession(url: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: staff.email, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const verify = await fetch(`${url}/api/v1/auth/mfa/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code: totp(staff.secret!, 1) }),
  });
  expect(verify.status).toBe(200);
  return (verify.headers.get('set-cookie') ?? cookie).split(';')[0]!;
}

describe('two server processes on one database', () => {
  it('delivers an alert raised through one to a console connected to the other', async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const cookie = await consoleSession(b.url);
    const socket = io(`${b.url}/console`, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (e) => reject(e));
      });
      const received = new Promise<{ id: string; patientId: string; severity: string }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no alert event within 5 s')), 5_000);
        socket.on('alerts.alert.created', (event: { id: string; patientId: string; severity: string }) => {
          clearTimeout(timer);
          resolve(event);
        });
      });
      const res = await fetch(`${a.url}/api/v1/readings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          readings: [
            {
              id: 'two-proc',
              type: 'glucose',
              takenAt: new Date().toISOString(),
              value: 2.4,
              unit: 'mmol/L',
            },
          ],
        }),
      });
      const body = (await res.json()) as { alerts: { id: string }[] };
      const event = await received;
      expect(event).toMatchObject({ id: body.alerts[0]!.id, patientId, severity: 'urgent' });
    } finally {
      socket.close();
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 120_000);
});
