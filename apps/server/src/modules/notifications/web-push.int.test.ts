import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createPatientAccount,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { startPushReceiver, type PushReceiver } from '../../platform/notify/web-push-receiver.testing.ts';
import { deliveriesOf, eventually, sendNote } from './notifications.testing.ts';

// Web push to a local stand-in push service that checks what a real one and the browser would: the VAPID
// authorization (RFC 8292) and the aes128gcm payload (RFC 8291), decrypted with the subscription's own keys.

let t: TestApp;
let push: PushReceiver;
let orgId: string;
let patient: { id: string; phone: string };
let client: Client;

beforeAll(async () => {
  push = await startPushReceiver();
  t = await createTestApp({ VAPID_SUBJECT: 'mailto:ops@hospital.example' });
  orgId = await createOrg(t);
  patient = await createPatientAccount(t);
  await t.deps.db.updateTable('accounts').set({ locale: 'en-US' }).where('id', '=', patient.id).execute();
  client = await signIn(t, patient.phone);
});
afterAll(async () => {
  await t?.close();
  await push?.close();
});

describe('web push', () => {
  it('reaches a subscribed device: signed with the kept VAPID key, encrypted for that device', async () => {
    const key = await client.get('/api/v1/notifications/vapid-public-key');
    expect(key.statusCode).toBe(200);
    const publicKey = (key.json() as { publicKey: string }).publicKey;
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);

    const saved = await client.post('/api/v1/me/push-subscriptions', push.subscription());
    expect(saved.statusCode).toBe(201);
    const id = await sendNote(t, {
      accountId: patient.id,
      orgId,
      kind: 'monitoring_alert',
      urgency: 'urgent',
      link: '/monitoring',
    });
    const got = await eventually(async () => push.received[0], 'a push');
    expect(push.rejected).toEqual([]);
    expect(JSON.parse(got.payload)).toEqual({
      id,
      kind: 'monitoring_alert',
      title: 'Please recheck your glucose',
      body: 'Your fasting glucose was high; recheck within a week.',
      url: `${t.deps.config.publicUrl}/monitoring`,
      urgent: true,
    });
    expect(got.vapid).toMatchObject({ aud: push.url, sub: 'mailto:ops@hospital.example', k: publicKey });
    expect(got.vapid.exp * 1000).toBeGreaterThan(Date.now());
    expect(got.vapid.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    expect(got.headers.urgency).toBe('high');
    expect(got.headers.ttl).toBe('3600');
    await eventually(async () => (await deliveriesOf(t, id))[0]?.status === 'sent', 'sent status');
  });

  it('keeps its VAPID keys: another server process over the same database signs with the same key', async () => {
    const other = await createTestApp({}, { sameDatabaseAs: t });
    try {
      const c = await signIn(other, patient.phone);
      const a = (await client.get('/api/v1/notifications/vapid-public-key')).json() as { publicKey: string };
      const b = (await c.get('/api/v1/notifications/vapid-public-key')).json() as { publicKey: string };
      expect(b.publicKey).toBe(a.publicKey);
      const stored = await t.deps.db.selectFrom('app_secrets').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.secret_enc).not.toContain(a.publicKey);
    } finally {
      await other.close();
    }
  });

  it('forgets a subscription the push service answers 410 for, and records the failure', async () => {
    await t.deps.db.deleteFrom('push_subscriptions').execute();
    const sub = push.subscription();
    await client.post('/api/v1/me/push-subscriptions', sub);
    push.respondWith.push(410);
    const id = await sendNote(t, { accountId: patient.id, orgId });
    const row = await eventually(async () => {
      const [d] = (await deliveriesOf(t, id)).filter((r) => r.channel === 'push');
      return d?.status === 'failed' && d;
    }, 'failed push');
    expect(row).toMatchObject({ attempts: 1, last_error: 'push_http_410' });
    const left = await t.deps.db.selectFrom('push_subscriptions').select('id').execute();
    expect(left).toEqual([]);
  });

  it('removes a subscription on request, and 404s one that is not the caller’s', async () => {
    const sub = push.subscription();
    await client.post('/api/v1/me/push-subscriptions', sub);
    const url = `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(sub.endpoint)}`;
    expect((await client.delete(url)).statusCode).toBe(200);
    expect((await client.delete(url)).statusCode).toBe(404);
  });

  it.each([
    [{ endpoint: 'not a url', keys: { p256dh: 'x', auth: 'y' } }, 'body.endpoint'],
    [{ endpoint: 'https://push.example/x', keys: { auth: 'AAAAAAAAAAAAAAAAAAAAAA' } }, 'body.keys.p256dh'],
    [
      { endpoint: 'https://push.example/x', keys: { p256dh: 'BBBB', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } },
      'body.keys.p256dh',
    ],
    [
      { endpoint: 'https://push.example/x', keys: { p256dh: 'B'.repeat(87), auth: 'short' } },
      'body.keys.auth',
    ],
    [
      { endpoint: 'ftp://push.example/x', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } },
      'body.endpoint',
    ],
    [
      { endpoint: 'http://push.example/x', keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) } },
      'body.endpoint',
    ],
  ])('rejects the malformed subscription %j naming %s', async (body, path) => {
    const res = await client.post('/api/v1/me/push-subscriptions', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = (res.json() as { errors: { path: string }[] }).errors;
    expect(errors.some((e) => e.path.startsWith(path))).toBe(true);
  });
});
