import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { ADMIN, apiGet, DOCTOR, signInToConsole } from './support/console.ts';
import { consoleText } from './support/i18n.ts';
import { setPreferences } from './support/patient.ts';
import { chooseOption } from './support/select.ts';

// Prescribing in the console: 王建国 prescribes clarithromycin in his ongoing consultation with 王芳, who takes
// simvastatin; the live safety check shows the contraindicated interaction in red with its source; signing is
// refused until he writes why he goes ahead; he signs. The pharmacist (in English) finds it in the review queue
// with the finding and the doctor's reason beside 王芳's record summary, and approves it. Each screen passes axe.

const browser = useBrowser();
const PHARMACIST = 'pharmacist@demo.careloop.cn';
const zh = consoleText['zh-CN'];
const en = consoleText['en-US'];
const REASON = '已嘱患者在克拉霉素疗程期间及结束后 3 天内暂停辛伐他汀';

interface ConsultationList {
  items: { id: string; status: string; patient: { id: string; name: string } }[];
}

async function wangFangConsultation(page: Page) {
  const list = await apiGet<ConsultationList>(page, '/api/v1/consultations?view=mine');
  const c = list.items.find((i) => i.patient.name === '王芳' && i.status === 'active');
  if (!c)
    throw new Error(
      `no active consultation with 王芳: ${JSON.stringify(list.items.map((i) => i.patient.name))}`,
    );
  return c;
}

/**
 * Types a search into an item's drug field and picks the option; picks again when a busy machine let the click land
 * while the list was still being replaced (the field then does not show the drug).
 */
