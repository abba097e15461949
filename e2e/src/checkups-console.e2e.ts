import { randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STEP_TIMEOUT, eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { ADMIN, apiGet, signInToConsole } from './support/console.ts';
import { consoleText, fill, templatePattern } from './support/i18n.ts';
import { setPreferences } from './support/patient.ts';

const browser = useBrowser();
const zh = consoleText['zh-CN'];
const en = consoleText['en-US'];
const MANAGER = { email: 'manager@demo.careloop.cn', name: '陈静' } as const;
const FASTING_GLUCOSE = '14771-0';
/** A local item name the name dictionary does not know, so the import keeps it unmapped for review. */
const LOCAL_URIC_ACID = '尿酸测定（酶法）';

/** An 18-character resident ID (GB 11643-1999) with a correct check character, born `birth` (YYYYMMDD). */
function residentId(birth: string, sex: 'male' | 'female'): string {
  const sequence = randomInt(50, 499) * 2 + (sex === 'male' ? 1 : 0);
  const body = `110101${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** What the import made, for the journeys after it. */
const imported = {
  suffix: randomBytes(2).toString('hex'),
  get nameA() {
    return `检后甲${this.suffix}`;
  },
  get nameB() {
    return `检后乙${this.suffix}`;
  },
  patientA: '',
  earlier: daysAgo(380),
  latest: daysAgo(10),
};

const TEMPLATE_HEADERS = [
  '体检编号',
  '身份证号',
  '姓名',
  '性别',
  '出生日期',
  '体检日期',
  '体检机构',
  '项目名称',
  '结果',
  '单位',
  '参考范围',
  '提示',
];

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('体检');
  sheet.addRow(TEMPLATE_HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Two files in the console's own template (Chinese headers). Last year's: 甲's checkup with a normal fasting
 * glucose. This batch: 甲 again with 6.5 mmol/L (impaired fasting glucose), 乙 with a normal checkup, an item the
 * name dictionary does not know, and one row whose resident ID is invalid, which the import must report by its
 * row and keep out.
 */
async function checkupFiles(): Promise<{ lastYear: Buffer; batch: Buffer }> {
  const a = { id: residentId('19700315', 'male'), name: imported.nameA, sex: '男', birth: '1970-03-15' };
  const b = { id: residentId('19820920', 'female'), name: imported.nameB, sex: '女', birth: '1982-09-20' };
  const centre = '示范医院体检中心';
  const row = (
    no: string,
    p: typeof a,
    date: string,
    item: string,
    value: string,
    unit: string,
    ref: string,
    flag = '',
  ) => [no, p.id, p.name, p.sex, p.birth, date, centre, item, value, unit, ref, flag];
  const s = imported.suffix;
  const lastYear = [
    row(`E2E-${s}-1`, a, imported.earlier, '空腹血糖', '5.6', 'mmol/L', '3.9-6.1'),
    row(`E2E-${s}-1`, a, imported.earlier, '谷丙转氨酶', '22', 'U/L', '9-50'),
  ];
  const bad = [
    'E2E-bad',
    '123',
    `无效${s}`,
    '男',
    '1960-01-01',
    imported.latest,
    centre,
    '空腹血糖',
    '5.0',
    'mmol/L',
    '3.9-6.1',
    '',
  ];
  const batch = [
    row(`E2E-${s}-2`, a, imported.latest, '空腹血糖', '6.5', 'mmol/L', '3.9-6.1', '↑'),
    row(`E2E-${s}-2`, a, imported.latest, '谷丙转氨酶', '28', 'U/L', '9-50'),
    row(`E2E-${s}-2`, a, imported.latest, LOCAL_URIC_ACID, '398', 'umol/L', '208-428'),
    row(`E2E-${s}-3`, b, imported.latest, '空腹血糖', '5.1', 'mmol/L', '3.9-6.1'),
    row(`E2E-${s}-3`, b, imported.latest, '总胆固醇', '4.6', 'mmol/L', '<5.2'),
    bad,
  ];
  return { lastYear: await workbook(lastYear), batch: await workbook(batch) };
}

/** Clicks and returns the file the browser saved (a blob download made by the console). */
async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Picks an option of an antd Select by typing into it and choosing the matching entry. */
async function choose(page: Page, select: Locator, search: string, option: string | RegExp): Promise<void> {
  await select.click();
  await page.keyboard.type(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

describe('checkups and follow-up in the console', () => {
  beforeAll(async () => {
    await setPreferences(MANAGER.email, { locale: 'zh-CN' });
    await setPreferences(ADMIN.email, { locale: 'zh-CN' });
  });

  it('a health manager downloads the template, imports a batch, sees progress, problems and unmapped items, and maps one', async () => {
    await journey(browser(), 'checkup-import', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInToConsole(page, MANAGER.email, 'checkups-login');

      await page.getByTestId('nav-checkup-import').click();
      await page.waitForURL('**/console/checkups/import');
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(
        zh.checkupImport.title,
      );
      await expectAccessible(page, 'checkup-import');

      // The template, as Excel and as CSV, with the column names in Chinese.
      const xlsx = await download(page, page.getByTestId('template-xlsx'));
      expect(xlsx.name).toMatch(/\.xlsx$/);
      const template = new ExcelJS.Workbook();
      await template.xlsx.load(xlsx.bytes as unknown as Parameters<typeof template.xlsx.load>[0]);
      const headerCells = (template.worksheets[0]?.getRow(1).values as unknown[]).map(String);
      expect(headerCells.join('|')).toContain('体检编号');
      expect(headerCells.join('|')).toContain('项目名称');
      const csv = await download(page, page.getByTestId('template-csv'));
      expect(csv.name).toMatch(/\.csv$/);
      expect(csv.bytes.toString('utf8')).toContain('身份证号');

      // Three files: last year's checkup, this batch, and one that is not a report at all and never leaves the
      // browser.
      const files = await checkupFiles();
      const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      await page.locator('.ant-upload input[type="file"]').setInputFiles([
        { name: `体检-去年-${imported.suffix}.xlsx`, mimeType: xlsxType, buffer: files.lastYear },
        { name: `体检批次-${imported.suffix}.xlsx`, mimeType: xlsxType, buffer: files.batch },
        { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
      ]);
      await page.getByTestId('import-file').first().waitFor();
      expect(await page.getByTestId('import-file').count()).toBe(2);
      await page.getByText(zh.checkupImport.refusedInBrowser).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: 'setup.exe' }).innerText()).toContain(
        zh.checkupImport.fileProblems.type,
      );
      await expectAccessible(page, 'checkup-import-selected');
      await screenshot(page, 'checkup-import-selected');

      await page.getByTestId('import-start').click();
      const status = page.getByTestId('import-status');
      await status.waitFor();
      await page.getByTestId('import-progress').waitFor();
      await screenshot(page, 'checkup-import-progress');
      await expect
        .poll(() => status.getAttribute('data-status'), { timeout: 60_000, interval: 250 })
        .toBe('done');
      await eventually(() => page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
      // Every report found was processed (the bad row's report counts too: it was looked at and refused).
      const progress = await page.getByTestId('import-progress-text').innerText();
      const [processed, total] = [...progress.matchAll(/\d+/g)].map((m) => Number(m[0]));
      expect(progress).toMatch(templatePattern(zh.checkupImport.progressText));
      expect(processed).toBe(total);
      expect(total).toBeGreaterThanOrEqual(3);
      const count = async (key: string) =>
        Number(await page.getByTestId(`count-${key}`).locator('.checkup-job__count-value').innerText());
      expect(await count('reportsCreated')).toBe(3);
      expect(await count('itemsStored')).toBe(7);
      expect(await count('unmappedItems')).toBe(1);
      expect(await count('problemCount')).toBeGreaterThanOrEqual(1);

      // The bad row, by file, row and field, in Chinese; and the whole list as CSV.
      const problem = page.getByTestId('problem-row').filter({ hasText: zh.checkupImport.fields.nationalId });
      await problem.first().waitFor();
      const problemText = await problem.first().innerText();
      expect(problemText).toContain(`体检批次-${imported.suffix}.xlsx`);
      expect(problemText).toMatch(/身份证/);
      const problemsCsv = await download(page, page.getByTestId('problems-csv'));
      expect(problemsCsv.name).toMatch(/\.csv$/);
      expect(problemsCsv.bytes.toString('utf8')).toContain('nationalId');
      expect(await page.getByTestId('import-history-row').count()).toBeGreaterThanOrEqual(1);
      await expectAccessible(page, 'checkup-import-done');
      await screenshot(page, 'checkup-import-done');

      // The unmapped item waits for review; mapping it re-codes what was stored.
      await page.getByTestId('review-unmapped').click();
      await page.waitForURL('**/console/checkups/mappings');
      const unmapped = page.getByTestId('unmapped-row').filter({ hasText: LOCAL_URIC_ACID });
      await unmapped.waitFor();
      expect(await unmapped.innerText()).toContain('398');
      await expectAccessible(page, 'checkup-mappings');
      await unmapped.getByTestId('map-item').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await choose(page, dialog.getByTestId('mapping-analyte'), '尿酸', /^尿酸 \(3084-1/);
      await expectAccessible(page, 'checkup-mapping-dialog');
      await page.getByTestId('mapping-save').click();
      const saved = page.getByTestId('mapping-saved');
      await saved.waitFor();
      expect(await saved.innerText()).toContain(fill(zh.checkupMappings.recoded, { count: 1 }));
      await page.getByTestId('mapping-row').filter({ hasText: LOCAL_URIC_ACID }).waitFor();
      await eventually(() =>
        page.getByTestId('unmapped-row').filter({ hasText: LOCAL_URIC_ACID }).count(),
      ).toBe(0);
      await expectAccessible(page, 'checkup-mappings-saved');
      await screenshot(page, 'checkup-mappings-saved');

      const found = await apiGet<{ items: { id: string; name: string }[] }>(
        page,
        `/api/v1/patients?careTeam=mine&q=${encodeURIComponent(imported.nameA)}`,
      );
      imported.patientA = found.items.find((p) => p.name === imported.nameA)?.id ?? '';
      expect(imported.patientA, 'the imported patient, on the importer’s care team').not.toBe('');
    });
  });

  it('the patient’s latest checkup shows the abnormal fasting glucose first, explained and compared, with its trend, PDF and task', async () => {
    expect(imported.patientA, 'the import journey ran first').not.toBe('');
    await journey(browser(), 'checkup-report', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInToConsole(page, MANAGER.email, 'checkups-report-login');
      await page.goto(`/console/patients/${imported.patientA}?tab=checkups`);
      const reports = page.getByTestId('checkup-report-row');
      await eventually(() => reports.count()).toBe(2);
      expect(await reports.first().innerText()).toContain(fill(zh.checkupReport.abnormalCount, { count: 1 }));
      await expectAccessible(page, 'patient-checkups');
      await reports.first().getByTestId('open-report').click();

      await page.getByTestId('checkup-report').waitFor();
      const items = page.getByTestId('checkup-item');
      await items.first().waitFor();
      // Abnormal first: the first item row of the report is the fasting glucose.
      expect(await items.first().getAttribute('data-code')).toBe(FASTING_GLUCOSE);
      const glucose = page.locator(`[data-testid="checkup-item"][data-code="${FASTING_GLUCOSE}"]`).first();
      const glucoseText = await glucose.innerText();
      expect(glucoseText).toContain('6.5 mmol/L');
      expect(glucoseText).toContain('↑');
      expect(glucoseText).toContain('3.9–6.1 mmol/L');
      const comparison = glucose.getByTestId('item-comparison');
      expect(['new', 'worse']).toContain(await comparison.getAttribute('data-change'));
      expect(await comparison.innerText()).toContain('5.6');

      await glucose.locator('.ant-table-row-expand-icon').click();
      const explanation = page.getByTestId('item-explanation').first();
      await explanation.waitFor();
      const explained = await explanation.innerText();
      for (const label of [zh.checkupReport.measures, zh.checkupReport.meaning, zh.checkupReport.nextSteps])
        expect(explained).toContain(label);
      expect(explained).toContain(zh.checkupReport.sources);

      const trend = page.getByTestId('checkup-trend').first();
      await trend.locator('canvas').waitFor();
      expect(await trend.getByTestId('trend-summary').innerText()).toContain('6.5');
      const task = page.getByTestId('report-task').first();
      await task.waitFor();
      expect(await task.innerText()).toContain('复查');
      await expectAccessible(page, 'checkup-report');
      await screenshot(page, 'checkup-report');

      const pdf = await download(page, page.getByTestId('summary-pdf'));
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      await page.getByRole('tab', { name: zh.followUp.tab }).click();
      const tab = page.getByTestId('patient-followup');
      await tab.waitFor();
      const row = tab.getByTestId('task-row').first();
      await row.waitFor();
      expect(await row.innerText()).toContain('复查');
      await expectAccessible(page, 'patient-followup');
      await screenshot(page, 'patient-followup');
    });
  });

  it('the task waits on the worklist; the health manager completes it with an outcome note, then reads it all in English', async () => {
    expect(imported.patientA, 'the import journey ran first').not.toBe('');
    await journey(browser(), 'followup-worklist', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await page.setViewportSize({ width: 1280, height: 900 });
      try {
        await signInToConsole(page, MANAGER.email, 'worklist-login');
        await page.getByTestId('nav-followup').click();
        await page.waitForURL('**/console/followup');
        await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.followUp.title);
        const row = page.getByTestId('task-row').filter({ hasText: imported.nameA });
        await row.first().waitFor();
        expect(await row.first().innerText()).toContain('6.5 mmol/L');
        expect(await page.getByTestId('tab-due').innerText()).toContain(zh.followUp.views.due);
        await expectAccessible(page, 'followup-worklist');
        await screenshot(page, 'followup-worklist');

        // Hand the task back to the pool, then take it again.
        await row.first().getByRole('button', { name: zh.followUp.more }).click();
        await page.getByRole('menuitem', { name: zh.followUp.reassign }).click();
        const assign = page.getByRole('dialog');
        await assign.waitFor();
        await choose(page, assign.locator('.ant-select'), zh.followUp.unassigned, zh.followUp.unassigned);
        await expectAccessible(page, 'followup-assign-dialog');
        await assign.getByRole('button', { name: zh.common.save }).click();
        await assign.waitFor({ state: 'hidden' });
        await eventually(() => row.first().innerText()).toContain(zh.followUp.unassigned);
        await row.first().getByTestId('task-take').click();
        await eventually(() => row.first().getByTestId('task-take').count()).toBe(0);
        expect(await row.first().innerText()).toContain(zh.followUp.me);

        await row.first().getByTestId('task-complete').click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        // "Other" needs a note: refused without one, next to the field.
        await choose(page, dialog.getByTestId('complete-outcome'), '其他', zh.followUp.outcomes.other);
        await page.getByTestId('complete-submit').click();
        await dialog.getByText(zh.followUp.noteRequired).waitFor();
        await expectAccessible(page, 'followup-complete-dialog');
        await choose(page, dialog.getByTestId('complete-outcome'), '已联系', zh.followUp.outcomes.reached);
        const note = `已电话联系，建议3个月内复查空腹血糖 ${imported.suffix}`;
        await dialog.getByTestId('complete-note').fill(note);
        await page.getByTestId('complete-submit').click();
        await dialog.waitFor({ state: 'hidden' });
        await eventually(() => row.count()).toBe(0);

        await page.getByTestId('tab-done').click();
        const done = page.getByTestId('task-row').filter({ hasText: imported.nameA });
        await done.first().waitFor();
        const doneText = await done.first().innerText();
        expect(doneText).toContain(zh.followUp.outcomes.reached);
        expect(doneText).toContain(note);
        expect(doneText).toContain(MANAGER.name);
        await expectAccessible(page, 'followup-done');
        await screenshot(page, 'followup-done');

        await page.getByTestId('notification-bell').click();
        await page.getByTestId('notification-panel').waitFor();
        await expectAccessible(page, 'notification-panel');
        await screenshot(page, 'notification-panel');
        // The new-task notification leads to the patient's follow-up tab and is read from then on.
        await page.getByTestId('notification').filter({ hasText: '空腹血糖' }).first().click();
        await page.waitForURL(`**/console/patients/${imported.patientA}?tab=followup`);
        await page.getByTestId('patient-followup').waitFor();
        await eventually(() => page.getByTestId('notification-bell').getAttribute('aria-label')).toBe(
          zh.notifications.open,
        );
        await page.getByTestId('nav-followup').click();
        await page.getByTestId('tab-done').click();
        await done.first().waitFor();

        // English: the menu, the worklist and the report speak it too.
        await page.getByTestId('lang-switch').click();
        await eventually(() => page.getByTestId('nav-followup').innerText()).toBe(en.followUp.nav);
        await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(en.followUp.title);
        expect(await page.getByTestId('tab-done').innerText()).toContain(en.followUp.views.done);
        await eventually(() => done.first().innerText()).toContain(en.followUp.outcomes.reached);
        expect(await page.getByTestId('nav-checkup-import').innerText()).toBe(en.checkupNav.import);
        await expectAccessible(page, 'followup-done-en');
        await screenshot(page, 'followup-done-en');

        await page.goto(`/console/patients/${imported.patientA}?tab=checkups`);
        await page.getByTestId('checkup-report-row').first().getByTestId('open-report').click();
        const glucose = page.locator(`[data-testid="checkup-item"][data-code="${FASTING_GLUCOSE}"]`).first();
        await glucose.waitFor();
        await eventually(() => glucose.getByTestId('item-flag').innerText()).toMatch(/↑ \S/);
        await glucose.locator('.ant-table-row-expand-icon').click();
        const explanation = await page.getByTestId('item-explanation').first().innerText();
        expect(explanation).toContain(en.checkupReport.measures);
        expect(explanation).toContain(en.checkupReport.nextSteps);
        expect(await page.getByTestId('checkup-report').innerText()).toContain(en.checkupReport.downloadPdf);
        await expectAccessible(page, 'checkup-report-en');
        await screenshot(page, 'checkup-report-en');
      } finally {
        await setPreferences(MANAGER.email, { locale: 'zh-CN' });
      }
    });
  });

  it('an org admin reads the follow-up rules in their notation and is stopped by an impossible range', async () => {
    await journey(browser(), 'followup-rules', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await page.setViewportSize({ width: 1280, height: 900 });
      await signInToConsole(page, ADMIN.email, 'rules-login');
      await page.getByTestId('nav-followup-rules').click();
      await page.waitForURL('**/console/admin/followup-rules');
      const rule = page.getByTestId('rule-row').filter({ hasText: '6.1 ≤ 空腹血糖 < 7 mmol/L' });
      await rule.first().waitFor({ timeout: STEP_TIMEOUT });
      await expectAccessible(page, 'followup-rules');
      await screenshot(page, 'followup-rules');

      await page.getByTestId('rule-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel(zh.followUpRules.min).fill('7');
      await dialog.getByLabel(zh.followUpRules.max).fill('6.1');
      await page.getByTestId('rule-save').click();
      await dialog.getByText(zh.followUpRules.minNotBelowMax).waitFor();
      await dialog.getByText(zh.followUpRules.itemRequired).waitFor();
      await expectAccessible(page, 'followup-rule-dialog');
      await screenshot(page, 'followup-rule-dialog');
      await dialog.getByRole('button', { name: zh.common.cancel }).click();
      await dialog.waitFor({ state: 'hidden' });

      // A checkup package: two items picked from the code table by name.
      await page.getByTestId('nav-checkup-packages').click();
      await page.waitForURL('**/console/checkups/packages');
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(
        zh.checkupPackages.title,
      );
      await page.getByRole('button', { name: zh.checkupPackages.createTitle }).click();
      const form = page.getByRole('dialog');
      await form.waitFor();
      const code = `e2e-${imported.suffix}`;
      await form.getByLabel(zh.checkupPackages.code).fill(code);
      await form.getByLabel(zh.checkupPackages.nameZh).fill('入职体检（测试）');
      await form.getByLabel(zh.checkupPackages.nameEn).fill('Pre-employment checkup (test)');
      await choose(page, form.getByTestId('package-items'), '空腹', /^空腹血糖 \(14771-0/);
      await choose(page, form.getByTestId('package-items'), '丙氨酸', /^丙氨酸氨基转移酶/);
      await form.locator('.ant-modal-title').click();
      await form.getByLabel(zh.checkupPackages.priceYuan).fill('299');
      await expectAccessible(page, 'checkup-package-dialog');
      await form.getByRole('button', { name: zh.common.save }).click();
      await form.waitFor({ state: 'hidden' });
      const created = page.locator('tbody tr').filter({ hasText: code });
      await created.waitFor();
      const createdText = await created.innerText();
      expect(createdText).toContain('空腹血糖');
      expect(createdText).toContain('¥299.00');
      await expectAccessible(page, 'checkup-packages');
      await screenshot(page, 'checkup-packages');
    });
  });
});
