import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';

// From "what is wrong with me" to a place in the queue, on a 375 × 812 phone: 张伟 describes his symptoms in
// Chinese, answers (or skips) the follow-up questions, gets an urgency and departments with endocrinology among
// the top three, books a listed doctor's time, finds it under my appointments, checks in when the check-in window
// is open and sees his place in the queue. A chest-pain description gets the emergency card with 120 at once.

const browser = useBrowser();
const PHONE = { width: 375, height: 812 };
const DIABETES = '最近两周口渴，多尿，体重下降';
const CHEST_PAIN = '胸口压榨样疼痛，出冷汗，左臂发麻';

async function signedIn(open: () => Promise<Page>, step: string): Promise<Page> {
  const page = await open();
  await page.setViewportSize(PHONE);
  await signInWithPassword(page, ZHANG_WEI, 'zh-CN', step);
  return page;
}

async function expectFitsWidth(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
}

/** Services → symptom check → the symptoms sent; waits for the chat page. */
async function describeSymptoms(page: Page, text: string, step: string): Promise<void> {
  await page.getByTestId('tab-services').locator('a').click();
  await page.waitForURL('**/services');
  await page.getByTestId('services-triage').click();
  await page.waitForURL('**/triage');
  await page.getByTestId('triage-text').fill(text);
  await expectAccessible(page, `${step}-start`);
  await page.getByTestId('triage-submit').click();
  await page.waitForURL(/\/triage\/[0-9a-f-]{36}$/);
}

/** Answers the follow-up questions until the result shows: age and sex when asked, anything else skipped. */
async function answerQuestions(page: Page): Promise<void> {
  for (let asked = 0; asked < 8; asked += 1) {
    const question = page.getByTestId('triage-question');
    const result = page.getByTestId('triage-result');
    await Promise.race([question.waitFor(), result.waitFor()]);
    if (await result.isVisible()) return;
    const id = await question.getAttribute('data-question-id');
    if (asked === 0) await expectAccessible(page, 'triage-question');
    if (id === 'age' && (await page.getByTestId('triage-number').count()) > 0) {
      await page.getByTestId('triage-number').fill('45');
      await page.getByTestId('triage-number-submit').click();
    } else if (
      id === 'sex' &&
      (await page.locator('[data-testid="triage-option"][data-value="male"]').count())
    ) {
      await page.locator('[data-testid="triage-option"][data-value="male"]').click();
    } else {
      await page.getByTestId('triage-skip').click();
    }
    // The next question (or the result) replaces this one.
    await eventually(async () =>
      (await page.getByTestId('triage-result').count()) > 0
        ? 'done'
        : await page.getByTestId('triage-question').getAttribute('data-question-id'),
    ).not.toBe(id);
  }
  await page.getByTestId('triage-result').waitFor();
}

describe('symptom check to the queue on the patient app', () => {
  beforeAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  });

  it('张伟 describes thirst and weight loss in Chinese, gets endocrinology, books a listed doctor, checks in and sees his place', async () => {
    await journey(browser(), 'triage-booking', async ({ phone }) => {
      const page = await signedIn(() => phone('zh-CN'), 'triage-login');
      await describeSymptoms(page, DIABETES, 'triage');
      await answerQuestions(page);
      expect(await page.getByTestId('triage-emergency').count()).toBe(0);
      const level = await page.getByTestId('triage-urgency').getAttribute('data-level');
      expect(['within_24h', 'routine', 'self_care']).toContain(level);
      const departments = await page.getByTestId('triage-department-name').allInnerTexts();
      expect(departments.length).toBeGreaterThan(0);
      expect(departments.length).toBeLessThanOrEqual(3);
      expect(departments.some((name) => name.includes('内分泌'))).toBe(true);
      await expectAccessible(page, 'triage-result');
      await expectFitsWidth(page, 'triage result');
      await screenshot(page, 'triage-result');

      // The soonest in-person time of a listed doctor (today's when the demo has one, so check-in can open).
      const chips = page.locator('[data-testid="triage-slot"][data-mode="in_person"]');
      await chips.first().waitFor();
      const starts = await chips.evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-starts-at') ?? ''),
      );
      const soonest = starts.indexOf([...starts].sort()[0] ?? '');
      await chips.nth(Math.max(soonest, 0)).click();
      await page.waitForURL(/\/book\/doctors\/[0-9a-f-]{36}\?/);
      await page.getByTestId('book-confirm').waitFor();
      await expectAccessible(page, 'book-confirm');
      await expectFitsWidth(page, 'book confirm');
      await screenshot(page, 'book-confirm');
      await page.getByTestId('book-submit').click();
      await page.waitForURL(/\/appointments\/[0-9a-f-]{36}\?done=booked$/);
      const appointmentId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('book-done').waitFor();
      await expectAccessible(page, 'appointment-booked');
      await screenshot(page, 'appointment-booked');

      // My appointments lists it.
      await page.goto('/appointments');
      await page
        .locator(`[data-testid="appointment-item"][data-appointment-id="${appointmentId}"]`)
        .waitFor();
      expect(
        await page
          .locator(`[data-testid="appointment-item"][data-appointment-id="${appointmentId}"]`)
          .getAttribute('data-status'),
      ).toBe('booked');
      await expectAccessible(page, 'appointments');
      await screenshot(page, 'appointments');

      // Check in when its window is open, then the queue.
      await page.locator(`[data-appointment-id="${appointmentId}"] [data-testid="appointment-open"]`).click();
      await page.getByTestId('appointment-detail').waitFor();
      await page.getByTestId('change-card').waitFor();
      if ((await page.getByTestId('appointment-check-in').count()) === 0) {
        // No time today in the check-in window: the page says when check-in opens instead.
        expect(await page.getByTestId('checkin-early').count()).toBe(1);
        await expectAccessible(page, 'appointment-detail');
        return;
      }
      await page.getByTestId('appointment-check-in').click();
      await page.waitForURL(`**/appointments/${appointmentId}/queue`);
      await page.getByTestId('queue-card').waitFor();
      await eventually(() => page.getByTestId('queue-live').getAttribute('data-live')).toBe('true');
      expect(await page.getByTestId('queue-number').innerText()).toMatch(/\d+/);
      expect(await page.getByTestId('queue-state').innerText()).not.toBe('');
      await expectAccessible(page, 'queue');
      await expectFitsWidth(page, 'queue');
      await screenshot(page, 'queue');
    });
  });

  it('a chest-pain description shows the emergency card with the 120 call at once', async () => {
    await journey(browser(), 'triage-emergency', async ({ phone }) => {
      const page = await signedIn(() => phone('zh-CN'), 'triage-emergency-login');
      await describeSymptoms(page, CHEST_PAIN, 'triage-emergency');
      // At once: from the first answer, before any question or result below it.
      const card = page.getByTestId('triage-emergency');
      await card.waitFor();
      expect(await page.getByTestId('triage-call').getAttribute('href')).toBe('tel:120');
      expect(await page.getByTestId('triage-red-flag').count()).toBeGreaterThan(0);
      const cardTop = (await card.boundingBox())!.y;
      const logTop = (await page.getByTestId('triage-log').boundingBox())!.y;
      expect(cardTop).toBeLessThan(logTop);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'triage-emergency',
      );
      await expectAccessible(page, 'triage-emergency');
      await expectFitsWidth(page, 'triage emergency');
      await screenshot(page, 'triage-emergency');
    });
  });
});