async function pickDrug(page: Page, item: Locator, search: string, code: string, name: string) {
  const field = item.getByRole('combobox').first();
  for (let attempt = 1; ; attempt++) {
    await field.fill(search);
    await page.getByTestId(`rx-drug-option-${code}`).click();
    try {
      await expect.poll(() => field.inputValue(), { timeout: 5_000, interval: 100 }).toContain(name);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

beforeAll(async () => {
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  await setPreferences(PHARMACIST, { locale: 'en-US' });
});
// Leave the accounts as the demo has them, for the journeys that run after this one.
afterAll(async () => {
  await setPreferences(PHARMACIST, { locale: 'zh-CN' });
});

describe('prescribing and review', () => {
  it('the doctor overrides the interaction warning with a reason and signs; the pharmacist approves', async () => {
    await journey(browser(), 'prescribing', async (open) => {
      const page = await open.desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email, 'rx-doctor-login');
      const consultation = await wangFangConsultation(page);
      await page.goto(`/console/consultations/${consultation.id}`);
      await page.getByTestId('rx-open').click();
      await page.getByTestId('rx-drawer').waitFor();

      const item = page.getByTestId('rx-item-0');
      await pickDrug(page, item, 'klms', 'clarithromycin-250mg-tab', '克拉霉素');
      const interaction = page.getByTestId('rx-finding-interaction').filter({ hasText: '辛伐他汀' });
      await interaction.waitFor({ timeout: 30_000 });
      expect(await interaction.getAttribute('data-level')).toBe('critical');
      await eventually(() => interaction.innerText()).toContain('禁忌');
      await eventually(() => page.getByTestId('rx-check-state').innerText()).toContain(
        zh.pharmacy.prescribe.findingsTitle.split('{{')[0]!,
      );
      await screenshot(page, 'rx-interaction-warning');
      await expectAccessible(page, 'rx-prescribe-drawer');

      // Without a reason the form refuses to sign.
      await page.getByTestId('rx-sign').click();
      await eventually(() => item.innerText()).toContain(zh.pharmacy.prescribe.overrideRequired);
      await page.getByTestId('rx-override-0').fill(REASON);

      // The pharmacist's queue is open (in English) before the doctor signs, and shows the new prescription the
      // moment it is signed: well before its 15-second fallback poll, which runs only while live updates are down.
      const pharmacist = await open.desktop('en-US');
      await signInToConsole(pharmacist, PHARMACIST, 'rx-pharmacist-login');
      await pharmacist.getByTestId('nav-pharmacy-reviews').click();
      await eventually(() => pharmacist.getByRole('heading', { level: 1 }).first().innerText()).toBe(
        en.pharmacy.review.title,
      );
      await eventually(() => pharmacist.getByTestId('live-status').getAttribute('data-status')).toBe(
        'connected',
      );
      const rows = pharmacist.getByTestId('review-row').filter({ hasText: '王芳' });
      const before = await rows.count();

      await page.getByTestId('rx-sign').click();
      await page.getByTestId('rx-signed').waitFor();
      await eventually(() => page.getByTestId('rx-status').innerText()).toBe(
        zh.pharmacy.status.pending_review,
      );
      await screenshot(page, 'rx-signed');
      await expectAccessible(page, 'rx-signed');

      await expect.poll(() => rows.count(), { timeout: 5_000, interval: 100 }).toBeGreaterThan(before);
      const row = rows.last();
      await row.getByRole('button').click();
      const detail = pharmacist.getByTestId('review-detail');
      await eventually(() => detail.innerText()).toContain(REASON);
      await eventually(() => detail.innerText()).toContain(en.pharmacy.review.currentMeds);
      const finding = detail.getByTestId('rx-finding-interaction').filter({ hasText: 'simvastatin' });
      expect(await finding.first().getAttribute('data-level')).toBe('critical');
      await screenshot(pharmacist, 'rx-review-queue');
      await expectAccessible(pharmacist, 'rx-review-queue');
      await detail.getByTestId('review-approve').click();
      await pharmacist.getByText(en.pharmacy.review.approvedDone).waitFor();

      const prescriptions = await apiGet<{
        items: { status: string; items: { overrideReason: string | null }[] }[];
      }>(page, `/api/v1/patients/${consultation.patient.id}/prescriptions`);
      const mine = prescriptions.items.find((p) => p.items.some((i) => i.overrideReason === REASON));
      expect(mine?.status).toBe('approved');
    });
  });
  it('an administrator finds a drug by pinyin and edits the interaction table the check reads', async () => {
    await journey(browser(), 'formulary', async (open) => {
      const page = await open.desktop('zh-CN');
      await signInToConsole(page, ADMIN.email, 'formulary-admin-login');
      await page.getByTestId('nav-formulary').click();
      await page.waitForURL('**/console/pharmacy/formulary');
      await page.getByTestId('formulary-search').locator('input').fill('ejsg');
      await page.getByTestId('formulary-search').locator('input').press('Enter');
      await eventually(() => page.locator('tbody').first().innerText()).toContain('二甲双胍');

      const card = page.getByTestId('interactions-card');
      await card.locator('tbody tr').first().waitFor();
      await page.getByTestId('interaction-add').click();
      await page.getByTestId('interaction-a').fill('metformin');
      await page.getByTestId('interaction-b').fill('cimetidine');
      await chooseOption(
        page,
        page.getByTestId('interaction-severity'),
        zh.pharmacy.interactions.severities.moderate,
      );
      await page.getByLabel(zh.pharmacy.interactions.zh).fill('西咪替丁减少二甲双胍的肾排泄，血药浓度升高。');
      await page
        .getByLabel(zh.pharmacy.interactions.en)
        .fill('Cimetidine reduces the renal clearance of metformin.');
      await page.getByLabel(zh.pharmacy.interactions.source).fill('e2e: metformin label, drug interactions');
      await expectAccessible(page, 'formulary-interaction-form');
      await page.getByTestId('interaction-save').click();
      await page.getByText(zh.pharmacy.interactions.saved).waitFor();
      await page.getByTestId('interaction-search').locator('input').fill('cimetidine');
      const row = card.locator('tbody tr').filter({ hasText: 'cimetidine' });
      await row.waitFor();
      expect(await row.innerText()).toContain(zh.pharmacy.interactions.severities.moderate);
      await expectAccessible(page, 'formulary-interactions');
      await screenshot(page, 'formulary-interactions');
      await row.getByRole('button', { name: zh.pharmacy.interactions.delete }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /OK|确定/ })
        .click();
      await eventually(() => row.count()).toBe(0);
    });
  });
});
