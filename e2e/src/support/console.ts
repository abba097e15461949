import type { Page } from 'playwright-core';
import { eventually, expectAccessible } from '../browser.ts';
import { consoleText, fill, type Locale } from './i18n.ts';
import { PASSWORD } from './patient.ts';

/** Demo staff (README); all but mfa@ may skip two-step verification in demo mode. */
export const DOCTOR = { email: 'doctor@demo.careloop.cn', name: '王建国' } as const;
export const ADMIN = { email: 'admin@demo.careloop.cn' } as const;
export const MFA_DOCTOR = { email: 'mfa@demo.careloop.cn' } as const;

/** Fills the console's password step (the first sign-in step for every staff account); axe checks the page. */
export async function submitPassword(page: Page, email: string, step = 'console-login'): Promise<void> {
  await page.goto('/console/login');
  await page.getByTestId('login-identifier').waitFor();
  await expectAccessible(page, step);
  await page.getByTestId('login-identifier').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Signs a demo staff member in (no MFA step) and waits for the workbench; axe checks both pages. */
export async function signInToConsole(page: Page, email: string, step = 'console-login'): Promise<void> {
  await submitPassword(page, email, step);
  await page.getByTestId('nav-workbench').waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expectAccessible(page, `${step}-workbench`);
}

/** The workbench greeting (an <h1>), e.g. 您好，王建国. */
export async function workbenchHeading(page: Page, locale: Locale, name: string): Promise<void> {
  const heading = fill(consoleText[locale].workbench.greeting, { name });
  await eventually(() => page.getByRole('heading', { level: 1 }).first().innerText()).toBe(heading);
}

/** The header's sign-out button (it has no test id; found by its accessible name). */
export async function signOutOfConsole(page: Page, locale: Locale = 'zh-CN'): Promise<void> {
  await page.getByRole('button', { name: consoleText[locale].auth.signOut }).click();
  await page.waitForURL('**/console/login');
  await page.getByTestId('login-identifier').waitFor();
}

/** Calls the API with the page's own session cookie (what the console's fetch would send). */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}
