import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { DOCTOR, signInToConsole, submitPassword } from './support/console.ts';
import { consoleText, fill } from './support/i18n.ts';
import { PASSWORD, ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';
import { clickOption } from './support/select.ts';

// Online consultation in the console: 张伟 asks 王建国 a question through the API; the request appears in the
// doctor's open queue without a reload; he accepts, answers in text and with a quick reply; 张伟's message with a
// script tag shows as text; he closes with an ICD-10 diagnosis and the encounter appears in 张伟's timeline; 张伟's
// rating shows on the consultation. Then the workspace on a phone-sized screen.

const browser = useBrowser();
let patientApi: APIRequestContext;
let csrf: string;
let zhangId: string;
let doctorId: string;
let consultationId: string;

const SCRIPT = '<script>alert(1)</script>';
const MARK = `e2e ${Date.now()}`;
const COMPLAINT = `头晕两天，早上血压 160/100 mmHg（${MARK}）`;

// A 2 x 2 PNG (what a phone photo is to the server: bytes with an image signature).
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGM4IScnd0KOQU7uxIkTcgAefAS7wTuQ6wAAAABJRU5ErkJggg==';

/** `seconds` of silence as an 8 kHz, 8-bit mono WAV file. */
function silentWav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * seconds, 128);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

interface Targets {
  departments: { id: string; doctors: { id: string; name: string }[] }[];
}

beforeAll(async () => {
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
  await patientApi.dispose();
});

