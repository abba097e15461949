import { randomUUID } from 'node:crypto';
import { chromium, request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, baseUrl, eventually, expectAccessible, journey, screenshot } from './browser.ts';
import { DOCTOR } from './support/console.ts';
import { patientText } from './support/i18n.ts';
import { measure, smallTargets, smallText, tightLines } from './support/elder.ts';
import { PASSWORD, ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';

// Online consultation on the patient's phone (375 px wide): 张伟 asks the department of 王建国 (any doctor) about
// dizziness, waits, and sees the doctor accept live; he sends text, a photo and a voice note recorded from
// chromium's fake microphone; the doctor (through the API) answers, and the answer appears without a reload; when
// the doctor has read everything, 张伟's ticks turn to "read". Every message reaches the server once.

let browser: Browser;
let doctorApi: APIRequestContext;
let doctorCsrf: string;
let departmentName: string;
/** The consultation the first journey opens; the second closes and rates it. */
let consultationId = '';

const COMPLAINT = `头晕两天，早上血压 160/100 mmHg（e2e ${Date.now()}）`;
const REPLY = '您好，我是王建国医生。头晕时有没有胸闷？';
// A 2 x 2 PNG (what a phone camera gives is larger, not different).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

interface Targets {
  departments: { id: string; name: string; doctors: { id: string; name: string }[] }[];
}

beforeAll(async () => {
  // The fake microphone (a beep) and camera, allowed without asking: only this file needs them.
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
  await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });

  const patientApi = await request.newContext({ baseURL: baseUrl() });
  await patientApi.post('/api/v1/auth/login', { data: { identifier: ZHANG_WEI.phone, password: PASSWORD } });
  const me = (await (await patientApi.get('/api/v1/me/patients')).json()) as {
    items: { patient: { id: string }; relationship: string }[];
  };
  const zhangId = me.items.find((p) => p.relationship === 'self')!.patient.id;
  const targets = (await (
    await patientApi.get('/api/v1/consultations/targets', { params: { patientId: zhangId } })
  ).json()) as Targets;
  await patientApi.dispose();
  const department = targets.departments.find((d) => d.doctors.some((doc) => doc.name === DOCTOR.name));
  if (!department) throw new Error(`${DOCTOR.name} is in no department: ${JSON.stringify(targets)}`);
  departmentName = department.name;

  doctorApi = await request.newContext({ baseURL: baseUrl() });
  const login = await doctorApi.post('/api/v1/auth/login', {
    data: { identifier: DOCTOR.email, password: PASSWORD },
  });
  expect(login.ok(), await login.text()).toBe(true);
  doctorCsrf = ((await login.json()) as { csrfToken: string }).csrfToken;
});
afterAll(async () => {
  await doctorApi?.dispose();
  await browser?.close();
});

