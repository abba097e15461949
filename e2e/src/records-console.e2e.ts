import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { DOCTOR, apiGet, signInToConsole } from './support/console.ts';
import { consoleText, templatePattern } from './support/i18n.ts';
import { ZHANG_WEI, setPreferences } from './support/patient.ts';
import { clickOption } from './support/select.ts';

const browser = useBrowser();
const zh = consoleText['zh-CN'];
const en = consoleText['en-US'];

interface Summary {
  allergies: { substance: string; category: string; severity: string }[];
  abnormalItems: { code: string; name: string }[];
}

/** A one-page PDF with a correct cross-reference table (the server reads uploads, not only their first bytes). */
function smallPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 24 72 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 24 72 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** 张伟 of the demo, whom the demo doctor has on his care team. */
async function zhangWeiId(page: Page): Promise<string> {
  const found = await apiGet<{ items: { id: string; name: string }[] }>(
    page,
    `/api/v1/patients?q=${ZHANG_WEI.phone}&careTeam=mine`,
  );
  const patient = found.items.find((p) => p.name === ZHANG_WEI.name);
  if (!patient) throw new Error('张伟 is not on the demo doctor’s care team');
  return patient.id;
}

/**
 * The summary must show a severe drug allergy: the demo record has one for 张伟; should a future seed not, the
 * doctor records it here through the API as the console would, so the journey still checks what the page does.
 */