async function patientPost<T>(path: string, data: unknown, status = 201): Promise<T> {
  const res = await patientApi.post(path, {
    data,
    headers: { 'x-csrf-token': csrf, 'idempotency-key': randomUUID() },
  });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

async function openQueue(page: Page): Promise<void> {
  await page.getByTestId('nav-consultations').click();
  await page.waitForURL('**/console/consultations**');
  await eventually(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('connected');
}

describe('online consultation in the console', () => {
  it('takes a request from the live queue, chats, and closes it into the record', async () => {
    await journey(browser(), 'consult-console', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await signInToConsole(page, DOCTOR.email, 'consult-console-login');
      await openQueue(page);
      await expectAccessible(page, 'consult-queue');

      // 张伟 asks; the request reaches the open queue by itself.
      const opened = await patientPost<{ id: string; status: string }>('/api/v1/consultations', {
        patientId: zhangId,
        doctorId,
        chiefComplaint: COMPLAINT,
      });
      consultationId = opened.id;
      expect(opened.status).toBe('requested');
      const item = page.locator(`[data-testid="consult-item"][data-consultation-id="${consultationId}"]`);
      await item.waitFor({ timeout: 5_000 });
      expect(await item.innerText()).toContain('头晕两天');
      await item.getByTestId('consult-waited').waitFor();
      await screenshot(page, 'consult-queue-live');

      await item.getByTestId('consult-accept').click();
      await page.waitForURL(`**/console/consultations/${consultationId}`);
      await page.getByTestId('consult-input').waitFor();
      await page.getByTestId('consult-summary').getByTestId('summary-allergies').waitFor();

      // A text reply with Enter; Shift+Enter makes a new line inside it.
      const input = page.getByTestId('consult-input');
      await input.fill('您好，我是王建国医生。');
      await input.press('Shift+Enter');
      await input.pressSequentially('请问头晕时有没有胸闷？');
      await input.press('Enter');
      const mine = page.locator('[data-testid="consult-message"][data-mine="true"]');
      await eventually(() => mine.count()).toBe(1);
      expect(await mine.first().getByTestId('consult-message-text').innerText()).toBe(
        '您好，我是王建国医生。\n请问头晕时有没有胸闷？',
      );
      await eventually(() => mine.first().getByTestId('consult-tick').getAttribute('data-tick')).toMatch(
        /sent|delivered|read/,
      );
      expect(await input.inputValue()).toBe('');

      // Written while the network is down: kept in the outbox, sent once (same clientId) when it comes back.
      await page.context().setOffline(true);
      await input.fill('网络恢复后请回复我。');
      await input.press('Enter');
      const waiting = page.getByTestId('consult-outbox');
      await eventually(() => waiting.getAttribute('data-state')).toBe('sending');
      await page.context().setOffline(false);
      await eventually(() => mine.count(), 'the outbox message is stored after the reconnect').toBe(2);
      await eventually(() => waiting.count()).toBe(0);

      // A quick reply of his own: written in the manager, picked from the list, sent.
      await page.getByTestId('consult-quick').click();
      await page.getByTestId('consult-quick-manage').click();
      await page.getByTestId('consult-quick-title').fill('测血压');
      await page.getByTestId('consult-quick-body').fill('请每天早晚各测一次血压并记录。');
      await page.getByTestId('consult-quick-save').click();
      await page.getByTestId('consult-quick-own').getByText('测血压').waitFor();
      // Closed with its close button: Escape reaches the dialog only while focus is inside it.
      await page.locator('.ant-modal-close').click();
      await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden' });
      await page.getByTestId('consult-quick').click();
      await page.getByTestId('consult-quick-item').filter({ hasText: '测血压' }).click();
      expect(await input.inputValue()).toBe('请每天早晚各测一次血压并记录。');
      await page.getByTestId('consult-send').click();
      await eventually(() => mine.count()).toBe(3);

      // 张伟's message with a script tag arrives live and shows as the characters he typed.
      await patientPost(`/api/v1/consultations/${consultationId}/messages`, {
        clientId: randomUUID().replaceAll('-', ''),
        kind: 'text',
        body: SCRIPT,
      });
      const theirs = page.locator('[data-testid="consult-message"][data-mine="false"]');
      await theirs.first().waitFor({ timeout: 5_000 });
      expect(await theirs.last().getByTestId('consult-message-text').innerText()).toBe(SCRIPT);
      expect(await page.getByTestId('consult-messages').locator('script').count()).toBe(0);
      expect(dialogs).toEqual([]);
      await expectAccessible(page, 'consult-workspace');
      await screenshot(page, 'consult-workspace');

      // 张伟 holds the doctor's three messages, each once.
      const held = (await (
        await patientApi.get(`/api/v1/consultations/${consultationId}/messages`, { params: { after: 0 } })
      ).json()) as { items: { body: string | null; senderRole: string }[] };
      expect(held.items.filter((m) => m.senderRole === 'doctor').map((m) => m.body)).toEqual([
        '您好，我是王建国医生。\n请问头晕时有没有胸闷？',
        '网络恢复后请回复我。',
        '请每天早晚各测一次血压并记录。',
      ]);

      // A voice note from 张伟 plays from its access-checked address; the doctor sends a photo back.
      const form = patientApi.post(`/api/v1/consultations/${consultationId}/attachments`, {
        headers: { 'x-csrf-token': csrf },
        multipart: {
          kind: 'voice',
          durationMs: '1000',
          file: { name: 'voice.wav', mimeType: 'audio/wav', buffer: silentWav(1) },
        },
      });
      const voice = await form;
      expect(voice.status(), await voice.text()).toBe(201);
      await patientPost(`/api/v1/consultations/${consultationId}/messages`, {
        clientId: randomUUID().replaceAll('-', ''),
        kind: 'voice',
        attachmentId: ((await voice.json()) as { id: string }).id,
      });
      const audio = page.getByTestId('consult-message-voice');
      await audio.waitFor({ timeout: 5_000 });
      const audioSrc = await audio.getAttribute('src');
      const played = await page.request.get(audioSrc ?? '');
      expect(played.status()).toBe(200);
      expect(played.headers()['content-type']).toContain('audio/wav');

      await page.getByTestId('consult-attach-image-input').setInputFiles({
        name: '血压记录.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PNG, 'base64'),
      });
      const photo = page.locator('[data-testid="consult-message"][data-mine="true"][data-kind="image"] img');
      await photo.waitFor({ timeout: 10_000 });
      await eventually(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

      // Closing with an ICD-10 diagnosis writes an encounter into the record.
      await page.getByTestId('consult-close').click();
      await page.getByTestId('icd10-select').click();
      await page.keyboard.type('gxy');
      const option = page.locator('.ant-select-item-option', { hasText: /^I10\b/ });
      await option.first().waitFor();
      await clickOption(page, /^I10\b/);
      await page.getByTestId('consult-close-advice').fill('低盐饮食，规律服药，每日监测血压。');
      await page.getByTestId('consult-close-followup').fill('14');
      await expectAccessible(page, 'consult-close-form');
      await page.getByTestId('consult-close-submit').click();
      await page.getByTestId('consult-outcome').waitFor();
      expect(await page.getByTestId('consult-outcome-diagnoses').innerText()).toContain('I10');
      await eventually(() => page.getByTestId('consult-workspace').getAttribute('data-status')).toBe(
        'closed',
      );
      // Follow-up questions are taken for the organization's number of days after closing.
      expect(await page.getByTestId('consult-outcome').innerText()).toContain('可追问至');

      // 张伟 rates it; the rating shows on the consultation.
      await patientPost(
        `/api/v1/consultations/${consultationId}/rating`,
        { stars: 5, comment: '耐心细致' },
        200,
      );
      await eventually(() => page.getByTestId('consult-rating').innerText(), 'the rating shows').toContain(
        '耐心细致',
      );
      await screenshot(page, 'consult-closed');

      await page.getByTestId('consult-outcome-record').click();
      await page.getByTestId('record-timeline').waitFor();
      // The encounter the summary became: an online consultation, with 张伟's complaint.
      const encounter = page
        .locator('[data-testid="timeline-entry"][data-kind="encounter"]')
        .filter({ hasText: MARK });
      await encounter.waitFor();
      expect(await encounter.innerText()).toContain('线上问诊');
      await screenshot(page, 'consult-record-timeline');
    });
  });

  it('tells the doctor plainly when another accept won the race, and refreshes the queue', async () => {
    const department = (
      (await (
        await patientApi.get('/api/v1/consultations/targets', { params: { patientId: zhangId } })
      ).json()) as Targets
    ).departments.find((d) => d.doctors.some((doc) => doc.id === doctorId))!;
    await journey(browser(), 'consult-console-race', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'consult-race-login');
      await openQueue(page);
      const pooled = await patientPost<{ id: string }>('/api/v1/consultations', {
        patientId: zhangId,
        departmentId: department.id,
        chiefComplaint: `科室号池的问诊（${MARK}）`,
      });
      const item = page.locator(`[data-testid="consult-item"][data-consultation-id="${pooled.id}"]`);
      await item.waitFor({ timeout: 5_000 });

      // The other accept lands first: held back until another session has taken it.
      const other = await request.newContext({ baseURL: baseUrl() });
      try {
        const login = await other.post('/api/v1/auth/login', {
          data: { identifier: DOCTOR.email, password: PASSWORD },
        });
        const otherCsrf = ((await login.json()) as { csrfToken: string }).csrfToken;
        await page.route(`**/api/v1/consultations/${pooled.id}/accept`, async (route) => {
          const won = await other.post(`/api/v1/consultations/${pooled.id}/accept`, {
            data: {},
            headers: { 'x-csrf-token': otherCsrf },
          });
          expect(won.status()).toBe(200);
          await route.continue();
        });
        await item.getByTestId('consult-accept').click();
        await page.getByText('该问诊已被其他医生接诊，列表已刷新。').waitFor();
        await eventually(() => item.count(), 'the taken request leaves the waiting list').toBe(0);
        expect(page.url()).toMatch(/\/console\/consultations$/);
        await screenshot(page, 'consult-race');
      } finally {
        await other.dispose();
      }
    });
  });

  it('shows typing both ways between the console and the patient app', async () => {
    await journey(browser(), 'consult-console-typing', async ({ desktop, phone }) => {
      const doctor = await desktop('zh-CN');
      await signInToConsole(doctor, DOCTOR.email, 'consult-typing-login');
      await openQueue(doctor);
      const asked = await patientPost<{ id: string }>('/api/v1/consultations', {
        patientId: zhangId,
        doctorId,
        chiefComplaint: `想问一下复查的时间（${MARK}）`,
      });
      const item = doctor.locator(`[data-testid="consult-item"][data-consultation-id="${asked.id}"]`);
      await item.getByTestId('consult-accept').click();
      await doctor.getByTestId('consult-input').waitFor();

      const patient = await phone('zh-CN');
      await signInWithPassword(patient, ZHANG_WEI, 'zh-CN', 'consult-typing-patient');
      await patient.goto(`/consult/${asked.id}`);
      await patient.getByTestId('chat-input').waitFor();

      // Keys go on being pressed until the indicator shows: the pages' sockets connect in their own time.
      const typeAndRead = async (from: Page, input: string, to: Page, indicator: string) => {
        await from.getByTestId(input).press('a');
        return to.getByTestId(indicator).innerText();
      };
      await expect
        .poll(() => typeAndRead(patient, 'chat-input', doctor, 'consult-typing'), {
          timeout: 15_000,
          interval: 700,
          message: 'the doctor sees the patient typing, by name (from the request line of his account)',
        })
        .toBe(fill(consoleText['zh-CN'].consult.chat.typingNamed, { name: ZHANG_WEI.name }));
      await expect
        .poll(() => typeAndRead(doctor, 'consult-input', patient, 'chat-typing'), {
          timeout: 15_000,
          interval: 700,
          message: 'the patient sees the doctor typing',
        })
        .not.toBe('');
      await screenshot(doctor, 'consult-typing');
    });
  });

  it('stacks the chat above the summary on a phone-sized screen', async () => {
    await journey(browser(), 'consult-console-phone', async ({ phone }) => {
      const page = await phone('zh-CN');
      // The menu is folded behind the header's button on a phone, so the workbench heading says we are in.
      await submitPassword(page, DOCTOR.email, 'consult-phone-login');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('button[aria-controls="app-menu"]').click();
      await page.getByTestId('nav-consultations').click();
      await page.waitForURL('**/console/consultations**');
      await page.getByTestId('consult-view').getByText('已结束').click();
      await page
        .locator(`[data-testid="consult-item"][data-consultation-id="${consultationId}"]`)
        .getByTestId('consult-open')
        .click();
      await page.getByTestId('consult-messages').waitFor();
      await page.getByTestId('consult-message').first().waitFor();
      const chat = await page.getByTestId('consult-chat').boundingBox();
      const summary = await page.getByTestId('consult-summary').boundingBox();
      expect(chat && summary && summary.y >= chat.y + chat.height - 1).toBe(true);
      await expectAccessible(page, 'consult-workspace-phone');
      await screenshot(page, 'consult-workspace-phone');
    });
  });
});
