import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import type { RealtimeEvent } from '@careloop/contracts';
import type { RecordingRealtime } from '../../platform/realtime/realtime.ts';
import { deliveriesOf, eventually, relayAt, sendNote } from './notifications.testing.ts';

let t: TestApp;
let orgId: string;
let patient: { id: string; phone: string };
let patientClient: Client;
let staff: { id: string; email: string; secret: string | null };
let staffClient: Client;
let adminClient: Client;

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  patient = await createPatientAccount(t);
  patientClient = await signIn(t, patient.phone);
  staff = await createStaff(t, orgId, ['doctor']);
  staffClient = await signIn(t, staff);
  adminClient = await signIn(t, await createStaff(t, orgId, ['org_admin']));
});
afterAll(async () => t?.close());

describe('notification preferences', () => {
  it('answers the defaults for a person who changed nothing', async () => {
    const res = await patientClient.get('/api/v1/me/notification-preferences');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      channels: { consultation: ['push'], follow_up: ['push', 'email'], monitoring: ['push'] },
      quietHours: null,
      timeZone: 'Asia/Shanghai',
      reachable: { push: false, email: false, sms: true, wechat: false },
      version: 0,
    });
  });

  it('stores channels per category and quiet hours, and refuses a stale version', async () => {
    const res = await patientClient.request('PUT', '/api/v1/me/notification-preferences', {
      channels: { monitoring: ['push', 'sms'], system: [] },
      quietHours: { start: '22:00', end: '07:00' },
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      channels: { monitoring: ['push', 'sms'], system: [], follow_up: ['push', 'email'] },
      quietHours: { start: '22:00', end: '07:00' },
      version: 1,
    });
    const stale = await patientClient.request('PUT', '/api/v1/me/notification-preferences', {
      quietHours: null,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor_account_id', '=', patient.id)
      .where('action', '=', 'notifications.preferences.update')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it.each([
    [{ channels: { gossip: ['push'] }, version: 1 }, 'body.channels'],
    [{ channels: { monitoring: ['pigeon'] }, version: 1 }, 'body.channels.monitoring.0'],
    [{ quietHours: { start: '25:00', end: '07:00' }, version: 1 }, 'body.quietHours.start'],
    [{ quietHours: { start: '22:00', end: '22:00' }, version: 1 }, 'body.quietHours.end'],
    [{ quietHours: { start: '22:00' }, version: 1 }, 'body.quietHours.end'],
    [{ timeZone: 'Mars/Olympus', version: 1 }, 'body.timeZone'],
  ])('rejects %j with a problem naming %s', async (body, path) => {
    const res = await patientClient.request('PUT', '/api/v1/me/notification-preferences', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json() as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.path).some((p) => p.startsWith(path))).toBe(true);
  });
});

describe('delivery planning', () => {
  it('queues a delivery per chosen channel the person can be reached on, and announces once', async () => {
    const realtime = t.deps.realtime as RecordingRealtime;
    // An SMS is written at once or held for the patient's 22:00-07:00 quiet hours; the row exists either way.
    const id = await sendNote(t, { accountId: patient.id, kind: 'monitoring_alert', orgId });
    const rows = await deliveriesOf(t, id);
    expect(rows.map((r) => r.channel)).toEqual(['sms']); // push is chosen but no device is subscribed
    await eventually(async () => realtime.sent.some((s) => isNoteEvent(s.event, id)), 'realtime event');
    await relayAt(t, new Date());
    const events = realtime.sent.filter((s) => isNoteEvent(s.event, id));
    expect(events).toEqual([
      {
        namespace: 'patient',
        target: { accountIds: [patient.id] },
        event: { type: 'notifications.notification.created', id, at: expect.any(String) },
      },
    ]);
  });

  it('notifies once per dedupe key, however often the event is evaluated', async () => {
    const first = await sendNote(t, { accountId: staff.id, dedupeKey: 'alert:1:assigned:0' });
    const again = await sendNote(t, { accountId: staff.id, dedupeKey: 'alert:1:assigned:0' });
    expect(again).toBe(first);
    expect(await deliveriesOf(t, first)).toHaveLength(1); // email (staff have an address, no push device)
  });

  it('holds a normal notification in quiet hours until they end, and sends an urgent one at once', async () => {
    await staffClient.request('PUT', '/api/v1/me/notification-preferences', {
      channels: { follow_up: ['email'], monitoring: ['email'] },
      // The whole day but one minute is quiet, so the test holds at any hour it runs.
      quietHours: quietAroundNow(),
      timeZone: 'Asia/Shanghai',
      version: 0,
    });
    const normal = await sendNote(t, { accountId: staff.id, orgId });
    const [held] = await deliveriesOf(t, normal);
    expect(held!.status).toBe('queued');
    expect(held!.due_at.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);

    const urgent = await sendNote(t, {
      accountId: staff.id,
      orgId,
      kind: 'critical_value',
      urgency: 'urgent',
    });
    const sentNow = await eventually(async () => {
      const [row] = await deliveriesOf(t, urgent);
      return row?.status === 'sent' && row;
    }, 'urgent delivery');
    expect(sentNow.due_at.getTime()).toBeLessThanOrEqual(Date.now());

    // The held one is still waiting, not dropped; once the quiet hours end it goes out.
    await relayAt(t, new Date());
    expect((await deliveriesOf(t, normal))[0]!.status).toBe('queued');
    await relayAt(t, new Date(held!.due_at.getTime() + 1000));
    const [released] = await deliveriesOf(t, normal);
    expect(released).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    const mail = await t.deps.db
      .selectFrom('outbound_messages')
      .select(['body', 'template'])
      .where('recipient_bidx', '=', t.deps.crypto.blindIndex('email', staff.email))
      .execute();
    // The dedupe test's email, the urgent one, and the released one.
    expect(mail.map((m) => m.template).sort()).toEqual([
      'critical_value',
      'follow_up_task',
      'follow_up_task',
    ]);
  });

  it('skips a held delivery when the person read the notification in the app meanwhile', async () => {
    const id = await sendNote(t, { accountId: staff.id, orgId });
    const [held] = await deliveriesOf(t, id);
    expect((await staffClient.post(`/api/v1/me/notifications/${id}/read`)).statusCode).toBe(200);
    await relayAt(t, new Date(held!.due_at.getTime() + 1000));
    expect((await deliveriesOf(t, id))[0]).toMatchObject({ status: 'skipped', last_error: 'read_in_app' });
  });
});

describe('the delivery log', () => {
  it('shows an admin the organization deliveries with filters and a cursor', async () => {
    const page = await adminClient.get('/api/v1/notification-deliveries?limit=2&channel=email');
    expect(page.statusCode).toBe(200);
    const body = page.json() as { items: { channel: string; status: string }[]; nextCursor: string | null };
    expect(body.items).toHaveLength(2);
    expect(body.items.every((i) => i.channel === 'email')).toBe(true);
    const next = await adminClient.get(
      `/api/v1/notification-deliveries?limit=2&channel=email&cursor=${body.nextCursor}`,
    );
    expect(next.statusCode).toBe(200);
    expect((next.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const skipped = await adminClient.get('/api/v1/notification-deliveries?status=skipped');
    expect((skipped.json() as { items: { lastError: string }[] }).items[0]!.lastError).toBe('read_in_app');
  });

  it('is for admins only, and a forged cursor is a 400', async () => {
    expect((await staffClient.get('/api/v1/notification-deliveries')).statusCode).toBe(403);
    expect((await patientClient.get('/api/v1/notification-deliveries')).statusCode).toBe(403);
    const forged = await adminClient.get('/api/v1/notification-deliveries?cursor=bm9wZQ');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors[0].path).toBe('querystring.cursor');
  });
});

/** Quiet from a minute ago (Shanghai time) round the clock to two minutes ago: only a minute is not quiet. */
function quietAroundNow() {
  const local = new Date(Date.now() + 8 * 3600_000);
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  return {
    start: hhmm(new Date(local.getTime() - 60_000)),
    end: hhmm(new Date(local.getTime() - 2 * 60_000)),
  };
}

const isNoteEvent = (event: RealtimeEvent, id: string) =>
  event.type === 'notifications.notification.created' && event.id === id;
