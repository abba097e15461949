import { request, type Page } from 'playwright-core';
import { baseUrl, eventually, expectAccessible } from '../browser.ts';
import { greetingPattern, type Locale } from './i18n.ts';

export const PASSWORD = 'Demo1234!';
/** Demo patients (README): 张伟 manages his wife 李娜 and son 张小宇; 王芳 manages only herself. */
export const ZHANG_WEI = { phone: '13800000001', name: '张伟' } as const;
export const WANG_FANG = { phone: '13800000002', name: '王芳' } as const;

/**
 * Puts an account's saved preferences in a known state through the API (as the apps themselves save them), so
 * a journey does not depend on what an earlier one left behind. Works for patients (phone) and for demo staff
 * who may skip two-step verification (email).
 */
export async function setPreferences(
  identifier: string,
  preferences: { locale?: Locale; elderMode?: boolean },
): Promise<void> {
  const api = await request.newContext({ baseURL: baseUrl() });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { identifier, password: PASSWORD } });
    if (!login.ok())
      throw new Error(`sign-in of ${identifier} failed: ${login.status()} ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const saved = await api.patch('/api/v1/me/preferences', { data: preferences, headers });
    if (!saved.ok()) throw new Error(`saving preferences failed: ${saved.status()} ${await saved.text()}`);
    await api.post('/api/v1/auth/logout', { data: {}, headers });
  } finally {
    await api.dispose();
  }
}

/**
 * Signs in with phone and password on the patient app's sign-in page and waits for the home page, greeting the
 * person by name in `locale`. Both pages are checked with axe (named `<step>` and `<step>-home`).
 */
export async function signInWithPassword(
  page: Page,
  account: { phone: string; name: string },
  locale: Locale = 'zh-CN',
  step = 'patient-login',
): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-identifier').waitFor();
  await expectAccessible(page, step);
  await page.getByTestId('login-identifier').fill(account.phone);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/home');
  await eventually(() => page.getByTestId('home-greeting').innerText()).toMatch(
    greetingPattern(locale, account.name),
  );
  await expectAccessible(page, `${step}-home`);
}

/** Me → sign out, back on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('tab-me').locator('a').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/login');
  await page.getByTestId('login-identifier').waitFor();
}

/** Waits for the app's PATCH /me/preferences (started by `act`) to be answered with success. */
export async function savingPreferences(page: Page, act: () => Promise<void>): Promise<void> {
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PATCH',
  );
  await act();
  const response = await saved;
  if (!response.ok()) throw new Error(`saving preferences failed: ${response.status()}`);
}

export async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

export async function elderAttribute(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.elder);
}
