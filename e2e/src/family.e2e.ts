import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, expectAccessible, journey, screenshot, useBrowser } from './browser.ts';
import { fill, patientText } from './support/i18n.ts';
import { ZHANG_WEI, setPreferences, signInWithPassword } from './support/patient.ts';

const browser = useBrowser();
const zh = patientText['zh-CN'];

// A valid GB 11643 resident ID: Beijing Chaoyang (110105), born 1949-12-31, sequence 002 (even: female), check X.
const VALID_ID = '11010519491231002X';
// The same digits with a wrong check character.
const BAD_CHECKSUM_ID = '110105194912310021';
const MARKUP_NAME = '<b>x</b><script>window.__xss=1</script>';

interface Member {
  relationship: 'spouse' | 'child' | 'parent' | 'sibling' | 'grandparent' | 'other';
  name: string;
  sex: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  nationalId?: string;
}

/** A name nobody else in the demo has, so the list can be searched for it (the server is shared by the run). */
function uniqueName(surname: string): string {
  const given = '秀英桂兰玉梅淑珍凤云芳慧丽华静敏燕霞';
  const pick = () => given[randomInt(given.length)] ?? '';
  return `${surname}${pick()}${pick()}${pick()}`;
}

async function openFamily(page: Page): Promise<void> {
  await page.getByTestId('tab-me').locator('a').click();
  await page.getByTestId('me-family').click();
  await page.waitForURL('**/me/family');
  await page.getByTestId('family-item').first().waitFor();
}

async function fillMember(page: Page, member: Member): Promise<void> {
  await page.getByTestId('family-relationship').selectOption(member.relationship);
  await page.getByTestId('family-name').fill(member.name);
  await page.getByTestId('family-sex').selectOption(member.sex);
  await page.getByTestId('family-birthdate').fill(member.birthDate);
  await page.getByTestId('family-national-id').fill(member.nationalId ?? '');
}

/** The error shown for an input: the element its aria-describedby names. */
async function fieldError(input: Locator): Promise<string> {
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return input.page().locator(`[id="${errorId}"]`).innerText();
}

function itemOf(page: Page, name: string): Locator {
  return page.getByTestId('family-item').filter({ hasText: name });
}

async function removeMember(page: Page, name: string): Promise<void> {
  const item = itemOf(page, name);
  await item.getByTestId('family-remove').click();
  await item.getByTestId('family-remove-confirm').click();
  await eventually(() => itemOf(page, name).count()).toBe(0);
}

describe('family members (就诊人)', () => {
  beforeAll(async () => {
    await setPreferences(ZHANG_WEI.phone, { locale: 'zh-CN', elderMode: false });
  });

  it('张伟 adds his grandmother with her resident ID; a wrong check character is refused on the field', async () => {
    await journey(browser(), 'family-add', async ({ phone }) => {
      const page = await phone('zh-CN');
      const grandmother: Member = {
        relationship: 'grandparent',
        name: uniqueName('赵'),
        sex: 'female',
        birthDate: '1949-12-31',
        nationalId: BAD_CHECKSUM_ID,
      };
      await signInWithPassword(page, ZHANG_WEI);
      await openFamily(page);
      const before = await page.getByTestId('family-item').count();
      await expectAccessible(page, 'family-list');

      await page.getByTestId('family-add').click();
      await page.waitForURL('**/me/family/new');
      await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(zh.family.addTitle);
      await expectAccessible(page, 'family-new');

      // An ID whose check character does not match: the server refuses it and the form says why, on the field.
      await fillMember(page, grandmother);
      await page.getByTestId('family-submit').click();
      const idInput = page.getByTestId('family-national-id');
      await eventually(() => fieldError(idInput)).toBe(zh.fieldErrors.checksum);
      expect(await idInput.getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toMatch(/\/me\/family\/new$/);
      await expectAccessible(page, 'family-new-invalid-id');
      await screenshot(page, 'family-invalid-id');

      // Corrected, it goes through and she is on the list as a grandparent, managed by him.
      await idInput.fill(VALID_ID);
      await page.getByTestId('family-submit').click();
      await page.waitForURL(/\/me\/family$/);
      await eventually(() => page.getByRole('status').first().innerText()).toContain(
        fill(zh.family.added, { name: grandmother.name }),
      );
      const item = itemOf(page, grandmother.name);
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain(zh.relationship.grandparent);
      expect(text).toContain(zh.via.own);
      expect(text).toContain(zh.sex.female);
      expect(text).toContain('1949');
      expect(await page.getByTestId('family-item').count()).toBe(before + 1);
      await expectAccessible(page, 'family-list-added');
      await screenshot(page, 'family-added');

      // Removing her (in place, no pop-up) leaves the list as it was.
      await removeMember(page, grandmother.name);
      expect(await page.getByTestId('family-item').count()).toBe(before);
    });
  });

  it('a name with markup is shown as text and never runs', async () => {
    await journey(browser(), 'family-markup-name', async ({ phone }) => {
      const page = await phone('zh-CN');
      await signInWithPassword(page, ZHANG_WEI);
      await openFamily(page);
      await page.getByTestId('family-add').click();
      await page.waitForURL('**/me/family/new');
      await fillMember(page, {
        relationship: 'other',
        name: MARKUP_NAME,
        sex: 'unknown',
        birthDate: '1990-01-01',
      });
      await page.getByTestId('family-submit').click();
      await page.waitForURL(/\/me\/family$/);

      const item = itemOf(page, MARKUP_NAME);
      await item.waitFor();
      expect(await item.locator('.item-title span').first().innerText()).toBe(MARKUP_NAME);
      expect(await item.locator('b, script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      await expectAccessible(page, 'family-list-markup');

      // The same name on the home page's profile switcher and on the records page: still text.
      await page.getByTestId('tab-home').locator('a').click();
      const option = page.getByTestId('profile-option').filter({ hasText: MARKUP_NAME });
      await option.waitFor();
      await option.click();
      await page.getByTestId('tab-records').locator('a').click();
      await eventually(() => page.getByTestId('records-demographics').innerText()).toContain(MARKUP_NAME);
      expect(await page.locator('main b, main script').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
      await expectAccessible(page, 'records-markup');

      await openFamily(page);
      await removeMember(page, MARKUP_NAME);
    });
  });
});
