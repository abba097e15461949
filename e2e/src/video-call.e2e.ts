import { randomUUID } from 'node:crypto';
import { chromium, request, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  STEP_TIMEOUT,
  baseUrl,
  eventually,
  expectAccessible,
  journey,
  screenshot,
} from './browser.ts';
import { DOCTOR, signInToConsole } from './support/console.ts';
import { PASSWORD, ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';

// A real video call through the apps: 王建国 calls 张伟 from the console; 张伟 answers on his phone from the
// incoming-call banner; chromium's fake camera and microphone send real media peer to peer (host candidates on
// this machine), and both sides' RTCPeerConnection stats show inbound bytes growing. The doctor hangs up and
// "call ended" appears in the consultation history on both sides.

let browser: Browser;
let consultationId = '';

interface Targets {
  departments: { doctors: { id: string; name: string }[] }[];
}

async function login(identifier: string) {
  const api = await request.newContext({ baseURL: baseUrl() });
  const res = await api.post('/api/v1/auth/login', { data: { identifier, password: PASSWORD } });
  expect(res.ok(), await res.text()).toBe(true);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { api, headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() } };
}

beforeAll(async () => {
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
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });

  const patient = await login(ZHANG_WEI.phone);
  const mine = (await (await patient.api.get('/api/v1/me/patients')).json()) as {
    items: { patient: { id: string }; relationship: string }[];
  };
  const zhangId = mine.items.find((p) => p.relationship === 'self')!.patient.id;
  const targets = (await (
    await patient.api.get('/api/v1/consultations/targets', { params: { patientId: zhangId } })
  ).json()) as Targets;
  const doctorId = targets.departments.flatMap((d) => d.doctors).find((d) => d.name === DOCTOR.name)?.id;
  if (!doctorId) throw new Error(`${DOCTOR.name} is not among the targets`);
  const opened = await patient.api.post('/api/v1/consultations', {
    data: { patientId: zhangId, doctorId, chiefComplaint: `想视频看一下皮疹（e2e ${Date.now()}）` },
    headers: patient.headers,
  });
  expect(opened.status(), await opened.text()).toBe(201);
  consultationId = ((await opened.json()) as { id: string }).id;
  await patient.api.dispose();

  const doctor = await login(DOCTOR.email);
  const accepted = await doctor.api.post(`/api/v1/consultations/${consultationId}/accept`, {
    data: {},
    headers: doctor.headers,
  });
  expect(accepted.ok(), await accepted.text()).toBe(true);
  await doctor.api.dispose();
});

afterAll(async () => {
  await browser?.close();
});

/** Total inbound RTP bytes on the page's call (window.__careloopCall, put there by the call screen). */
async function inboundBytes(page: Page): Promise<{ total: number; video: number; peers: number }> {
  return page.evaluate(async () => {
    const probe = (
      window as unknown as {
        __careloopCall?: { stats(): Promise<{ bytesReceived: number; videoBytesReceived: number }[]> };
      }
    ).__careloopCall;
    if (!probe) return { total: 0, video: 0, peers: 0 };
    const stats = await probe.stats();
    return {
      total: stats.reduce((sum, s) => sum + s.bytesReceived, 0),
      video: stats.reduce((sum, s) => sum + s.videoBytesReceived, 0),
      peers: stats.length,
    };
  });
}

const phase = (page: Page) => page.getByTestId('call-page').getAttribute('data-phase');

describe('video call between the console and the patient app', () => {
  it('connects two browsers with real media, then ends into the history', async () => {
    await journey(browser, 'video-call', async ({ desktop, phone }) => {
      const patient = await phone('zh-CN');
      await signInWithPassword(patient, ZHANG_WEI, 'zh-CN', 'video-call-patient');

      const doctor = await desktop('zh-CN');
      await signInToConsole(doctor, DOCTOR.email, 'video-call-console');
      await doctor.goto(`/console/consultations/${consultationId}/call`);
      await doctor.getByTestId('call-start-video').waitFor();
      await expectAccessible(doctor, 'video-call-console-idle');

      // The console's socket connects in its own time: a start before that is refused as offline; try again.
      await expect
        .poll(
          async () => {
            if ((await phase(doctor)) === 'idle') await doctor.getByTestId('call-start-video').click();
            return phase(doctor);
          },
          { timeout: STEP_TIMEOUT, interval: 1_000, message: 'the doctor calls' },
        )
        .toBe('outgoing');

      // The banner rings on the patient's home page; answering opens the call screen and answers there.
      await patient.getByTestId('call-banner').waitFor();
      await expectAccessible(patient, 'video-call-banner');
      await screenshot(patient, 'video-call-banner');
      await patient.getByTestId('call-banner-answer').click();
      await patient.waitForURL(`**/consult/${consultationId}/call**`);
      await eventually(() => phase(patient), 'the patient is in the call').toBe('in-call');
      await eventually(() => phase(doctor), 'the doctor is in the call').toBe('in-call');
      await eventually(
        () => patient.getByTestId('call-page').getAttribute('data-connection'),
        'the peers connect',
      ).toBe('connected');

      // Media flow both ways, and keeps flowing.
      await eventually(async () => (await inboundBytes(doctor)).video > 0, 'video reaches the doctor').toBe(
        true,
      );
      await eventually(async () => (await inboundBytes(patient)).video > 0, 'video reaches the patient').toBe(
        true,
      );
      const doctorBefore = await inboundBytes(doctor);
      const patientBefore = await inboundBytes(patient);
      await eventually(async () => (await inboundBytes(doctor)).total > doctorBefore.total + 10_000).toBe(
        true,
      );
      await eventually(async () => (await inboundBytes(patient)).total > patientBefore.total + 10_000).toBe(
        true,
      );
      expect(doctorBefore.peers).toBe(1);
      expect(patientBefore.peers).toBe(1);
      await eventually(() => patient.getByTestId('call-status').innerText()).toMatch(/通话中 \d+:\d\d/);
      await screenshot(patient, 'video-call-patient');
      await screenshot(doctor, 'video-call-console');

      // Muting is local and visible on the button.
      await patient.getByTestId('call-mic').click();
      expect(await patient.getByTestId('call-mic').getAttribute('aria-pressed')).toBe('true');

      await doctor.getByTestId('call-hangup').click();
      await eventually(() => phase(patient), 'the patient sees the end').toBe('ended');
      expect(await phase(doctor)).toBe('ended');

      await patient.getByTestId('call-back').click();
      await patient.waitForURL(`**/consult/${consultationId}`);
      await patient.locator('[data-testid="chat-event"][data-event="call_ended"]').waitFor();
      await patient.locator('[data-testid="chat-event"][data-event="call_started"]').waitFor();
      await doctor.goto(`/console/consultations/${consultationId}`);
      await doctor.locator('[data-testid="consult-event"][data-event="call_ended"]').waitFor();
    });
  });
});
