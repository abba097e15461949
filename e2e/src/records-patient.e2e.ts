import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { measure, smallTargets, smallText, tightLines } from './support/elder.ts';
import { patientText, templatePattern } from './support/i18n.ts';
import {
  ZHANG_WEI,
  elderAttribute,
  savingPreferences,
  setPreferences,
  signInWithPassword,
} from './support/patient.ts';

// The patient's health record on a small phone (375 × 667): checkups explained with their PDF, trends, a reading,
// a condition found by pinyin initials, a photo upload, notifications, English, and elder mode.

const browser = useBrowser();
const zh = patientText['zh-CN'];
const en = patientText['en-US'];
const PHONE = { width: 375, height: 667 };

// A 1 × 1 PNG: what a phone camera upload is, as small as it gets.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function signedIn(open: () => Promise<Page>, step: string): Promise<Page> {
  const page = await open();
  await page.setViewportSize(PHONE);
  await signInWithPassword(page, ZHANG_WEI, 'zh-CN', step);
  return page;
}

/** Records tab → the overview, once its sections and summary have loaded. */
async function openRecords(page: Page): Promise<void> {
  await page.getByTestId('tab-records').locator('a').click();
  await page.waitForURL('**/records');
  await page.getByTestId('record-section-checkups').waitFor();
  await page.getByTestId('record-attention').waitFor();
}

async function openSection(page: Page, key: string, path: string): Promise<void> {
  await openRecords(page);
  await page.getByTestId(`record-section-${key}`).click();
  await page.waitForURL(`**${path}`);
}

/** Nothing on the page is wider than the phone (no sideways scrolling). */
async function expectFitsWidth(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
}

