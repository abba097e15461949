import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, type TestApp } from '../../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createDeps } from '../../platform/runtime.ts';
import { JobRunner } from '../../platform/jobs/jobs.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../platform/notify/smtp-receiver.testing.ts';
import { deliveriesOf, eventually, sendNote } from './notifications.testing.ts';
import { notificationJobs } from './index.ts';
import { notificationsRuntime } from './notifications.runtime.ts';

// The production path: the relay hands each delivery to pg-boss in the same transaction that marks it handed over,
// and pg-boss runs it, retrying with backoff until it is sent or the attempts are spent.

let base: TestApp;
let t: TestApp;
let jobs: JobRunner;
let smtp: SmtpReceiver;
let orgId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  base = await createTestApp();
  // The base app delivers in-process (it has no job runner); only the app below, with pg-boss, may deliver here.
  await notificationsRuntime(base.deps).dispatcher.stop();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: base.databaseUrl,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    SMTP_URL: smtp.url,
    NOTIFY_MAX_ATTEMPTS: '3',
    NOTIFY_RETRY_DELAY_SECONDS: '1',
  });
  jobs = new JobRunner(base.databaseUrl, pino({ level: 'silent' }));
  const deps = createDeps(config, base.database, () => jobs);
  for (const job of notificationJobs(deps)) jobs.register(job);
  await jobs.start({ work: true });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  t = { ...base, app, deps };
  orgId = await createOrg(t);
});
afterAll(async () => {
  await t?.app.close();
  await jobs?.stop();
  await base?.close();
  await smtp?.close();
});

describe('deliveries through pg-boss', () => {
  it('are sent by a job soon after the notifying transaction commits', async () => {
    const s = await createStaff(t, orgId, ['doctor']);
    const id = await sendNote(t, { accountId: s.id, orgId });
    await eventually(async () => smtp.received.find((m) => m.to.includes(s.email)), 'the mail', 15_000);
    const [row] = await deliveriesOf(t, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row!.enqueued_at).not.toBeNull();
  });

  it('are retried with backoff after temporary refusals, and a permanent failure is recorded', async () => {
    const s = await createStaff(t, orgId, ['doctor']);
    smtp.refuse.push(421, 421, 421);
    const started = Date.now();
    const id = await sendNote(t, { accountId: s.id, orgId });
    const row = await eventually(
      async () => {
        const [d] = await deliveriesOf(t, id);
        return d?.status === 'failed' && d;
      },
      'the failure',
      30_000,
    );
    expect(row).toMatchObject({ attempts: 3, last_error: 'smtp_421' });
    // Three tries with waits of about 1 s and 2 s between them (pg-boss backoff).
    expect(Date.now() - started).toBeGreaterThan(2500);
    expect(smtp.received.filter((m) => m.to.includes(s.email))).toEqual([]);
  }, 40_000);
});
