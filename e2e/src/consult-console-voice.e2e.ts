import { randomUUID } from 'node:crypto';
import { chromium, request, type APIRequestContext, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, baseUrl, eventually, expectAccessible, journey, screenshot } from './browser.ts';
import { DOCTOR, signInToConsole } from './support/console.ts';
import { consoleText } from './support/i18n.ts';
import { PASSWORD, ZHANG_WEI, setPreferences } from './support/patient.ts';

// A voice note from the console: 王建国 accepts 张伟's question and answers with a voice note recorded from
// chromium's fake microphone, by keyboard (the voice button, Enter on Send; Esc cancels another one); the upload
// is refused once and goes up again from the kept recording; 张伟 (through the API) holds one voice message with
// an audio attachment and its length, and can play it.

let browser: Browser;
let patientApi: APIRequestContext;
let csrf: string;
let zhangId: string;
let doctorId: string;

const MARK = `e2e voice ${Date.now()}`;

interface Targets {
  departments: { id: string; doctors: { id: string; name: string }[] }[];
}

interface HeldMessage {
  seq: number;
  clientId: string | null;
  kind: string;
  senderRole: string;
  attachment: { id: string; kind: string; contentType: string; durationMs: number | null } | null;
}

beforeAll(async () => {
  // The fake microphone (a beep), allowed without asking: only this file needs it.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  patientApi = await request.newContext({ baseURL: baseUrl() });
  const login = await patientApi.post('/api/v1/auth/login', {
    data: { identifier: ZHANG_WEI.phone, password: PASSWORD },
  });
  csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const me = (await (await patientApi.get('/api/v1/me/patients')).json()) as {
    items: { patient: { id: string }; relationship: string }[];
  };
  zhangId = me.items.find((p) => p.relationship === 'self')!.patient.id;
  const targets = (await (
    await patientApi.get('/api/v1/consultations/targets', { params: { patientId: zhangId } })
  ).json()) as Targets;
  const doctor = targets.departments.flatMap((d) => d.doctors).find((d) => d.name === DOCTOR.name);
  if (!doctor) throw new Error(`${DOCTOR.name} is not among the targets: ${JSON.stringify(targets)}`);
  doctorId = doctor.id;
});
afterAll(async () => {
  await patientApi?.dispose();
  await browser?.close();
});

describe('voice notes in the console', () => {
  it('the doctor records a voice note with the keyboard and the patient receives it as audio', async () => {
    await journey(browser, 'consult-console-voice', async ({ desktop }) => {
      const zh = consoleText['zh-CN'].consult.chat;
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'consult-voice-login');
      await page.getByTestId('nav-consultations').click();
      await page.waitForURL('**/console/consultations**');
      await eventually(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('connected');

      const res = await patientApi.post('/api/v1/consultations', {
        data: { patientId: zhangId, doctorId, chiefComplaint: `想用语音问一下（${MARK}）` },
        headers: { 'x-csrf-token': csrf, 'idempotency-key': randomUUID() },
      });
      expect(res.status(), await res.text()).toBe(201);
      const consultationId = ((await res.json()) as { id: string }).id;
      const item = page.locator(`[data-testid="consult-item"][data-consultation-id="${consultationId}"]`);
      await item.getByTestId('consult-accept').click();
      await page.waitForURL(`**/console/consultations/${consultationId}`);
      await page.getByTestId('consult-input').waitFor();

      // Labelled and reachable by keyboard.
      const start = page.getByTestId('consult-voice-start');
      expect(await start.getAttribute('aria-label')).toBe(zh.voiceRecordLabel);
      expect(await start.getAttribute('data-state')).toBe('idle');

      // One recording cancelled with Esc: nothing is sent, focus comes back to the voice button.
      await start.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('consult-voice-recording').waitFor();
      await page.keyboard.press('Escape');
      await eventually(() => page.getByTestId('consult-voice-recording').count()).toBe(0);
      await eventually(() =>
        page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      ).toBe('consult-voice-start');

      // The first upload is refused by the network: the recording is kept and goes up again.
      let refused = 0;
      await page.route(`**/api/v1/consultations/${consultationId}/attachments`, async (route) => {
        if (route.request().method() === 'POST' && refused === 0) {
          refused += 1;
          await route.abort('connectionreset');
        } else await route.continue();
      });

      // Enter on the voice button records; the time runs; focus waits on Send, so Enter sends.
      await page.keyboard.press('Enter');
      await page.getByTestId('consult-voice-recording').waitFor();
      await eventually(() => page.getByTestId('consult-voice-elapsed').innerText()).toMatch(/^0:0[2-9]/);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'consult-voice-send',
      );
      await expectAccessible(page, 'consult-voice-recording');
      await screenshot(page, 'consult-voice-recording');
      await page.keyboard.press('Enter');

      await page.getByTestId('consult-voice-unsent').waitFor();
      expect(refused).toBe(1);
      await page.getByTestId('consult-voice-retry').click();

      const mine = page.locator('[data-testid="consult-message"][data-mine="true"][data-kind="voice"]');
      const audio = mine.getByTestId('consult-message-voice');
      await audio.waitFor({ timeout: 10_000 });
      await eventually(() => page.getByTestId('consult-outbox').count()).toBe(0);
      expect(await page.getByTestId('consult-voice-unsent').count()).toBe(0);
      await screenshot(page, 'consult-voice-sent');

      // 张伟 holds exactly one voice message from the doctor, with an audio attachment he can play.
      const held = (await (
        await patientApi.get(`/api/v1/consultations/${consultationId}/messages`, { params: { after: 0 } })
      ).json()) as { items: HeldMessage[] };
      const voices = held.items.filter((m) => m.senderRole === 'doctor' && m.kind === 'voice');
      expect(voices).toHaveLength(1);
      const attachment = voices[0]!.attachment!;
      expect(attachment.kind).toBe('voice');
      expect(attachment.contentType).toMatch(/^audio\//);
      expect(attachment.durationMs).toBeGreaterThanOrEqual(1_500);
      expect(attachment.durationMs).toBeLessThanOrEqual(120_000);
      const played = await patientApi.get(
        `/api/v1/consultations/${consultationId}/attachments/${attachment.id}`,
      );
      expect(played.status()).toBe(200);
      expect(played.headers()['content-type']).toMatch(/^audio\//);
      expect((await played.body()).length).toBeGreaterThan(100);
    });
  });
});
