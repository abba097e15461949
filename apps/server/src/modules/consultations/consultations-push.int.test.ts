import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.ts';
import { startPushReceiver, type PushReceiver } from '../../platform/notify/web-push-receiver.testing.ts';
import { eventually } from '../notifications/notifications.testing.ts';
import { createConsultationParties, openAcceptedConsultation } from './consultations.testing.ts';
import { deliverUnreadNotice } from './index.ts';

// An offline patient learns of the doctor's reply by web push: the message is still undelivered when the unread
// check runs, so one notification goes to the inbox and, by the patient's default preferences, to the installed
// PWA through a local stand-in push service that checks the VAPID signature and decrypts the payload.

let t: TestApp;
let push: PushReceiver;
let patient: Client;
let patientAccountId: string;
let doctor: Client;
let consultationId: string;

beforeAll(async () => {
  push = await startPushReceiver();
  t = await createTestApp();
  const parties = await createConsultationParties(t, { patientLocale: 'zh-CN' });
  ({ patient, doctor, patientAccountId } = parties);
  expect((await patient.post('/api/v1/me/push-subscriptions', push.subscription())).statusCode).toBe(201);
  consultationId = await openAcceptedConsultation(parties, '发热');
});

afterAll(async () => {
  await t?.close();
  await push?.close();
});

describe('an offline patient', () => {
  it("gets one web push for the doctor's replies, naming no condition", async () => {
    // The doctor's accepting was pushed already (a status update, whatever the patient's presence).
    const accepted = await eventually(async () => push.received[0], 'the accepted push');
    expect(JSON.parse(accepted.payload)).toMatchObject({ kind: 'consultation_update' });
    push.received.length = 0;
    await patient.post(`/api/v1/consultations/${consultationId}/receipts`, { readSeq: 2 });
    for (const [i, text] of ['体温多少？', '有没有咳嗽？'].entries())
      await doctor.post(`/api/v1/consultations/${consultationId}/messages`, {
        clientId: `push-test-${i}`,
        kind: 'text',
        body: text,
      });
    // The unread check queued with the first reply runs (here directly; in production a pg-boss job, 20 s later).
    expect(await deliverUnreadNotice(t.deps, { consultationId, accountId: patientAccountId, seq: 3 })).toBe(
      true,
    );
    const got = await eventually(async () => push.received[0], 'a push');
    expect(push.rejected).toEqual([]);
    const payload = JSON.parse(got.payload) as { kind: string; title: string; body: string; url: string };
    expect(payload.kind).toBe('consultation_message');
    expect(payload.title).toContain('回复了您的问诊');
    expect(payload.url).toContain(`/consult/${consultationId}`);
    expect(got.payload).not.toContain('体温');
    // The second reply of the same run notifies nobody again.
    expect(await deliverUnreadNotice(t.deps, { consultationId, accountId: patientAccountId, seq: 3 })).toBe(
      true,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(push.received).toHaveLength(1);
  });
});
