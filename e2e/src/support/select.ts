import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

// Choosing an entry of an antd Select the way a person does, reliably on a busy machine: a click that lands while
// the list is still sliding open (or being replaced by a search's answer) can be lost, so the choice is checked in
// the field and made again when it did not take.

const OPEN_LIST = '.ant-select-dropdown:visible';

/** Waits until the open list has finished its opening animation, so a click lands on what it aims at. */
export async function settled(page: Page): Promise<void> {
  const list = page.locator(OPEN_LIST).first();
  await list.waitFor();
  await list.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/**
 * Opens `select` (typing `search` when given), clicks the entry matching `option`, and checks the field shows
 * `shown` (by default the option's text); up to three tries.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string | RegExp,
  options: { search?: string; shown?: string | RegExp } = {},
): Promise<void> {
  const shown = options.shown ?? option;
  for (let attempt = 1; ; attempt++) {
    // Another list (the previous field's, still closing) would take the click meant for this one.
    await closed(page);
    await select.click();
    if (options.search !== undefined) {
      const input = select.locator('input').first();
      await input.fill('');
      await input.pressSequentially(options.search);
    }
    const entry = page.locator(`${OPEN_LIST} .ant-select-item-option`).filter({ hasText: option }).first();
    await entry.waitFor();
    await settled(page);
    await entry.click();
    try {
      await expect
        .poll(() => select.innerText(), { timeout: 3_000, interval: 100 })
        .toMatch(typeof shown === 'string' ? new RegExp(escape(shown)) : shown);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Waits for every open list to close (pressing Escape if one stays open). */
async function closed(page: Page): Promise<void> {
  try {
    await expect.poll(() => page.locator(OPEN_LIST).count(), { timeout: 2_000, interval: 50 }).toBe(0);
  } catch {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(OPEN_LIST).count(), { timeout: 3_000, interval: 50 }).toBe(0);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks an entry of the open list once its opening animation is over. */
export async function clickOption(page: Page, option: string | RegExp): Promise<void> {
  const entry = page.locator(`${OPEN_LIST} .ant-select-item-option`).filter({ hasText: option }).first();
  await entry.waitFor();
  await settled(page);
  await entry.click();
}
