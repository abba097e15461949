import { request, type APIRequestContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { DOCTOR, signInToConsole } from './support/console.ts';
import { PASSWORD, ZHANG_WEI, setPreferences } from './support/patient.ts';

// Remote monitoring in the console: 张伟's new BP monitor posts an urgent reading; the alert reaches the doctor's
// open inbox within a second without a reload; the doctor reads the readings behind it, acknowledges it and
// resolves it with a note that goes to the patient. Then the population board and 张伟's monitoring tab with his
// CGM fortnight (time in range, GMI, AGP), and the board in English.

const browser = useBrowser();
let patientApi: APIRequestContext;
let zhangId: string;
let deviceToken: string;

beforeAll(async () => {
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  patientApi = await request.newContext({ baseURL: baseUrl() });
  const login = await patientApi.post('/api/v1/auth/login', {
    data: { identifier: ZHANG_WEI.phone, password: PASSWORD },
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const me = (await (await patientApi.get('/api/v1/me/patients')).json()) as {
    items: { patient: { id: string }; relationship: string }[];
  };
  zhangId = me.items.find((p) => p.relationship === 'self')!.patient.id;
  const device = await patientApi.post(`/api/v1/patients/${zhangId}/devices`, {
    data: { kind: 'bp-monitor', model: 'Omron HEM-7136', serial: `E2E-BP-${Date.now()}` },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(device.status()).toBe(201);
  deviceToken = ((await device.json()) as { token: string }).token;
});
afterAll(async () => {
  await patientApi.dispose();
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
});

async function sendUrgentReading(): Promise<{ id: string; sentAt: number }> {
  const sentAt = Date.now();
  const res = await fetch(`${baseUrl()}/api/v1/readings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      readings: [
        {
          id: `e2e-${sentAt}`,
          type: 'blood-pressure',
          takenAt: new Date().toISOString(),
          systolic: 188,
          diastolic: 116,
          pulse: 96,
        },
      ],
    }),
  });
  const body = (await res.json()) as { alerts: { id: string; severity: string }[] };
  const urgent = body.alerts.find((a) => a.severity === 'urgent');
  if (!urgent) throw new Error(`no urgent alert in ${JSON.stringify(body)}`);
  return { id: urgent.id, sentAt };
}

async function openInbox(page: Page): Promise<void> {
  await page.getByTestId('nav-alerts').click();
  await page.waitForURL('**/console/alerts**');
  await page.getByTestId('alert-row').first().waitFor();
  await eventually(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('connected');
}

describe('remote monitoring in the console', () => {
  it('an urgent reading reaches the open inbox within a second, and is acknowledged and resolved', async () => {
    await journey(browser(), 'monitoring-console', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'monitoring-console-login');
      await openInbox(page);
      await expectAccessible(page, 'alerts-inbox');

      const { id, sentAt } = await sendUrgentReading();
      const row = page.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`);
      await row.waitFor({ timeout: 5_000 });
      const latency = Date.now() - sentAt;
      expect(latency, `alert shown ${latency} ms after the reading was sent`).toBeLessThan(1_000);
      expect(await row.getAttribute('data-severity')).toBe('urgent');
      await screenshot(page, 'alerts-inbox-live');

      await row.getByTestId('alert-open').click();
      await page.getByTestId('alert-detail').waitFor();
      await page.getByTestId('alert-readings').waitFor();
      expect(await page.getByTestId('alert-readings').innerText()).toContain('188');
      expect(await page.getByTestId('alert-advice').innerText()).toContain('120');
      await expectAccessible(page, 'alert-drawer');
      await screenshot(page, 'alert-drawer');

      await page.getByTestId('alert-acknowledge-detail').click();
      await eventually(() => page.getByTestId('alert-detail').getAttribute('data-status')).toBe(
        'acknowledged',
      );
      await page.getByTestId('alert-resolve').click();
      await page.getByTestId('alert-resolve-action').locator('input[value="message-patient"]').check();
      await page.getByTestId('alert-resolve-note').fill('已电话联系，复测 152/94，今日门诊就诊');
      await page.getByTestId('alert-resolve-submit').click();
      await eventually(() => page.getByTestId('alert-detail').getAttribute('data-status')).toBe('resolved');
      await eventually(() => page.getByTestId('alert-events').innerText()).toContain('王建国');
      await screenshot(page, 'alert-resolved');

      // The note reached 张伟's notifications.
      const inbox = (await (await patientApi.get('/api/v1/me/notifications')).json()) as {
        items: { body: string }[];
      };
      expect(inbox.items.some((n) => n.body.includes('复测 152/94'))).toBe(true);
    });
  });

  it("shows the board by risk and 张伟's CGM fortnight with time in range, GMI and an AGP", async () => {
    await journey(browser(), 'monitoring-board', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'monitoring-board-login');
      await page.getByTestId('nav-monitoring').click();
      await page.waitForURL('**/console/monitoring**');
      await page.getByTestId('board-row').first().waitFor();
      expect(await page.getByTestId('board-row').first().getAttribute('data-status')).toBe('urgent');
      await expectAccessible(page, 'monitoring-board');
      await screenshot(page, 'monitoring-board');

      await page.goto(`/console/patients/${zhangId}?tab=monitoring`);
      await page.getByTestId('patient-monitoring').waitFor();
      await page.getByTestId('glucose-targets').waitFor();
      await page.getByTestId('chart-agp').locator('canvas').first().waitFor();
      const glucose = await page.getByTestId('monitoring-glucose').innerText();
      expect(glucose).toMatch(/GMI/);
      expect(glucose).toMatch(/\d+(\.\d)?\s*%/);
      await page.getByTestId('monitoring-rules').waitFor();
      expect(await page.getByTestId('rule-row').count()).toBeGreaterThan(5);
      await expectAccessible(page, 'patient-monitoring');
      await screenshot(page, 'patient-monitoring');
    });
  });

  it('reads the board in English', async () => {
    await setPreferences(DOCTOR.email, { locale: 'en-US' });
    await journey(browser(), 'monitoring-board-en', async ({ desktop }) => {
      const page = await desktop('en-US');
      await signInToConsole(page, DOCTOR.email, 'monitoring-board-en-login');
      await page.getByTestId('nav-monitoring').click();
      await page.getByTestId('board-row').first().waitFor();
      expect(await page.getByTestId('board-count-urgent').innerText()).toMatch(/Urgent/i);
      await expectAccessible(page, 'monitoring-board-en');
      await screenshot(page, 'monitoring-board-en');
    });
  });
});
