import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { ADMIN, DOCTOR, apiGet, signInToConsole, workbenchHeading } from './support/console.ts';
import { consoleText, templatePattern } from './support/i18n.ts';
import { ZHANG_WEI, setPreferences } from './support/patient.ts';

const browser = useBrowser();
const zh = consoleText['zh-CN'];
const en = consoleText['en-US'];

interface PatientSummary {
  id: string;
  name: string;
  phoneMasked: string | null;
  onCareTeam?: boolean;
  careRelationship?: boolean;
}

/** 张伟 of the demo (there may be other patients of that common name): the row with his phone's last digits. */
function zhangWeiRow(page: Page): Locator {
  return page
    .getByTestId('patient-row')
    .filter({ has: page.getByRole('link', { name: '张伟', exact: true }) })
    .filter({ hasText: ZHANG_WEI.phone.slice(-4) });
}

async function search(page: Page, query: string): Promise<void> {
  await page.getByTestId('patient-search').fill(query);
  await page.getByTestId('patient-search').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
}

/** The names in the result table, once it has answered. */
async function rowNames(page: Page): Promise<string[]> {
  return page.getByTestId('patient-row').locator('a').allInnerTexts();
}

describe('care console', () => {
  beforeAll(async () => {
    await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
    await setPreferences(ADMIN.email, { locale: 'zh-CN' });
  });

  it('a doctor signs in, sees the workbench, finds 张伟 by name and by pinyin, and opens his profile', async () => {
    await journey(browser(), 'console-doctor', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email);
      await workbenchHeading(page, 'zh-CN', DOCTOR.name);
      expect(await page.getByText(zh.workbench.myPatients).count()).toBeGreaterThan(0);
      await screenshot(page, 'console-workbench');

      await page.getByTestId('nav-patients').click();
      await page.waitForURL('**/console/patients');
      await page.getByTestId('patient-row').first().waitFor();
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.patients.title);
      expect(await page.getByTestId('patient-row').count()).toBeGreaterThan(5);
      await expectAccessible(page, 'console-patients');

      const everyone = await page.getByTestId('patient-row').count();

      // The table keeps the last results on screen while a search runs, so wait for the narrowed list.
      await search(page, '张伟');
      await eventually(() => rowNames(page)).toSatisfy(
        (names: string[]) =>
          names.length > 0 && names.length < everyone && names.every((n) => n.includes('张伟')),
      );
      await zhangWeiRow(page).waitFor();

      await search(page, 'zhangwei');
      await eventually(() => page.getByTestId('patient-row').count()).toBeLessThan(everyone);
      await zhangWeiRow(page).waitFor();
      // He is on this doctor's care team, and the table says so.
      expect(await zhangWeiRow(page).innerText()).toContain(zh.patients.onCareTeam);
      await expectAccessible(page, 'console-patients-search');
      await screenshot(page, 'console-patients-search');

      await zhangWeiRow(page).getByRole('link', { name: '张伟' }).click();
      await page.waitForURL(/\/console\/patients\/[0-9a-f-]{36}$/);
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('张伟');
      // The page opens on the record summary; the demographics are on the profile tab.
      await page.getByRole('tab', { name: zh.record.tabs.profile }).click();
      const card = page.locator('.ant-card').filter({ has: page.locator('.ant-descriptions') });
      await card.waitFor();
      await eventually(() => card.getByRole('heading').innerText()).toBe(zh.profile.demographics);
      const details = await card.innerText();
      expect(details).toContain(zh.patientForm.sex);
      expect(details).toContain(zh.sex.male);
      expect(details).toContain('1968-05-12');
      expect(details).toContain(ZHANG_WEI.phone);
      expect(await page.getByTestId('access-denied').count()).toBe(0);
      expect(await page.getByTestId('break-glass-banner').count()).toBe(0);
      await expectAccessible(page, 'console-profile');
      await screenshot(page, 'console-profile');

      // The console speaks English too: the switch changes the page at once and <html lang> with it.
      try {
        await page.getByTestId('lang-switch').click();
        await eventually(() => page.getByTestId('nav-patients').innerText()).toBe(en.nav.patients);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
        await eventually(() => card.getByRole('heading').innerText()).toBe(en.profile.demographics);
        expect(await card.innerText()).toContain(en.sex.male);
        await expectAccessible(page, 'console-profile-en');
        await page.getByTestId('lang-switch').click();
        await eventually(() => page.getByTestId('nav-patients').innerText()).toBe(zh.nav.patients);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      } finally {
        await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
      }
    });
  });

  it('a patient outside the care team is refused; break-glass opens it and the admin sees it in the logs', async () => {
    await journey(browser(), 'console-break-glass', async ({ desktop }) => {
      const doctor = await desktop('zh-CN');
      await signInToConsole(doctor, DOCTOR.email);

      // Someone of the hospital not on this doctor's care team, as the patients API tells with his own session.
      const all = await apiGet<{ items: PatientSummary[] }>(
        doctor,
        '/api/v1/patients?careTeam=all&limit=100',
      );
      // Not on the team and no consultation or appointment with him either (those open a record too).
      const stranger = all.items.find((p) => p.onCareTeam === false && p.careRelationship === false);
      expect(stranger, 'a patient outside the care team').toBeDefined();
      if (!stranger) return;
      const reason = `E2E 急诊抢救，需查看既往史 ${randomBytes(3).toString('hex')}`;

      await doctor.goto(`/console/patients/${stranger.id}`);
      const denied = doctor.getByTestId('access-denied');
      await denied.waitFor();
      expect(await denied.innerText()).toContain(zh.accessDenied.title);
      expect(await denied.innerText()).not.toContain(stranger.name);
      await expectAccessible(doctor, 'console-access-denied');
      await screenshot(doctor, 'console-access-denied');

      await doctor.getByTestId('break-glass-open').click();
      const reasonBox = doctor.getByTestId('break-glass-reason');
      await reasonBox.waitFor();
      await expectAccessible(doctor, 'console-break-glass-dialog');
      // A reason under 10 characters is refused before anything is sent.
      await reasonBox.fill('急诊');
      await doctor.getByTestId('break-glass-submit').click();
      await doctor.getByText(zh.accessDenied.reasonTooShort).waitFor();
      await reasonBox.fill(reason);
      await doctor.getByTestId('break-glass-submit').click();

      await doctor.getByTestId('break-glass-banner').waitFor();
      expect(await doctor.getByTestId('break-glass-banner').innerText()).toContain(
        zh.profile.breakGlassBanner,
      );
      await eventually(() => doctor.getByRole('heading', { level: 1 }).innerText()).toBe(stranger.name);
      expect(await doctor.getByTestId('access-denied').count()).toBe(0);
      await expectAccessible(doctor, 'console-profile-break-glass');
      await screenshot(doctor, 'console-profile-break-glass');

      // The org admin: the break-glass log, then the audit trail of that patient, then the hash chain.
      const admin = await desktop('zh-CN');
      await signInToConsole(admin, ADMIN.email, 'console-login-admin');
      await admin.getByTestId('nav-break-glass').click();
      await admin.waitForURL('**/console/admin/break-glass');
      const logRow = admin.locator('tbody tr').filter({ hasText: reason });
      await logRow.waitFor();
      const logText = await logRow.innerText();
      expect(logText).toContain(stranger.name);
      expect(logText).toContain(DOCTOR.name);
      await expectAccessible(admin, 'console-break-glass-log');
      await screenshot(admin, 'console-break-glass-log');

      await admin.getByTestId('nav-audit').click();
      await admin.waitForURL('**/console/admin/audit');
      await admin.getByTestId('audit-row').first().waitFor();
      await admin.getByLabel(zh.audit.patientId).fill(stranger.id);
      await admin.getByRole('button', { name: zh.audit.apply }).click();
      const auditRow = admin.getByTestId('audit-row').filter({ hasText: 'patient.break_glass' });
      await auditRow.waitFor();
      const auditText = await auditRow.innerText();
      expect(auditText).toContain(reason);
      expect(auditText).toContain(DOCTOR.name);
      expect(auditText).toContain(stranger.name);
      // Every row shown is about that patient, once the filtered page has replaced the unfiltered one (the
      // break-glass entry is recent, so it is on both).
      await expect
        .poll(
          async () => {
            const texts = await admin.getByTestId('audit-row').allInnerTexts();
            return texts.length > 0 && texts.every((t) => t.includes(stranger.name));
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await expectAccessible(admin, 'console-audit');

      await admin.getByTestId('audit-verify').click();
      const verdict = admin.getByTestId('audit-verify-result');
      await eventually(() => verdict.innerText()).toMatch(templatePattern(zh.audit.verifyOk));
      expect(await verdict.locator('.ant-alert-success').count()).toBe(1);
      await expectAccessible(admin, 'console-audit-verified');
      await screenshot(admin, 'console-audit-verified');
    });
  });

  it('shows a patient name with markup as text, in the list and on the profile, and never runs it', async () => {
    await journey(browser(), 'console-markup-name', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await signInToConsole(page, DOCTOR.email);
      await workbenchHeading(page, 'zh-CN', DOCTOR.name);
      // A letter in the searched tail: four digits alone are looked up as a phone's last four, not a name.
      const name = `<img src=x onerror="window.__xss=1">k${randomBytes(2).toString('hex')}`;
      const me = await apiGet<{ csrfToken: string }>(page, '/api/v1/auth/me');
      const created = await page.request.post('/api/v1/patients', {
        data: { name, sex: 'female', birthDate: '1990-01-01' },
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };

      await page.goto(`/console/patients/${id}`);
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(name);
      await page.getByTestId('nav-patients').click();
      await search(page, name.slice(-5));
      await eventually(() => rowNames(page)).toContain(name);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    });
  });
});