async function doctorPost<T>(path: string, data: unknown): Promise<T> {
  const res = await doctorApi.post(path, { data, headers: { 'x-csrf-token': doctorCsrf } });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

function mine(page: Page, kind: string) {
  return page.locator(`[data-testid="chat-message"][data-mine="true"][data-kind="${kind}"]`);
}

describe('online consultation on the patient app', () => {
  it('张伟 asks a department, chats with text, a photo and a voice note, sees the reply and read ticks live, and his outbox is sent once', async () => {
    await journey(browser, 'consult-patient', async ({ phone }) => {
      const zh = patientText['zh-CN'];
      const page = await phone('zh-CN');
      await page.setViewportSize({ width: 375, height: 812 });
      await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'consult-patient-login');

      // Consult home → ask the department.
      await page.getByTestId('tab-consult').locator('a').click();
      await page.waitForURL('**/consult');
      await page.getByTestId('consult-start').click();
      await page.waitForURL('**/consult/new');
      await page.getByTestId('consult-department').filter({ hasText: departmentName }).first().click();
      await page.getByTestId('consult-doctor-any').waitFor();
      await page.getByTestId('consult-complaint').fill(COMPLAINT);
      await expectAccessible(page, 'consult-new');
      await screenshot(page, 'consult-patient-new');
      await page.getByTestId('consult-submit').click();
      await page.waitForURL(/\/consult\/[0-9a-f-]{36}$/);
      consultationId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('consult-waiting').waitFor();
      expect(await page.getByTestId('chat-complaint').innerText()).toBe(COMPLAINT);
      await expectAccessible(page, 'consult-waiting');
      await screenshot(page, 'consult-patient-waiting');

      // The doctor accepts; the page changes by itself.
      await doctorPost(`/api/v1/consultations/${consultationId}/accept`, {});
      await page.getByTestId('chat-composer').waitFor();
      await page.locator('[data-testid="chat-event"][data-event="accepted"]').waitFor();
      await eventually(() => page.getByTestId('consult-status').first().innerText()).not.toBe(
        zh.consult.status.requested,
      );

      // Text.
      await page.getByTestId('chat-input').fill('医生您好，<b>头晕</b>两天了');
      await page.getByTestId('chat-send').click();
      await mine(page, 'text').first().waitFor();
      expect(await mine(page, 'text').first().locator('.chat-text').innerText()).toBe(
        '医生您好，<b>头晕</b>两天了',
      );
      expect(await page.getByTestId('chat-list').locator('b').count()).toBe(0);

      // A photo, shown once uploaded, loaded through the access-checked address.
      await page
        .getByTestId('chat-photo')
        .setInputFiles({ name: 'rash.png', mimeType: 'image/png', buffer: PNG });
      const image = mine(page, 'image').first().getByTestId('chat-image');
      await image.waitFor();
      await eventually(() =>
        image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      ).toBe(2);

      // A voice note from the fake microphone: recording shows its time, stop sends it.
      await page.getByTestId('voice-start').click();
      await page.getByTestId('voice-recording').waitFor();
      await eventually(() => page.getByTestId('voice-elapsed').innerText()).toMatch(/0:0[2-9]/);
      await page.getByTestId('voice-stop').click();
      const voice = mine(page, 'voice').first().getByTestId('chat-voice');
      await voice.waitFor();
      const src = await voice.getAttribute('src');
      const audio = await page.request.get(src!);
      expect(audio.status()).toBe(200);
      expect(audio.headers()['content-type']).toMatch(/^audio\//);
      expect(await page.getByTestId('chat-pending').count()).toBe(0);
      await screenshot(page, 'consult-patient-sent');

      // Sent, not yet read; then he reads everything, and all of 张伟's ticks say so.
      const held = (await (
        await doctorApi.get(`/api/v1/consultations/${consultationId}/messages`, {
          params: { after: 0, limit: 100 },
        })
      ).json()) as { items: { seq: number; clientId: string | null; senderRole: string; kind: string }[] };
      const lastSeq = Math.max(...held.items.map((m) => m.seq));
      const ticks = page.locator('[data-testid="chat-message"][data-mine="true"] [data-testid="chat-tick"]');
      const tickStates = async () => [
        ...new Set(await ticks.evaluateAll((els) => els.map((e) => e.getAttribute('data-tick')))),
      ];
      expect(await tickStates()).toEqual(['sent']);
      await doctorPost(`/api/v1/consultations/${consultationId}/receipts`, {
        deliveredSeq: lastSeq,
        readSeq: lastSeq,
      });
      await eventually(tickStates).toEqual(['read']);
      expect(await ticks.count()).toBe(3);

      // The doctor answers: it appears without a reload, with his name.
      await doctorPost(`/api/v1/consultations/${consultationId}/messages`, {
        clientId: randomUUID().replaceAll('-', ''),
        kind: 'text',
        body: REPLY,
      });
      const theirs = page.locator('[data-testid="chat-message"][data-mine="false"]');
      await theirs.first().waitFor({ timeout: 5_000 });
      expect(await theirs.first().innerText()).toContain(REPLY);
      expect(await theirs.first().innerText()).toContain(DOCTOR.name);

      await expectAccessible(page, 'consult-chat');
      await screenshot(page, 'consult-patient-chat');

      // The server holds each of his messages once.
      const fromPatient = held.items.filter((m) => m.senderRole === 'patient');
      expect(fromPatient.map((m) => m.kind)).toEqual(['text', 'image', 'voice']);
      expect(new Set(fromPatient.map((m) => m.clientId)).size).toBe(3);

      // The outbox after a lost acknowledgement and a closed tab: it still holds his first message (same clientId)
      // and one typed offline. After a reload both go out; the first is not stored twice.
      const first = mine(page, 'text').first();
      const firstClientId = await first.getAttribute('data-client-id');
      const OFFLINE_TEXT = '离线时写的：今天早上血压 150/95';
      await page.evaluate(({ key, entries }) => localStorage.setItem(key, JSON.stringify(entries)), {
        key: `careloop.consultOutbox.${consultationId}`,
        entries: [
          {
            clientId: firstClientId,
            consultationId,
            kind: 'text',
            body: '医生您好，<b>头晕</b>两天了',
            queuedAt: new Date().toISOString(),
          },
          {
            clientId: 'e2eoffline' + Date.now(),
            consultationId,
            kind: 'text',
            body: OFFLINE_TEXT,
            queuedAt: new Date().toISOString(),
          },
        ],
      });
      await page.reload();
      await eventually(() => mine(page, 'text').count()).toBe(2);
      await eventually(() => page.getByTestId('chat-pending').count()).toBe(0);
      expect(await mine(page, 'text').last().innerText()).toContain(OFFLINE_TEXT);
      expect(
        await page.evaluate((key) => localStorage.getItem(key), `careloop.consultOutbox.${consultationId}`),
      ).toBeNull();
      const after = (await (
        await doctorApi.get(`/api/v1/consultations/${consultationId}/messages`, {
          params: { after: 0, limit: 100 },
        })
      ).json()) as { items: { clientId: string | null; senderRole: string; kind: string }[] };
      const patientTexts = after.items.filter((m) => m.senderRole === 'patient' && m.kind === 'text');
      expect(patientTexts.map((m) => m.clientId)).toEqual([
        firstClientId,
        expect.stringMatching(/^e2eoffline/),
      ]);

      // Back on the consult home it is ongoing, with the doctor.
      await page.getByTestId('tab-consult').locator('a').click();
      await page.waitForURL('**/consult');
      const item = page.locator(`[data-testid="consult-item"][data-consultation-id="${consultationId}"]`);
      await item.waitFor();
      expect(await item.innerText()).toContain(DOCTOR.name);
      await expectAccessible(page, 'consult-home');
      await screenshot(page, 'consult-patient-home');
    });
  });

  it('in elder mode, 张伟 reads the closing summary with its follow-up window and rates the consultation', async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: true });
    try {
      const before = (await (await doctorApi.get(`/api/v1/consultations/${consultationId}`)).json()) as {
        version: number;
      };
      await doctorPost(`/api/v1/consultations/${consultationId}/close`, {
        diagnoses: [{ code: 'I10' }],
        advice: '低盐饮食，规律服药，每日早晚测量血压。',
        followUpIntervalDays: 14,
        version: before.version,
      });
      await journey(browser, 'consult-patient-closed', async ({ phone }) => {
        const page = await phone('zh-CN');
        await page.setViewportSize({ width: 375, height: 812 });
        await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'consult-closed-login');
        await page.goto(`/consult/${consultationId}`);
        await page.getByTestId('consult-summary').waitFor();
        expect(await page.getByTestId('consult-summary-diagnoses').innerText()).toContain('I10');
        expect(await page.getByTestId('consult-summary-advice').innerText()).toContain('低盐饮食');
        expect(await page.getByTestId('consult-follow-up-window').getAttribute('data-can-message')).toBe(
          'true',
        );
        await page.locator('[data-testid="chat-event"][data-event="closed"]').waitFor();

        const m = await measure(page);
        expect(m.bodyFontSize).toBeGreaterThanOrEqual(18);
        expect(smallText(m, 18), 'text under 18 px').toEqual([]);
        expect(m.largestHeading).toBeGreaterThanOrEqual(30);
        expect(tightLines(m, 1.3), 'line height under 1.3').toEqual([]);
        expect(smallTargets(m, 60), 'tap targets under 60 × 60 px').toEqual([]);
        await expectAccessible(page, 'consult-closed-elder');
        await screenshot(page, 'consult-patient-closed-elder');

        await page.getByTestId('consult-star-4').click();
        await page.getByTestId('consult-rating-comment').fill('回复很及时，讲得清楚');
        await page.getByTestId('consult-rating-submit').click();
        await page.getByTestId('consult-rated').waitFor();
        expect(await page.getByTestId('consult-rated').innerText()).toContain('回复很及时');
        await expectAccessible(page, 'consult-rated');
      });
    } finally {
      await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
    }
  });
});