describe('health record on a phone', () => {
  beforeAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  });

  it('张伟 opens his record, sees a checkup with a high fasting glucose explained, downloads its PDF and his whole record', async () => {
    await journey(browser(), 'records-checkup', async ({ phone }) => {
      const page = await signedIn(() => phone('zh-CN'), 'records-checkup-login');
      await openRecords(page);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.health.title);
      await eventually(() => page.getByTestId('records-demographics').innerText()).toContain('张伟');
      await expectAccessible(page, 'records-overview');
      await expectFitsWidth(page, 'records-overview');
      await screenshot(page, 'records-overview');

      await page.getByTestId('record-section-checkups').click();
      await page.waitForURL('**/records/checkups');
      const reports = page.getByTestId('checkup-item');
      await reports.first().waitFor();
      await expectAccessible(page, 'records-checkups');
      await screenshot(page, 'records-checkups');
      // The newest report with abnormal items says how many: "n 项异常".
      const abnormalReport = reports.filter({ has: page.getByTestId('checkup-abnormal-count') }).first();
      expect(await abnormalReport.getByTestId('checkup-abnormal-count').innerText()).toMatch(
        templatePattern(zh.checkups.abnormalCount),
      );
      await abnormalReport.click();
      await page.waitForURL(/\/records\/checkups\/[0-9a-f-]{36}$/);

      const glucose = page.getByTestId('checkup-abnormal-item').filter({ hasText: '空腹血糖' }).first();
      await glucose.waitFor();
      expect(await glucose.getByTestId('flag-tag').innerText()).toMatch(/偏高|危急偏高/);
      expect(await glucose.getByTestId('checkup-item-value').innerText()).toContain('mmol/L');
      const explanation = glucose.getByTestId('checkup-explanation');
      await explanation.locator('summary').click();
      const explained = await explanation.innerText();
      for (const heading of [zh.checkups.measures, zh.checkups.meaning, zh.checkups.nextSteps]) {
        expect(explained).toContain(heading);
      }
      expect(explained.length).toBeGreaterThan(60);
      expect(await page.getByTestId('checkup-followup').isVisible()).toBe(true);
      await expectAccessible(page, 'records-checkup-report');
      await expectFitsWidth(page, 'records-checkup-report');
      await screenshot(page, 'records-checkup-report');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('checkup-pdf').click(),
      ]);
      const pdf = await readFile(await download.path());
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(2_000);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);

      // The whole record, as PDF and as JSON, from the overview.
      await openRecords(page);
      const [recordPdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-pdf').click(),
      ]);
      expect((await readFile(await recordPdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const [recordJson] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-json').click(),
      ]);
      const exported = JSON.parse(await readFile(await recordJson.path(), 'utf8')) as {
        schemaVersion: number;
        patient: { name: string };
        observations: unknown[];
      };
      expect(exported.schemaVersion).toBe(1);
      expect(exported.patient.name).toBe('张伟');
      expect(exported.observations.length).toBeGreaterThan(0);
    });
  });

  it('he reads a trend by its summary, records a blood pressure and a high fasting glucose, both self-reported', async () => {
    await journey(browser(), 'records-trend-reading', async ({ phone }) => {
      const page = await signedIn(() => phone('zh-CN'), 'records-trend-login');
      await openSection(page, 'trends', '/records/trends');
      const summary = page.getByTestId('trend-summary');
      await eventually(() => summary.textContent()).toMatch(/最新 .+此期间共 \d+ 次/);
      await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
      expect(await page.getByTestId('trend-chart').getAttribute('aria-label')).toContain('参考范围');
      await page.getByTestId('trend-range-all').click();
      await eventually(() => page.getByTestId('trend-range-all').getAttribute('aria-pressed')).toBe('true');
      await expectAccessible(page, 'records-trends');
      await expectFitsWidth(page, 'records-trends');
      await screenshot(page, 'records-trends');

      await openRecords(page);
      await page.getByTestId('record-add-reading').click();
      await page.waitForURL('**/records/readings/new');
      const form = page.getByTestId('reading-form');
      await form.waitFor();
      expect(await page.getByTestId('reading-item').inputValue()).toBe('bp');
      await expectAccessible(page, 'records-reading-form');
      await screenshot(page, 'records-reading-form');

      // A diastolic value above the systolic one is caught at the field before anything is sent.
      await page.getByTestId('reading-value').fill('120');
      await page.getByTestId('reading-value2').fill('150');
      await page.getByTestId('reading-save').click();
      await eventually(() => form.locator('.field-error').allInnerTexts()).toContain(
        `${zh.reading.errors.systolic_not_above_diastolic}`,
      );

      await page.getByTestId('reading-value').fill('152');
      await page.getByTestId('reading-value2').fill('95');
      await page.getByTestId('reading-save').click();
      const result = page.getByTestId('reading-result');
      await result.waitFor();
      const values = result.getByTestId('reading-saved-value');
      expect(await values.allInnerTexts()).toEqual([
        expect.stringMatching(/收缩压\s+152 mmHg/),
        expect.stringMatching(/舒张压\s+95 mmHg/),
      ]);
      expect(await result.getByTestId('source-tag').getAttribute('data-source')).toBe('self');
      expect(await result.getByTestId('source-tag').innerText()).toContain(zh.source.self);
      await expectAccessible(page, 'records-reading-saved');
      await screenshot(page, 'records-reading-saved');

      // A fasting glucose above its range comes back flagged 偏高, with the advice that goes with it.
      await page.getByTestId('reading-another').click();
      await page.getByTestId('reading-item').selectOption('14771-0');
      await page.getByTestId('reading-value').fill('7.8');
      await page.getByTestId('reading-save').click();
      await result.waitFor();
      const glucose = result.getByTestId('reading-saved-value');
      expect(await glucose.innerText()).toMatch(/空腹血糖\s+7.8 mmol\/L/);
      expect(await glucose.getByTestId('flag-tag').getAttribute('data-flag')).toBe('H');
      expect(await glucose.getByTestId('flag-tag').innerText()).toContain(zh.flag.H);
      expect(await result.getByTestId('source-tag').getAttribute('data-source')).toBe('self');
      expect(await result.innerText()).toContain(zh.reading.abnormalAdvice.replace('{{flag}}', zh.flag.H));
      await screenshot(page, 'records-reading-glucose');

      await page.getByTestId('reading-view-trend').click();
      await page.waitForURL(/\/records\/trends\?code=14771-0$/);
      await eventually(() => summary.textContent()).toContain('7.8 mmol/L');
    });
  });

  it('he adds hypertension found by its pinyin initials, updates his lifestyle and uploads a photo of a document', async () => {
    await journey(browser(), 'records-condition-document', async ({ phone }) => {
      const page = await signedIn(() => phone('zh-CN'), 'records-condition-login');
      await openSection(page, 'conditions', '/records/conditions');
      await page.getByTestId('entry-add').click();
      await page.waitForURL('**/records/conditions/new');
      await page.getByTestId('condition-search').fill('gxy');
      const option = page.getByTestId('icd10-option').filter({ hasText: '高血压' }).first();
      await option.waitFor();
      await expectAccessible(page, 'records-condition-search');
      await screenshot(page, 'records-condition-search');
      await option.click();
      await eventually(() => page.getByTestId('condition-chosen').innerText()).toContain('高血压');
      await page.getByTestId('entry-save').click();
      await page.waitForURL(/\/records\/conditions$/);
      const mine = page
        .getByTestId('entry-item')
        .filter({ hasText: '高血压' })
        .and(page.locator('[data-source="self"]'));
      await mine.first().waitFor();
      expect(await mine.first().getByTestId('source-tag').innerText()).toContain(zh.source.self);
      expect(await mine.first().getByTestId('entry-edit').isVisible()).toBe(true);
      // Entries from the hospital cannot be changed by the patient.
      const fromHospital = page.getByTestId('entry-item').and(page.locator(':not([data-source="self"])'));
      if ((await fromHospital.count()) > 0)
        expect(await fromHospital.first().getByTestId('entry-edit').count()).toBe(0);
      await expectAccessible(page, 'records-conditions');
      await screenshot(page, 'records-conditions');

      await openSection(page, 'lifestyle', '/records/lifestyle');
      await page.getByTestId('lifestyle-update').click();
      await page.getByTestId('lifestyle-smoking').selectOption('former');
      await page.getByTestId('lifestyle-activity').fill('150');
      await expectAccessible(page, 'records-lifestyle-form');
      await page.getByTestId('lifestyle-save').click();
      const current = page.getByTestId('lifestyle-current');
      // The saved values replace the earlier ones (which may already say "former" smoker).
      await eventually(() => current.innerText()).toContain('150');
      expect(await current.innerText()).toContain(zh.lifestyle.smokingValues.former);
      expect(await current.getByTestId('source-tag').getAttribute('data-source')).toBe('self');

      await openSection(page, 'documents', '/records/documents');
      await page.getByTestId('document-add').click();
      await page
        .getByTestId('document-file')
        .setInputFiles({ name: 'glucose-meter.png', mimeType: 'image/png', buffer: PNG });
      await eventually(() => page.getByTestId('document-chosen').innerText()).toContain('glucose-meter.png');
      await page.getByTestId('document-title').fill('血糖仪读数');
      await expectAccessible(page, 'records-document-form');
      await screenshot(page, 'records-document-form');
      await page.getByTestId('document-upload').click();
      const item = page.getByTestId('document-item').filter({ hasText: '血糖仪读数' });
      await item.waitFor();
      expect(await item.getByTestId('source-tag').getAttribute('data-source')).toBe('self');
      await item.getByTestId('document-open').click();
      const preview = item.getByTestId('document-preview').locator('img');
      await preview.waitFor();
      await eventually(() => preview.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
      await expectAccessible(page, 'records-documents');
      await screenshot(page, 'records-documents');
    });
  });

  it('he opens his notifications from the home page; opening one marks it read and leads to its page', async () => {
    await journey(browser(), 'records-notifications', async ({ phone }) => {
      const page = await signedIn(() => phone('zh-CN'), 'records-notifications-login');
      await page.getByTestId('notification-bell').click();
      await page.waitForURL('**/notifications');
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(
        zh.notifications.title,
      );
      const items = page.getByTestId('notification-item');
      await items.first().waitFor();
      await expectAccessible(page, 'records-notifications');
      await screenshot(page, 'records-notifications');
      const unread = page.locator('[data-testid="notification-item"][data-read="false"]');
      const before = await unread.count();
      expect(before, 'unread notifications of the demo patient').toBeGreaterThan(0);
      await unread.first().click();
      await page.waitForURL((url) => !url.pathname.endsWith('/notifications'));
      await page.goBack();
      await page.waitForURL('**/notifications');
      await items.first().waitFor();
      await eventually(() => unread.count()).toBe(before - 1);
    });
  });

  it('in English the record, a checkup report and the trends read in English', async () => {
    await journey(browser(), 'records-english', async ({ phone }) => {
      try {
        const page = await signedIn(() => phone('zh-CN'), 'records-english-login');
        await page.getByTestId('tab-me').locator('a').click();
        await page.getByTestId('me-language').click();
        await savingPreferences(page, () => page.getByTestId('lang-en-US').click());
        await openRecords(page);
        await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(en.health.title);
        expect(await page.getByTestId('record-section-checkups').innerText()).toContain(en.sections.checkups);
        expect(await page.getByTestId('record-add-reading').innerText()).toContain(en.health.addReading);
        await expectAccessible(page, 'records-overview-en');
        await screenshot(page, 'records-overview-en');

        await page.getByTestId('record-section-checkups').click();
        await page.getByTestId('checkup-item').first().click();
        await page.getByTestId('checkup-abnormal').waitFor();
        expect(await page.getByTestId('checkup-pdf').innerText()).toContain(en.checkups.downloadPdf);
        const card = page.getByTestId('checkup-abnormal-item').first();
        if ((await card.count()) > 0) {
          expect(await card.getByTestId('flag-tag').innerText()).toMatch(/High|Low|Critically|Abnormal/);
        }
        await expectAccessible(page, 'records-checkup-report-en');
        await expectFitsWidth(page, 'records-checkup-report-en');
        await screenshot(page, 'records-checkup-report-en');

        await openSection(page, 'trends', '/records/trends');
        await eventually(() => page.getByTestId('trend-summary').textContent()).toMatch(
          /Latest .+ In this period/,
        );
        await expectAccessible(page, 'records-trends-en');
        await screenshot(page, 'records-trends-en');
      } finally {
        await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN' });
      }
    });
  });

  it('in elder mode the record overview has large text and large tap targets', async () => {
    await journey(browser(), 'records-elder', async ({ phone }) => {
      try {
        await setPreferences(ZHANG_WEI.phone, { elderMode: true });
        const page = await signedIn(() => phone('zh-CN'), 'records-elder-login');
        await eventually(() => elderAttribute(page)).toBe('true');
        await openRecords(page);
        const m = await measure(page);
        expect(smallText(m, 18), 'text under 18 px').toEqual([]);
        expect(m.largestHeading).toBeGreaterThanOrEqual(30);
        expect(tightLines(m, 1.3), 'line height under 1.3').toEqual([]);
        expect(smallTargets(m, 60), 'tap targets under 60 × 60').toEqual([]);
        await expectAccessible(page, 'records-overview-elder');
        await expectFitsWidth(page, 'records-overview-elder');
        await screenshot(page, 'records-overview-elder');
      } finally {
        await setPreferences(ZHANG_WEI.phone, { elderMode: false });
      }
    });
  });
});
