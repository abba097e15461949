import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
/** How long a step may wait for the page (a slow CI machine with two cores runs the server beside chromium). */
export const STEP_TIMEOUT = 15_000;

export function baseUrl(): string {
  return inject('baseUrl');
}

export function databaseUrl(): string {
  return inject('databaseUrl');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
}

/** One chromium per test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | null = null;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running (used outside a test?)');
    return browser;
  };
}

async function configure(context: BrowserContext): Promise<BrowserContext> {
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT * 2);
  return context;
}

export async function phoneContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return configure(
    await browser.newContext({
      baseURL: baseUrl(),
      viewport: { width: 390, height: 844 },
      locale,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    }),
  );
}

export async function desktopContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return configure(
    await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1440, height: 900 }, locale }),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${name.replace(/[^\w.-]+/g, '_')}.png`, fullPage: true });
}

/**
 * Waits (at most 5 s) until no finite CSS animation or transition runs, so axe judges what a person ends up
 * seeing and not a toast or dialog halfway through fading in. Endless ones (spinners) are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000, polling: 50 },
    )
    .catch(() => undefined);
}

/** Runs axe (WCAG 2.1 A/AA rules) and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await settle(page);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) await screenshot(page, `axe-${name}`);
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
          .slice(0, 3)
          .join(' | ')}`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Polls until the assertion holds (playwright-core has no auto-waiting expect). */
export function eventually<T>(
  read: () => Promise<T> | T,
  message?: string,
): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: STEP_TIMEOUT, interval: 100, message });
}

/**
 * A journey: the pages it opens (phone or desktop, each in its own context, so its own cookies and storage)
 * are screenshotted when it fails, as FAILED-<name>-<n>.png, and closed at the end whatever happens. Uncaught
 * errors in any page fail the journey too.
 */
export async function journey(
  browser: Browser,
  name: string,
  run: (open: {
    phone(locale?: string): Promise<Page>;
    desktop(locale?: string): Promise<Page>;
  }) => Promise<void>,
): Promise<void> {
  const pages: Page[] = [];
  const uncaught: string[] = [];
  const track = async (context: BrowserContext) => {
    const page = await context.newPage();
    page.on('pageerror', (error) => uncaught.push(`${page.url()}: ${error.message}`));
    pages.push(page);
    return page;
  };
  try {
    await run({
      phone: async (locale) => track(await phoneContext(browser, locale)),
      desktop: async (locale) => track(await desktopContext(browser, locale)),
    });
    expect(uncaught, 'uncaught errors in the page').toEqual([]);
  } catch (error) {
    for (const [i, page] of pages.entries()) {
      if (!page.isClosed()) await screenshot(page, `FAILED-${name}-${i + 1}`).catch(() => undefined);
    }
    throw error;
  } finally {
    for (const page of pages) await page.context().close();
  }
}
