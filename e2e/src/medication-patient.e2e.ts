import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { signInToConsole } from './support/console.ts';
import { consoleText, patientText } from './support/i18n.ts';
import { ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';
import { measure, smallTargets, smallText } from './support/elder.ts';

// From prescription to adherence, on a 375 × 812 phone: 张伟 orders his approved atorvastatin prescription for
// delivery to his saved address and pays (the dev payment transport confirms by its signed callback); the
// pharmacist dispenses and ships it in the console, and the dev courier's signed callback reports it delivered; he
// follows the tracking, marks today's doses taken and skipped, and sees his adherence chart.

const browser = useBrowser();
const PHONE = { width: 375, height: 812 };
const PHARMACIST = 'pharmacist@demo.careloop.cn';
const zh = patientText['zh-CN'];
const consoleZh = consoleText['zh-CN'];

async function expectFitsWidth(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
}

/**
 * "HH:MM" in Asia/Shanghai (the demo clinic's zone, in which today's list is laid out) `minutes` from now, or just
 * before midnight when less of today is left; in the day's last minute it waits for tomorrow first.
 */
async function laterTodayInShanghai(minutes: number): Promise<string> {
  const clock = (at: Date) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  let now = minuteOfDay(clock(new Date()));
  if (now >= 23 * 60 + 59) {
    await new Promise((resolve) => setTimeout(resolve, (60 - new Date().getSeconds() + 5) * 1_000));
    now = minuteOfDay(clock(new Date()));
  }
  const target = Math.min(now + minutes, 23 * 60 + 59);
  return `${String(Math.floor(target / 60)).padStart(2, '0')}:${String(target % 60).padStart(2, '0')}`;
}

describe('medication orders, delivery and adherence on the patient app', () => {
  beforeAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
    // The console reads in the account's own language: another journey may have left the pharmacist in English.
    await setPreferences(PHARMACIST, { locale: 'zh-CN' });
  });

  it('张伟 orders and pays, the pharmacy dispenses and ships, the courier delivers, he marks doses and sees adherence', async () => {
    await journey(browser(), 'medication', async ({ phone, desktop }) => {
      const page = await phone('zh-CN');
      await page.setViewportSize(PHONE);
      await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'meds-login');

      // Services → my prescriptions: the approved, not yet ordered one has an order button.
      await page.getByTestId('tab-services').locator('a').click();
      await page.getByTestId('services-prescriptions').click();
      await page.waitForURL('**/pharmacy/prescriptions');
      const orderButton = page.locator('button[data-testid^="order-"]').first();
      await orderButton.waitFor();
      await screenshot(page, 'meds-prescriptions');
      await expectAccessible(page, 'meds-prescriptions');
      await expectFitsWidth(page, 'prescriptions');
      await orderButton.click();
      await page.waitForURL(/\/pharmacy\/prescriptions\/[0-9a-f-]{36}\/order$/);

      // Delivery to the saved address, then pay.
      await page.getByTestId('fulfilment-delivery').click();
      await page.locator('input[name="address"]').first().waitFor();
      await expectAccessible(page, 'meds-order');
      await page.getByTestId('order-submit').click();
      await page.waitForURL(/\/pharmacy\/orders\/[0-9a-f-]{36}$/);
      const orderId = page.url().split('/').at(-1)!;
      await page.getByTestId('order-pay').click();
      await eventually(() => page.getByTestId('order-status').innerText()).toBe(zh.pharmacy.status.paid);
      await screenshot(page, 'meds-order-paid');
      await expectAccessible(page, 'meds-order-paid');

      // The pharmacist dispenses and ships; the dev courier reports the delivery by its signed callback.
      const console = await desktop('zh-CN');
      await signInToConsole(console, PHARMACIST, 'meds-pharmacist-login');
      await console.getByTestId('nav-dispensing').click();
      await console.getByTestId(`dispense-${orderId}`).click();
      await console.getByRole('tab', { name: consoleZh.medication.dispensing.tabs.dispensed }).click();
      await console.getByTestId(`ship-${orderId}`).click();
      await console.getByRole('tab', { name: consoleZh.medication.dispensing.tabs.shipped }).click();
      await console.getByTestId(`deliver-${orderId}`).waitFor();
      await screenshot(console, 'meds-console-shipped');
      await expectAccessible(console, 'meds-console-shipped');
      await console.getByTestId(`deliver-${orderId}`).click();
      await eventually(() => console.getByTestId(`deliver-${orderId}`).count()).toBe(0);

      // He sees the tracking and the delivery.
      await page.reload();
      await eventually(() => page.getByTestId('order-status').innerText()).toBe(zh.pharmacy.status.delivered);
      await eventually(() => page.getByTestId('tracking').innerText()).toContain(
        zh.pharmacy.shipment.delivered,
      );
      await screenshot(page, 'meds-tracking');
      await expectAccessible(page, 'meds-tracking');
      await expectFitsWidth(page, 'tracking');

      // Today's medications: he moves tonight's atorvastatin to later today, takes it, and skips another dose: one
      // still to take, or late in the evening, when the demo has the day's other doses taken, changes one to skipped.
      await page.goto('/medications/today');
      const list = page.getByTestId('dose-list');
      await list.waitFor();
      const soon = await laterTodayInShanghai(60);
      const statin = page.locator('fieldset[data-testid^="schedule-阿托伐他汀"]');
      await statin.locator('input[type="time"]').fill(soon);
      await statin.getByRole('button', { name: zh.meds.times.save }).click();
      const statinDose = list.locator(`li[data-testid^="dose-${soon}-阿托伐他汀"]`);
      await statinDose.waitFor();
      await statinDose.getByRole('button', { name: new RegExp(zh.meds.today.taken) }).click();
      await eventually(() => statinDose.getByTestId('dose-status').innerText()).toBe(zh.meds.status.taken);
      const skipped = list.locator('li[data-status="skipped"]');
      const skippedBefore = await skipped.count();
      const pending = list.locator('li[data-status="pending"]');
      const other =
        (await pending.count()) > 0
          ? pending.first()
          : list.locator('li[data-status="taken"]:not([data-testid*="阿托伐他汀"])').first();
      await other.getByRole('button', { name: new RegExp(zh.meds.today.skip) }).click();
      await page.getByRole('button', { name: zh.meds.reasons.side_effect }).click();
      await eventually(() => skipped.count()).toBe(skippedBefore + 1);
      await eventually(() => list.innerText()).toContain(zh.meds.status.skipped);
      await screenshot(page, 'meds-today');
      await expectAccessible(page, 'meds-today');
      await expectFitsWidth(page, 'today');

      // Adherence over 30 days: a chart per day and per medication.
      await page.getByTestId('meds-adherence-link').click();
      await page.waitForURL('**/medications/adherence');
      await page.getByRole('button', { name: /30/ }).click();
      await page.getByTestId('adherence-daily-chart').locator('canvas').waitFor();
      await page.getByTestId('adherence-medication-chart').locator('canvas').waitFor();
      await eventually(() => page.getByTestId('adherence-overall').innerText()).toMatch(/\d+%/);
      await screenshot(page, 'meds-adherence');
      await expectAccessible(page, 'meds-adherence');
      await expectFitsWidth(page, 'adherence');
    });
  }, 180_000);

  it("in elder mode, Today's medications and the prescriptions read large with large buttons", async () => {
    await setPreferences(ZHANG_WEI.phone, { elderMode: true });
    try {
      await journey(browser(), 'medication-elder', async ({ phone }) => {
        const page = await phone('zh-CN');
        await page.setViewportSize(PHONE);
        await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'meds-elder-login');
        await eventually(() => page.evaluate(() => document.documentElement.dataset.elder)).toBe('true');
        for (const [path, name] of [
          ['/medications/today', 'today'],
          ['/pharmacy/prescriptions', 'prescriptions'],
        ] as const) {
          await page.goto(path);
          await page.locator('main li, main section').first().waitFor();
          const m = await measure(page);
          expect(smallText(m, 18), `small text on ${name}`).toEqual([]);
          expect(smallTargets(m, 60), `small tap targets on ${name}`).toEqual([]);
          await expectFitsWidth(page, `${name} (elder)`);
          await expectAccessible(page, `meds-elder-${name}`);
          await screenshot(page, `meds-elder-${name}`);
        }
      });
    } finally {
      await setPreferences(ZHANG_WEI.phone, { elderMode: false });
    }
  });
});
