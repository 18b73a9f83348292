// Clear can be undone for a few seconds (issue 30), and the emptied popup says the list was cleared,
// never that every request succeeded.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

async function failingPage(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?clear-undo-${Math.random()}`);
  await page.evaluate((origin) => Promise.all([fetch(`${origin}/status/500?a`), fetch(`${origin}/status/503?b`)]), suite.site.origin);
  const tabId = await suite.browser.tabIdOf(page);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('2');
  await page.bringToFront();
  return { page, tabId };
}

it('Clear empties the list and says so; Undo brings every failure and the badge back', async () => {
  const { page, tabId } = await failingPage();
  const popup = await suite.browser.toolbarPopup(page);
  await popup.waitForSelector('[data-failure]');
  await popup.click('#clear');
  await popup.waitForSelector('[data-empty="cleared"]');
  const empty = await popup.$eval('[data-empty]', (el) => el.textContent);
  expect(empty).toContain('List cleared');
  expect(empty).not.toMatch(/succeeded/);
  expect(await popup.$eval('#undo-text', (el) => el.textContent)).toBe('List cleared.');
  // Read from the popup itself: opening another page would close it.
  const badge = () => popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  await expect.poll(badge).toBe('');
  await popup.click('#undo');
  await popup.waitForFunction(() => document.querySelectorAll('[data-failure]').length === 2);
  expect(await popup.$eval('#undo-clear', (el) => (el as HTMLElement).hidden)).toBe(true);
  await expect.poll(badge).toBe('2');
  await popup.close();
  expect((await suite.browser.failures(tabId, 2)).map((f) => f.code).sort()).toEqual(['500', '503']);
  await page.close();
});

it('Undo after a new failure came in: says it is too late, and keeps the new one alone', async () => {
  const { page } = await failingPage();
  const popup = await suite.browser.toolbarPopup(page);
  await popup.waitForSelector('[data-failure]');
  await popup.click('#clear');
  await popup.waitForSelector('[data-empty="cleared"]');
  await page.evaluate((origin) => fetch(`${origin}/status/502?new`), suite.site.origin);
  await popup.waitForSelector('[data-failure][data-code="502"]');
  await popup.click('#undo');
  await popup.waitForFunction(() => document.getElementById('undo-text')?.textContent?.startsWith('Too late'));
  expect(await popup.$$eval('[data-failure]', (lines) => lines.map((line) => line.getAttribute('data-code')))).toEqual(['502']);
  await popup.close();
  await page.close();
});
