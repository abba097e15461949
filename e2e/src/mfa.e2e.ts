import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { MFA_DOCTOR, submitPassword, signOutOfConsole } from './support/console.ts';
import { consoleText, templatePattern } from './support/i18n.ts';

const browser = useBrowser();
const zh = consoleText['zh-CN'];

/** The RFC 6238 time step (30 s) of now. */
function timeStep(): number {
  return Math.floor(Date.now() / 30_000);
}

/** Waits (at most 31 s) until the authenticator shows a code of a later step than `step`. */
async function waitForStepAfter(step: number): Promise<void> {
  const wait = (step + 1) * 30_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 200));
}

describe('two-step verification (TOTP) in the console', () => {
  // mfa@ must enrol at its first sign-in; the server is fresh each run, so this journey runs once per run.
  it('mfa@ enrols an authenticator at first sign-in, keeps the recovery codes, and later signs in with a code', async () => {
    await journey(browser(), 'console-mfa', async ({ desktop }) => {
      const page = await desktop('zh-CN');
      await submitPassword(page, MFA_DOCTOR.email);

      // Enrolment: a QR code to scan, and the same secret as text for typing by hand.
      const secretText = page.getByTestId('mfa-secret');
      await secretText.waitFor();
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.mfa.enrolTitle);
      const qr = page.getByRole('img', { name: zh.mfa.qrAlt });
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/(png|svg\+xml);base64,/);
      expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const secret = (await secretText.innerText()).trim();
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await expectAccessible(page, 'console-mfa-enrol');
      await screenshot(page, 'console-mfa-enrol');

      // A wrong code is refused on the field; the authenticator's current code is accepted.
      const wrong = authenticator.generate(secret) === '000000' ? '111111' : '000000';
      await page.getByTestId('mfa-code').fill(wrong);
      await page.getByTestId('mfa-submit').click();
      await page.locator('.ant-form-item-explain-error').waitFor();
      const enrolmentCode = authenticator.generate(secret);
      const enrolmentStep = timeStep();
      await page.getByTestId('mfa-code').fill(enrolmentCode);
      await page.getByTestId('mfa-submit').click();

      // Recovery codes, shown once.
      const codes = page.getByTestId('recovery-codes').locator('li');
      await codes.first().waitFor();
      expect(await codes.count()).toBeGreaterThanOrEqual(8);
      for (const code of await codes.allInnerTexts())
        expect(code.trim()).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.mfa.recoveryTitle);
      await expectAccessible(page, 'console-mfa-recovery');
      await screenshot(page, 'console-mfa-recovery');
      await page.getByTestId('recovery-done').click();
      await page.getByTestId('nav-workbench').waitFor();
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toMatch(
        templatePattern(zh.workbench.greeting),
      );
      await expectAccessible(page, 'console-mfa-workbench');

      // Next time: password, then a code from the authenticator.
      await signOutOfConsole(page);
      await submitPassword(page, MFA_DOCTOR.email, 'console-login-again');
      await page.getByTestId('mfa-code').waitFor();
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.mfa.verifyTitle);
      expect(await page.getByTestId('mfa-secret').count()).toBe(0);
      await expectAccessible(page, 'console-mfa-verify');

      // A code already used is refused (RFC 6238 §5.2): a fresh one needs the next 30-second step.
      await page.getByTestId('mfa-code').fill(enrolmentCode);
      await page.getByTestId('mfa-submit').click();
      await page.locator('.ant-form-item-explain-error').waitFor();
      expect(await page.getByTestId('nav-workbench').count()).toBe(0);
      await waitForStepAfter(enrolmentStep);
      await page.getByTestId('mfa-code').fill(authenticator.generate(secret));
      await page.getByTestId('mfa-submit').click();
      await page.getByTestId('nav-workbench').waitFor();
      await page.getByTestId('nav-security').click();
      await page.waitForURL('**/console/account/security');
      await eventually(() => page.getByTestId('mfa-status').innerText()).toBe(zh.security.mfaOn);
      await expectAccessible(page, 'console-security');
    });
  });
});
