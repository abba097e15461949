import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { measure, smallTargets, smallText, tightLines } from './support/elder.ts';
import { patientText } from './support/i18n.ts';
import {
  WANG_FANG,
  ZHANG_WEI,
  elderAttribute,
  savingPreferences,
  setPreferences,
  signInWithPassword,
  signOut,
} from './support/patient.ts';

// MIIT 2021 elder-friendly app specification (移动互联网应用适老化通用设计规范), as product.md states it.
const ELDER = { minText: 18, minLargest: 30, lineHeight: 1.3, minTarget: 60 } as const;
const NORMAL_MIN_TARGET = 44;

const browser = useBrowser();
const zh = patientText['zh-CN'];

/** The three pages the numbers are measured on, reached as a person would: Home, Me, Me → Family. */
const PAGES: { name: string; open(page: Page): Promise<void> }[] = [
  {
    name: 'home',
    async open(page) {
      await page.getByTestId('tab-home').locator('a').click();
      await page.waitForURL('**/home');
      await page.getByTestId('elder-switch').waitFor();
    },
  },
  {
    name: 'me',
    async open(page) {
      await page.getByTestId('tab-me').locator('a').click();
      await page.waitForURL('**/me');
      await page.getByTestId('sign-out').waitFor();
    },
  },
  {
    name: 'family',
    async open(page) {
      await page.getByTestId('tab-me').locator('a').click();
      await page.getByTestId('me-family').click();
      await page.waitForURL('**/me/family');
      await page.getByTestId('family-item').first().waitFor();
    },
  },
  {
    name: 'family-new',
    async open(page) {
      await page.getByTestId('family-add').click();
      await page.waitForURL('**/me/family/new');
      await page.getByTestId('family-submit').waitFor();
    },
  },
];

/** Measures the page as rendered and checks every elder-mode number, then axe (which checks contrast). */
async function expectElderNumbers(page: Page, name: string): Promise<void> {
  const m = await measure(page);
  expect(m.bodyFontSize, `body font-size on ${name}`).toBeGreaterThanOrEqual(ELDER.minText);
  expect(smallText(m, ELDER.minText), `text under 18 px on ${name}`).toEqual([]);
  expect(m.largestHeading, `largest heading on ${name}`).toBeGreaterThanOrEqual(ELDER.minLargest);
  expect(tightLines(m, ELDER.lineHeight), `line height under 1.3 × font size on ${name}`).toEqual([]);
  expect(m.targets.length, `interactive elements on ${name}`).toBeGreaterThan(3);
  expect(smallTargets(m, ELDER.minTarget), `tap targets under 60 × 60 px on ${name}`).toEqual([]);
  await expectAccessible(page, `elder-${name}`);
}

describe('elder mode (关怀模式)', () => {
  beforeAll(async () => {
    await setPreferences(WANG_FANG.phone, { locale: 'zh-CN', elderMode: false });
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  });

  it('in normal mode every tap target is at least 44 × 44 px', async () => {
    await journey(browser(), 'normal-mode-targets', async ({ phone }) => {
      const page = await phone('zh-CN');
      await signInWithPassword(page, ZHANG_WEI);
      expect(await elderAttribute(page)).toBe('false');
      for (const { name, open } of PAGES) {
        await open(page);
        const m = await measure(page);
        expect(m.targets.length, `interactive elements on ${name}`).toBeGreaterThan(3);
        expect(smallTargets(m, NORMAL_MIN_TARGET), `targets under 44 × 44 on ${name}`).toEqual([]);
        await expectAccessible(page, `normal-${name}`);
      }
    });
  });

  it('switched on from the home page, it meets the text, line-height and tap-target numbers, and axe passes', async () => {
    await journey(browser(), 'elder-mode-numbers', async ({ phone }) => {
      const page = await phone('zh-CN');
      try {
        await signInWithPassword(page, ZHANG_WEI);
        const elderSwitch = page.getByTestId('elder-switch');
        expect(await elderSwitch.getAttribute('aria-checked')).toBe('false');
        await savingPreferences(page, () => elderSwitch.click());
        await eventually(() => elderAttribute(page)).toBe('true');
        expect(await elderSwitch.getAttribute('aria-checked')).toBe('true');
        // Fewer things per screen: the home page keeps the greeting, today and the switch only.
        expect(await page.getByTestId('profile-option').count()).toBe(0);
        expect(await page.getByTestId('today-card').isVisible()).toBe(true);

        for (const { name, open } of PAGES) {
          await open(page);
          await expectElderNumbers(page, name);
          await screenshot(page, `elder-${name}`);
        }

        // The settings page shows the same state, with its own switch.
        await page.getByTestId('tab-me').locator('a').click();
        expect(await page.getByTestId('me-elder-mode').innerText()).toContain(zh.elder.stateOn);
        await page.getByTestId('me-elder-mode').click();
        await page.waitForURL('**/me/elder-mode');
        expect(await page.getByTestId('elder-switch-settings').getAttribute('aria-checked')).toBe('true');
        await expectAccessible(page, 'elder-settings');
      } finally {
        await setPreferences(ZHANG_WEI.phone, { elderMode: false });
      }
    });
  });

  it('is remembered for the account across sign-out and sign-in, and only for that account', async () => {
    await journey(browser(), 'elder-mode-per-account', async ({ phone }) => {
      const page = await phone('zh-CN');
      try {
        await signInWithPassword(page, WANG_FANG);
        await savingPreferences(page, () => page.getByTestId('elder-switch').click());
        await eventually(() => elderAttribute(page)).toBe('true');

        // The sign-in page keeps the device's last mode, so an elderly person can read it too, at the same sizes.
        await signOut(page);
        expect(await elderAttribute(page)).toBe('true');
        await expectElderNumbers(page, 'login');

        // Another account on the same phone gets its own (off) setting ...
        await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'patient-login-elder');
        await eventually(() => elderAttribute(page)).toBe('false');
        expect(await page.getByTestId('elder-switch').getAttribute('aria-checked')).toBe('false');
        await signOut(page);

        // ... and 王芳's comes back when she signs in again, on this phone and on a new one.
        await signInWithPassword(page, WANG_FANG, 'zh-CN', 'patient-login-normal');
        await eventually(() => elderAttribute(page)).toBe('true');
        expect(await page.getByTestId('elder-switch').getAttribute('aria-checked')).toBe('true');

        const newPhone = await phone('zh-CN');
        await signInWithPassword(newPhone, WANG_FANG, 'zh-CN', 'patient-login-new-phone');
        await eventually(() => elderAttribute(newPhone)).toBe('true');

        // Switching off from the home page works the same way.
        await savingPreferences(page, () => page.getByTestId('elder-switch').click());
        await eventually(() => elderAttribute(page)).toBe('false');
      } finally {
        await setPreferences(WANG_FANG.phone, { elderMode: false });
      }
    });
  });
});