async function ensureSevereDrugAllergy(page: Page, patientId: string): Promise<void> {
  const summary = await apiGet<Summary>(page, `/api/v1/patients/${patientId}/summary`);
  if (summary.allergies.some((a) => a.category === 'drug' && a.severity === 'severe')) return;
  const me = await apiGet<{ csrfToken: string }>(page, '/api/v1/auth/me');
  const created = await page.request.post(`/api/v1/patients/${patientId}/allergies`, {
    data: { substance: '青霉素', category: 'drug', reaction: '过敏性休克', severity: 'severe' },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(created.status()).toBe(201);
}

async function openTab(page: Page, name: string, testId: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByTestId(testId).waitFor();
}

describe('patient record in the console', () => {
  beforeAll(async () => {
    await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  });
  afterAll(async () => {
    await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  });

  it('a doctor reads the 360 summary, follows an abnormal item to its curve, codes a diagnosis by pinyin, files a PDF, and reads it all in English', async () => {
    await journey(browser(), 'console-records', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email);
      const patientId = await zhangWeiId(page);
      await ensureSevereDrugAllergy(page, patientId);

      // The page opens on the summary; the allergies are in the strip above every tab, red for a severe drug one.
      await page.goto(`/console/patients/${patientId}`);
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(ZHANG_WEI.name);
      const summary = page.getByTestId('record-summary');
      await summary.waitFor();
      const badge = page.getByTestId('allergy-badge');
      await eventually(() => badge.getAttribute('data-severe')).toBe('true');
      expect(await badge.innerText()).toContain(zh.record.header.severeAllergy);
      expect(await badge.innerText()).toContain(zh.record.allergySeverity.severe);
      // Abnormal items say how they are abnormal in words (↑ 偏高), not by colour alone.
      const abnormal = page.getByTestId('abnormal-item');
      await abnormal.first().waitFor();
      const flagged = await abnormal.first().innerText();
      expect(
        [
          zh.record.flags.H,
          zh.record.flags.L,
          zh.record.flags.HH,
          zh.record.flags.LL,
          zh.record.flags.A,
        ].some((word) => flagged.includes(word)),
      ).toBe(true);
      expect(await summary.getByTestId('summary-vitals').count()).toBe(1);
      expect(await summary.locator('[data-source]').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'records-summary');
      await screenshot(page, 'records-console-summary');

      // An abnormal item with a reference range opens the Trends tab at its curve: a canvas with the band, said in
      // words for screen readers.
      const ranged = abnormal.filter({ hasText: zh.record.trends.reference }).first();
      const itemName = (await ranged.locator('.record-list__title').innerText()).trim();
      await ranged.locator('a').first().click();
      await page.waitForURL(
        (url) => url.searchParams.get('tab') === 'trends' && !!url.searchParams.get('code'),
      );
      const code = new URL(page.url()).searchParams.get('code');
      // Either half of blood pressure opens the pair, titled as such.
      const chartName = code === '8480-6' || code === '8462-4' ? zh.record.trends.bloodPressure : itemName;
      const chart = page.getByTestId('trend-chart');
      await chart.locator('canvas').first().waitFor();
      await eventually(() => page.getByTestId('trend-summary').textContent()).toMatch(
        templatePattern(zh.record.trends.summary, { name: itemName }),
      );
      expect(await page.getByTestId('trend-reference').innerText()).toMatch(
        templatePattern(zh.record.trends.referenceRange),
      );
      expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(
        templatePattern(zh.record.trends.chartLabel, { name: chartName }),
      );
      await page.getByTestId('recent-values').locator('tbody tr').first().waitFor();
      await expectAccessible(page, 'records-trends');
      await screenshot(page, 'records-console-trends');

      // Timeline: newest first, by day; a kind filter narrows it and is kept in the URL.
      await openTab(page, zh.record.tabs.timeline, 'record-timeline');
      await page.getByTestId('timeline-entry').first().waitFor();
      await page.getByTestId('timeline-kind-observation').click();
      await page.waitForURL((url) => url.searchParams.get('kinds') === 'observation');
      await eventually(async () =>
        (
          await page
            .getByTestId('timeline-entry')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
        ).every((kind) => kind === 'observation'),
      ).toBe(true);
      expect(await page.getByTestId('timeline-kind-observation').getAttribute('aria-pressed')).toBe('true');
      await expectAccessible(page, 'records-timeline');
      await screenshot(page, 'records-console-timeline');

      // A diagnosis coded by pinyin initials: gxy finds 高血压 (I10); the name fills in from the code.
      await openTab(page, zh.record.tabs.sections, 'record-sections');
      const conditions = page.getByTestId('section-conditions');
      // The demo patient has conditions: wait for the loaded rows before counting (not the empty table shell).
      await conditions.locator('tbody tr.ant-table-row').first().waitFor();
      const before = await conditions.locator('tbody tr', { hasText: 'I10' }).count();
      await expectAccessible(page, 'records-sections');
      await page.getByTestId('add-conditions').click();
      const drawer = page.getByTestId('entry-drawer');
      await drawer.waitFor();
      await drawer.getByTestId('icd10-select').click();
      await page.keyboard.type('gxy');
      const option = page.locator('.ant-select-item-option', { hasText: /^I10\b/ });
      await option.first().waitFor();
      expect(await option.first().innerText()).toContain('高血压');
      await clickOption(page, /^I10\b/);
      await eventually(() => drawer.getByTestId('entry-display').inputValue()).toContain('高血压');
      await expectAccessible(page, 'records-condition-form');
      await screenshot(page, 'records-console-condition-form');
      await drawer.getByTestId('entry-save').click();
      await drawer.waitFor({ state: 'detached' });
      await eventually(() => conditions.locator('tbody tr', { hasText: 'I10' }).count()).toBe(before + 1);
      expect(await conditions.locator('tbody tr', { hasText: 'I10' }).first().innerText()).toContain(
        zh.record.sources.clinician,
      );
      await screenshot(page, 'records-console-sections');

      // A small PDF, filed with a progress bar; it is listed with its size and source.
      await openTab(page, zh.record.tabs.documents, 'record-documents');
      const title = `E2E 检验报告 ${randomBytes(2).toString('hex')}`;
      await page.getByTestId('document-upload').click();
      await page.locator('input[type=file]').setInputFiles({
        name: 'lab-report.pdf',
        mimeType: 'application/pdf',
        buffer: smallPdf('CareLoop e2e'),
      });
      await eventually(() => page.getByTestId('document-title').inputValue()).toBe('lab-report');
      await page.getByTestId('document-title').fill(title);
      await expectAccessible(page, 'records-upload');
      await page.getByTestId('document-submit').click();
      const row = page.getByTestId('document-row').filter({ hasText: title });
      await row.waitFor();
      expect(await row.innerText()).toContain(zh.record.documents.kinds.lab_report);
      expect(await row.innerText()).toContain(zh.record.sources.clinician);
      await expectAccessible(page, 'records-documents');
      await screenshot(page, 'records-console-documents');

      // The whole record leaves as JSON and as a PDF in the UI language, fetched with the session.
      for (const [button, extension] of [
        ['export-json', '.json'],
        ['export-pdf', '.pdf'],
      ] as const) {
        const download = page.waitForEvent('download');
        await page.getByTestId(button).click();
        expect((await download).suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
      }

      // English: the same page, every label in English.
      try {
        await page.getByTestId('lang-switch').click();
        await eventually(() => page.getByRole('tab', { name: en.record.tabs.documents }).count()).toBe(1);
        for (const label of [
          en.record.tabs.summary,
          en.record.tabs.timeline,
          en.record.tabs.trends,
          en.record.tabs.sections,
        ])
          expect(await page.getByRole('tab', { name: label, exact: true }).count()).toBe(1);
        await eventually(() => page.getByTestId('record-documents').getByRole('heading').innerText()).toBe(
          en.record.documents.title,
        );
        await expectAccessible(page, 'records-documents-en');

        await openTab(page, en.record.tabs.summary, 'record-summary');
        await eventually(() => page.getByTestId('allergy-badge').innerText()).toContain(
          en.record.header.severeAllergy,
        );
        for (const heading of [
          en.record.summary.abnormal,
          en.record.summary.vitals,
          en.record.summary.problems,
        ])
          expect(await page.getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
        await expectAccessible(page, 'records-summary-en');
        await screenshot(page, 'records-console-summary-en');

        await openTab(page, en.record.tabs.trends, 'record-trends');
        await page.getByTestId('trend-chart').locator('canvas').first().waitFor();
        await eventually(() => page.getByTestId('trend-summary').textContent()).toMatch(
          templatePattern(en.record.trends.summary),
        );
        expect(await page.getByTestId('trend-reference').innerText()).toMatch(
          new RegExp(`${en.record.trends.reference}|${en.record.trends.noReference}`),
        );
        await expectAccessible(page, 'records-trends-en');
        await screenshot(page, 'records-console-trends-en');

        await openTab(page, en.record.tabs.timeline, 'record-timeline');
        await page.getByTestId('timeline-entry').first().waitFor();
        expect(await page.getByTestId('timeline-kind-all').innerText()).toBe(en.record.timeline.all);
        await expectAccessible(page, 'records-timeline-en');

        await openTab(page, en.record.tabs.sections, 'record-sections');
        await eventually(() => page.getByTestId('section-conditions').getByRole('heading').innerText()).toBe(
          en.record.sections.conditions,
        );
        expect(await page.getByTestId('section-conditions').innerText()).toContain(
          en.record.sources.clinician,
        );
        await expectAccessible(page, 'records-sections-en');
        await screenshot(page, 'records-console-sections-en');
      } finally {
        await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
      }
    });
    // A long journey (six tabs, two languages, an upload and two exports) on a machine shared with other runs.
  }, 180_000);
});
