import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { expectSms } from './support/db.ts';
import { greetingPattern, patientText, templatePattern } from './support/i18n.ts';
import {
  WANG_FANG,
  ZHANG_WEI,
  elderAttribute,
  htmlLang,
  savingPreferences,
  setPreferences,
  signInWithPassword,
} from './support/patient.ts';

const browser = useBrowser();
const TABS = ['home', 'consult', 'records', 'services', 'me'] as const;

/** The tab bar's labels, in order, as the person sees them. */
async function tabLabels(page: Page): Promise<string[]> {
  return Promise.all(
    TABS.map((tab) =>
      page
        .getByTestId(`tab-${tab}`)
        .innerText()
        .then((s) => s.trim()),
    ),
  );
}

async function openTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.getByTestId(`tab-${tab}`).locator('a').click();
  await page.waitForURL(`**/${tab}`);
  await eventually(() => page.getByTestId(`tab-${tab}`).locator('a').getAttribute('aria-current')).toBe(
    'page',
  );
}

describe('patient app on a phone', () => {
  beforeAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
    await setPreferences(WANG_FANG.phone, { locale: 'zh-CN', elderMode: false });
  });

  it('张伟 signs in with his password, is greeted by name, and every tab opens its page', async () => {
    await journey(browser(), 'patient-tabs', async ({ phone }) => {
      const page = await phone('zh-CN');
      const zh = patientText['zh-CN'];

      await signInWithPassword(page, ZHANG_WEI, 'zh-CN', 'patient-tabs-login');
      expect(await page.getByTestId('home-greeting').innerText()).toMatch(greetingPattern('zh-CN', '张伟'));
      // He is on a monitoring plan (demo data): today's card shows what to measure and links to monitoring.
      await page.getByTestId('home-monitoring').waitFor();
      expect(await tabLabels(page)).toEqual(TABS.map((tab) => zh.nav[tab]));
      expect(await htmlLang(page)).toBe('zh-CN');
      await screenshot(page, 'patient-home');

      await openTab(page, 'consult');
      await page.getByTestId('consult-start').waitFor();
      expect(await page.getByTestId('consult-start').innerText()).toContain(zh.consult.start);
      await expectAccessible(page, 'patient-consult');

      await openTab(page, 'records');
      const demographics = page.getByTestId('records-demographics');
      await eventually(() => demographics.innerText()).toContain('张伟');
      const details = await demographics.innerText();
      expect(details).toContain(zh.records.name);
      expect(details).toContain(zh.sex.male);
      expect(details).toContain('1968');
      await expectAccessible(page, 'patient-records');
      await screenshot(page, 'patient-records');

      await openTab(page, 'services');
      expect(await page.getByTestId('services-triage').innerText()).toContain(zh.triage.entry.title);
      await expectAccessible(page, 'patient-services');

      await openTab(page, 'me');
      expect(await page.getByTestId('me-name').innerText()).toBe('张伟');
      await expectAccessible(page, 'patient-me');

      await openTab(page, 'home');
      await page.getByTestId('home-greeting').waitFor();
    });
  });

  it('王芳 switches the app to English; it changes at once, and stays English on reload and on a new device', async () => {
    await journey(browser(), 'patient-language', async ({ phone }) => {
      const page = await phone('zh-CN');
      const [zh, en] = [patientText['zh-CN'], patientText['en-US']];
      try {
        await signInWithPassword(page, WANG_FANG);
        expect(await tabLabels(page)).toEqual(TABS.map((tab) => zh.nav[tab]));
        expect(await htmlLang(page)).toBe('zh-CN');

        await openTab(page, 'me');
        await expectAccessible(page, 'patient-me-zh');
        await page.getByTestId('me-language').click();
        await page.waitForURL('**/me/language');
        await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.language.title);
        await expectAccessible(page, 'patient-language-zh');

        await savingPreferences(page, () => page.getByTestId('lang-en-US').click());
        await eventually(() => tabLabels(page)).toEqual(TABS.map((tab) => en.nav[tab]));
        expect(await htmlLang(page)).toBe('en-US');
        await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(en.language.title);
        expect(await page.getByTestId('lang-en-US').locator('input').isChecked()).toBe(true);
        await expectAccessible(page, 'patient-language-en');
        await screenshot(page, 'patient-language-en');

        // The choice belongs to the account: even with this device's memory wiped, a reload comes back English.
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await eventually(() => tabLabels(page)).toEqual(TABS.map((tab) => en.nav[tab]));
        expect(await htmlLang(page)).toBe('en-US');
        await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(en.language.title);

        // And on another phone whose browser prefers Chinese, signing in brings the English back.
        const other = await phone('zh-CN');
        await signInWithPassword(other, WANG_FANG, 'en-US', 'patient-login-zh-device');
        expect(await htmlLang(other)).toBe('en-US');
        expect(await tabLabels(other)).toEqual(TABS.map((tab) => en.nav[tab]));

        // Back to Chinese from the same page.
        await savingPreferences(page, () => page.getByTestId('lang-zh-CN').click());
        await eventually(() => tabLabels(page)).toEqual(TABS.map((tab) => zh.nav[tab]));
        expect(await htmlLang(page)).toBe('zh-CN');
      } finally {
        await setPreferences(WANG_FANG.phone, { locale: 'zh-CN' });
      }
    });
  });

  it('张伟 signs in with a code sent by SMS', async () => {
    await journey(browser(), 'patient-sms-login', async ({ phone }) => {
      const page = await phone('zh-CN');
      const zh = patientText['zh-CN'];
      await page.goto('/login');
      await page.getByTestId('login-tab-sms').click();
      expect(await page.getByTestId('login-tab-sms').getAttribute('aria-selected')).toBe('true');
      await page.getByTestId('sms-phone').fill(ZHANG_WEI.phone);
      await expectAccessible(page, 'patient-login-sms');

      const sms = await expectSms(ZHANG_WEI.phone);
      await page.getByTestId('sms-send').click();
      await eventually(() => page.getByRole('status').first().innerText()).toContain(zh.auth.codeSent);
      // The button counts down before another code may be asked for.
      expect(await page.getByTestId('sms-send').isDisabled()).toBe(true);
      expect(await page.getByTestId('sms-send').innerText()).toMatch(templatePattern(zh.auth.resendIn));
      const code = await sms.code();
      expect(code).toMatch(/^\d{6}$/);

      await page.getByTestId('sms-code').fill(code);
      await page.getByTestId('sms-submit').click();
      await page.waitForURL('**/home');
      await eventually(() => page.getByTestId('home-greeting').innerText()).toMatch(
        greetingPattern('zh-CN', '张伟'),
      );
      expect(await elderAttribute(page)).toBe('false');
      await expectAccessible(page, 'patient-home-after-sms');
    });
  });
});
