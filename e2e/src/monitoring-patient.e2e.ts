import type { Page } from 'playwright-core';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { patientText } from './support/i18n.ts';
import { ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';

// Home monitoring on a phone: 张伟 (on a plan, with a fortnight of CGM data in the demo) records a low glucose and
// is told at once what to do; records a blood pressure, then another without a connection (it waits and goes out
// once he is back online, once); reads his trends with time in range; registers a meter; and reads it in English.

const browser = useBrowser();
const PHONE = { width: 375, height: 667 };

async function openMonitoring(page: Page): Promise<void> {
  await page.getByTestId('home-monitoring').click();
  await page.waitForURL('**/monitoring');
  await page.getByTestId('today-readings').waitFor();
}

async function fitsWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function recordBp(page: Page, systolic: string, diastolic: string): Promise<void> {
  await page.getByTestId('monitoring-record').click();
  await page.getByTestId('monitoring-reading-form').waitFor();
  await page.getByTestId('monitoring-type-blood-pressure').click();
  await page.getByTestId('monitoring-systolic').fill(systolic);
  await page.getByTestId('monitoring-diastolic').fill(diastolic);
  await page.getByTestId('monitoring-save').click();
}

describe('home monitoring on a phone', () => {
  beforeAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  });
  afterAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  });

  it('张伟 records a low glucose and is told what to do, records readings online and offline, and reads his trends', async () => {
    await journey(browser(), 'monitoring-patient', async ({ phone }) => {
      const page = await phone('zh-CN');
      await page.setViewportSize(PHONE);
      await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'monitoring-login');
      await openMonitoring(page);
      await page.getByTestId('monitoring-reminders').waitFor();
      expect(await page.getByTestId('reminder-slot').count()).toBeGreaterThan(0);
      await page.getByTestId('monitoring-record').click();
      await page.getByTestId('monitoring-type-glucose').click();
      await page.getByTestId('monitoring-value').fill('2.6');
      await page.getByTestId('monitoring-context-fasting').click();
      await page.getByTestId('monitoring-save').click();
      await eventually(() => page.getByTestId('advice-text').innerText()).toMatch(/15\s*克/);
      await expectAccessible(page, 'monitoring-advice');
      await screenshot(page, 'monitoring-advice');
      await page.getByTestId('advice-ok').click();
      await page.goto('/monitoring');
      await page.getByTestId('today-readings').waitFor();
      await eventually(() => page.getByTestId('urgent-advice').innerText()).toMatch(/15\s*克/);
      // Today's readings load on their own, after the advice; wait for them rather than count an empty list.
      await eventually(() => page.getByTestId('today-reading').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'monitoring-home');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'monitoring-home');

      await recordBp(page, '128', '82');
      await page.getByTestId('monitoring-result').waitFor();
      await expectAccessible(page, 'monitoring-result');
      await screenshot(page, 'monitoring-result');

      // Offline: the reading waits on the phone, then goes out by itself, once.
      await page.goto('/monitoring');
      await page.getByTestId('today-readings').waitFor();
      await page.context().setOffline(true);
      await recordBp(page, '131', '84');
      await page.getByTestId('monitoring-queued').waitFor();
      await screenshot(page, 'monitoring-queued');
      await page.context().setOffline(false);
      await page.goto('/monitoring');
      await eventually(async () => page.getByTestId('outbox-count').count(), 'the queue empties').toBe(0);
      const stored = await page.evaluate(async () => {
        const me = (await (await fetch('/api/v1/me/patients')).json()) as {
          items: { patient: { id: string }; relationship: string }[];
        };
        const id = me.items.find((p) => p.relationship === 'self')!.patient.id;
        const res = await fetch(`/api/v1/patients/${id}/readings?type=blood-pressure&limit=50`);
        return ((await res.json()) as { items: { systolic: number; diastolic: number }[] }).items;
      });
      expect(stored.filter((r) => r.systolic === 131 && r.diastolic === 84)).toHaveLength(1);
      expect(stored.filter((r) => r.systolic === 128 && r.diastolic === 82)).toHaveLength(1);

      await page.getByTestId('monitoring-trends-link').click();
      await page.waitForURL('**/monitoring/trends**');
      await eventually(() => page.getByTestId('metric-glucose-tir').innerText()).toMatch(/\d+(\.\d)?\s*%/);
      await page.getByTestId('metric-glucose-gmi').waitFor();
      await page.getByTestId('monitoring-chart-glucose').waitFor();
      await page.getByTestId('monitoring-chart-blood-pressure').waitFor();
      await expectAccessible(page, 'monitoring-trends');
      expect(await fitsWidth(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'monitoring-trends');

      await page.goto('/monitoring/devices');
      await page.getByTestId('device-add').click();
      await page.getByTestId('device-form').waitFor();
      await page.getByTestId('device-kind').selectOption('glucose-meter');
      await page.getByTestId('device-model').fill('Yuwell 660B');
      await page.getByTestId('device-serial').fill(`E2E-${Date.now()}`);
      await page.getByTestId('device-save').click();
      await eventually(() => page.getByTestId('device-token').inputValue()).toMatch(/^cld_/);
      expect(await page.getByTestId('device-topic').innerText()).toContain('careloop/v1/devices/');
      await expectAccessible(page, 'monitoring-device-token');
      await screenshot(page, 'monitoring-device-token');
    });
  });

  it('reads the same trends in English', async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'en-US' });
    await journey(browser(), 'monitoring-patient-en', async ({ phone }) => {
      const page = await phone('en-US');
      await page.setViewportSize(PHONE);
      await signInWithPassword(page, ZHANG_WEI, 'en-US', 'monitoring-login-en');
      await page.goto('/monitoring/trends?days=14');
      await eventually(() => page.getByTestId('metric-glucose-tir').innerText()).toMatch(/\d+(\.\d)?\s*%/);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        patientText['en-US'].monitoring.trends.title,
      );
      await expectAccessible(page, 'monitoring-trends-en');
      await screenshot(page, 'monitoring-trends-en');
    });
  });
});
