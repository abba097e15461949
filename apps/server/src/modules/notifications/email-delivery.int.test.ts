import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, type TestApp } from '../../../test/harness.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../../platform/notify/smtp-receiver.testing.ts';
import { deliveriesOf, eventually, relayAt, sendNote } from './notifications.testing.ts';

// Email through a real SMTP server (smtp-server) on this machine: what arrives, in whose language, and what
// happens when the server refuses for a while or for good.

let t: TestApp;
let smtp: SmtpReceiver;
let orgId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await createTestApp({ SMTP_URL: smtp.url, NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_DELAY_SECONDS: '60' });
  orgId = await createOrg(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function staffIn(locale: 'zh-CN' | 'en-US' | null) {
  const s = await createStaff(t, orgId, ['doctor']);
  await t.deps.db.updateTable('accounts').set({ locale }).where('id', '=', s.id).execute();
  return s;
}

const settled = (t_: TestApp, id: string) =>
  eventually(async () => {
    const [row] = await deliveriesOf(t_, id);
    // Finished, or waiting for its next try (an attempt in flight is queued with no error yet).
    return row && (row.status !== 'queued' || row.last_error !== null) && row;
  }, 'a delivery attempt');

describe('email notifications', () => {
  it('arrive at the SMTP server in the recipient language', async () => {
    const en = await staffIn('en-US');
    const zh = await staffIn(null);
    await sendNote(t, { accountId: en.id, orgId, link: '/patients/x?tab=followup' });
    await sendNote(t, { accountId: zh.id, orgId });
    const toEn = await eventually(
      async () => smtp.received.find((m) => m.to.includes(en.email)),
      'English mail',
    );
    expect(toEn.subject).toBe('CareLoop: A new follow-up item for you');
    expect(toEn.text).toContain('Please recheck your glucose');
    expect(toEn.text).toContain('Your fasting glucose was high; recheck within a week.');
    expect(toEn.text).toContain('/console/patients/x?tab=followup');
    expect(toEn.headers.from).toContain('no-reply@careloop.invalid');
    const toZh = await eventually(
      async () => smtp.received.find((m) => m.to.includes(zh.email)),
      'Chinese mail',
    );
    expect(toZh.subject).toBe('CareLoop: 您有新的随访事项');
    expect(toZh.text).toContain('空腹血糖偏高，请一周内复查。');
  });

  it('retries after a temporary refusal and records the error code without the address', async () => {
    const s = await staffIn('en-US');
    smtp.refuse.push(450);
    const id = await sendNote(t, { accountId: s.id, orgId });
    const first = await settled(t, id);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, last_error: 'smtp_450' });
    expect(first.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await relayAt(t, new Date(first.next_attempt_at.getTime() + 1000));
    expect((await deliveriesOf(t, id))[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(smtp.received.filter((m) => m.to.includes(s.email))).toHaveLength(1);
  });

  it('records a permanent refusal as failed at once', async () => {
    const s = await staffIn('en-US');
    smtp.refuse.push(550);
    const id = await sendNote(t, { accountId: s.id, orgId });
    expect(await settled(t, id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'smtp_550' });
  });

  it('gives up after the allowed attempts, with backoff between them, and keeps the failure', async () => {
    const s = await staffIn('en-US');
    smtp.refuse.push(451, 451, 451);
    const id = await sendNote(t, { accountId: s.id, orgId });
    const first = await settled(t, id);
    const second = new Date(first.next_attempt_at.getTime() + 1000);
    await relayAt(t, second);
    const [after2] = await deliveriesOf(t, id);
    expect(after2).toMatchObject({ status: 'queued', attempts: 2 });
    // 60 s, then 120 s: each wait twice the one before.
    expect(after2!.next_attempt_at.getTime() - second.getTime()).toBe(120_000);
    await relayAt(t, new Date(after2!.next_attempt_at.getTime() + 1000));
    expect((await deliveriesOf(t, id))[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'smtp_451',
    });
  });
});
