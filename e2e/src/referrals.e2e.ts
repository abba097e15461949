import { request, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { DOCTOR, signInToConsole } from './support/console.ts';
import { measure, smallTargets, smallText } from './support/elder.ts';
import { PASSWORD, ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';
import { chooseOption } from './support/select.ts';

// A referral that travels to another organization: the demo doctor 王建国 refers 张伟 from his page in the console
// to the partner hospital's nephrology with four record parts; 张伟 reads exactly those on his phone and agrees; the
// partner nephrologist 陈志远 finds it in his inbox, sees exactly those sections (and no others), accepts, records
// the visit and reports back; 王建国 reads the outcome.

const browser = useBrowser();
const RECEIVER = { email: 'partner@demo.careloop.cn', name: '陈志远' } as const;
const REASON = `肌酐升高，请肾内科会诊（e2e ${Date.now()}）`;
const OUTCOME = '慢性肾脏病 3a 期；继续缬沙坦，3 个月后复查肾功能。';
const SHARED = ['problems', 'medications', 'allergies', 'observations'];
let zhangId: string;

beforeAll(async () => {
  await setPreferences(DOCTOR.email, { locale: 'zh-CN' });
  await setPreferences(RECEIVER.email, { locale: 'zh-CN' });
  await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  const api = await request.newContext({ baseURL: baseUrl() });
  await api.post('/api/v1/auth/login', { data: { identifier: ZHANG_WEI.phone, password: PASSWORD } });
  const me = (await (await api.get('/api/v1/me/patients')).json()) as {
    items: { patient: { id: string }; relationship: string }[];
  };
  zhangId = me.items.find((p) => p.relationship === 'self')!.patient.id;
  await api.dispose();
});

async function pick(page: Page, testId: string, option: string): Promise<void> {
  await chooseOption(page, page.getByTestId(testId), option);
}

describe('a referral to another organization', () => {
  it('is consented on the phone, read by the receiver with exactly the shared parts, and reported back', async () => {
    await journey(browser(), 'referrals', async ({ desktop, phone }) => {
      // 王建国 refers 张伟 from his page.
      const doctor = await desktop('zh-CN');
      await signInToConsole(doctor, DOCTOR.email, 'referral-doctor-login');
      await doctor.goto(`/console/patients/${zhangId}`);
      await doctor.getByTestId('refer-patient').click();
      await pick(doctor, 'refer-org', '市第一人民医院');
      await pick(doctor, 'refer-department', '肾内科');
      await doctor.getByTestId('refer-reason').fill(REASON);
      await doctor.getByRole('checkbox', { name: '检验检查与测量' }).check();
      await doctor.getByTestId('refer-window-from').fill('2020-01-01');
      await expectAccessible(doctor, 'referral-create');
      await screenshot(doctor, 'referral-create');
      await doctor.getByTestId('refer-submit').click();
      await doctor.waitForURL('**/console/referrals/*');
      const referralId = doctor.url().split('/').at(-1)!;
      await eventually(() => doctor.getByTestId('referral-status').getAttribute('data-status')).toBe(
        'awaiting_consent',
      );

      // 张伟 sees where to, and exactly what would be shared, then agrees.
      const patient = await phone('zh-CN');
      await signInWithPassword(patient, ZHANG_WEI, 'zh-CN', 'referral-patient-login');
      await patient.getByTestId('tab-me').locator('a').click();
      await patient.getByTestId('me-referrals').click();
      await patient.waitForURL('**/referrals');
      const item = patient.getByTestId('referral-item').filter({ hasText: '市第一人民医院' }).first();
      await item.getByTestId('referral-needs-consent').waitFor();
      await expectAccessible(patient, 'referral-patient-list');
      await item.locator('a').click();
      await patient.waitForURL(`**/referrals/${referralId}`);
      await patient.getByTestId('referral-share').waitFor();
      const sections = await patient
        .getByTestId('referral-section')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
      expect(sections).toEqual(SHARED);
      expect(await patient.getByTestId('referral-target').innerText()).toBe('市第一人民医院 · 肾内科');
      expect(await patient.getByTestId('referral-window').innerText()).toContain('2020-01-01');
      await expectAccessible(patient, 'referral-consent');
      await screenshot(patient, 'referral-consent-phone');
      await patient.getByTestId('referral-consent').click();
      await eventually(() => patient.getByTestId('referral-status').getAttribute('data-status')).toBe(
        'consented',
      );
      expect(await patient.getByTestId('referral-withdraw').isVisible()).toBe(true);

      // The partner nephrologist finds it in the inbox and reads exactly the shared sections.
      const receiver = await desktop('zh-CN');
      await signInToConsole(receiver, RECEIVER.email, 'referral-receiver-login');
      await receiver.getByTestId('nav-referrals').click();
      await receiver.getByTestId('referral-inbox').getByText(ZHANG_WEI.name).first().click();
      await receiver.waitForURL(`**/console/referrals/${referralId}`);
      await receiver.getByTestId('shared-patient').waitFor();
      const shown = await receiver
        .getByTestId('shared-section')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
      expect(shown).toEqual(SHARED);
      await expectAccessible(receiver, 'referral-receiver');
      await screenshot(receiver, 'referral-receiver-record');
      // No general access: the patient's page is not theirs to open.
      const direct = await receiver.request.get(`/api/v1/patients/${zhangId}/summary`);
      expect(direct.status()).toBe(404);

      await receiver.getByTestId('referral-accept').click();
      await eventually(() => receiver.getByTestId('referral-status').getAttribute('data-status')).toBe(
        'accepted',
      );
      // The receiver books one of his own free slots; 张伟 is registered at the partner hospital from the referral.
      await receiver.getByTestId('referral-book').click();
      await receiver.getByTestId('slot-picker').waitFor();
      await chooseOption(
        receiver,
        receiver.locator('.ant-select', { has: receiver.locator('#referral-book-doctor') }),
        RECEIVER.name,
      );
      const firstTime = receiver.getByTestId('slot-picker-time').first();
      await firstTime.waitFor();
      await firstTime.click();
      await receiver.getByTestId('referral-booking-note').fill('肾内科专家门诊 3 诊室');
      await expectAccessible(receiver, 'referral-book-slot');
      await screenshot(receiver, 'referral-book-slot');
      await receiver.getByTestId('referral-dialog-ok').click();
      await eventually(() => receiver.getByTestId('referral-status').getAttribute('data-status')).toBe(
        'booked',
      );
      // 张伟 finds the visit from the referral: an appointment of his own at the partner hospital.
      await patient.reload();
      await patient.getByTestId('referral-appointment').click();
      await patient.getByTestId('appointment-detail').waitFor();
      expect(await patient.getByTestId('appointment-detail').innerText()).toContain(RECEIVER.name);
      await patient.goBack();
      await receiver.getByTestId('referral-report').click();
      await receiver.getByTestId('referral-outcome').fill(OUTCOME);
      await receiver.getByTestId('referral-dialog-ok').click();
      await eventually(() => receiver.getByTestId('referral-status').getAttribute('data-status')).toBe(
        'completed',
      );

      // 王建国 reads the outcome; 张伟 sees it too.
      await doctor.reload();
      await eventually(() => doctor.getByTestId('referral-outcome-text').innerText()).toBe(OUTCOME);
      await expectAccessible(doctor, 'referral-doctor-outcome');
      await screenshot(doctor, 'referral-doctor-outcome');
      await patient.reload();
      await eventually(() => patient.getByTestId('referral-outcome').innerText()).toContain(OUTCOME);

      // The referral on a 375 px phone in elder mode: large text and targets, nothing wider than the screen.
      await setPreferences(ZHANG_WEI.phone, { elderMode: true });
      await patient.setViewportSize({ width: 375, height: 812 });
      await patient.reload();
      await eventually(() => patient.evaluate(() => document.documentElement.dataset.elder)).toBe('true');
      await patient.getByTestId('referral-outcome').waitFor();
      expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const m = await measure(patient);
      expect(smallText(m, 18)).toEqual([]);
      expect(smallTargets(m, 60)).toEqual([]);
      await expectAccessible(patient, 'referral-elder');
      await screenshot(patient, 'referral-elder-375');
      await setPreferences(ZHANG_WEI.phone, { elderMode: false });
    });
  });
});
