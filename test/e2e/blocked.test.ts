// A real second extension blocks a URL with declarativeNetRequest: the block is listed apart, under
// "Blocked in your browser", never counted on the badge and never notified.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { fetchIn, hostCount, waitForNotice } from '../support/chromium-notice';

let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  browser = await ExtensionBrowser.launch({ extraExtensions: [resolve('test/fixtures/blocker-extension')] });
  const warm = await browser.context.newPage();
  await warm.goto(`${site.origin}/pages/blank?warm`);
  await warm.close();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('a request blocked by another extension is listed under "Blocked in your browser", not on the badge', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/pages/blank?blocked`);
  const tabId = await browser.tabIdOf(page);
  await page.bringToFront();
  expect(await fetchIn(page, `${site.origin}/ok/blocked-by-extension.json`)).toBe('Failed to fetch');
  await fetchIn(page, `${site.origin}/status/500?counted`);
  // The notification shows only the counted failure (it closes itself after 8 s: checked first).
  const frame = await waitForNotice(browser, page, /500/);
  expect(await frame.locator('li').evaluateAll((lines) => lines.map((li) => li.getAttribute('data-code')))).toEqual(['500']);
  expect(await hostCount(page)).toBe(1);
  const { failures, page: report } = await browser.report(tabId, 2);
  expect(failures.map((f) => f.code).sort()).toEqual(['500', 'net::ERR_BLOCKED_BY_CLIENT']);
  // Each card's section is the heading before it.
  const sections = await report.$$eval('[data-failure]', (cards) => cards.map((card) => {
    let el: Element | null = card;
    while (el && !(el.matches('section.group'))) el = el.previousElementSibling;
    return [card.getAttribute('data-code'), el?.querySelector('h2')?.firstChild?.textContent ?? ''];
  }));
  expect(sections).toContainEqual(['net::ERR_BLOCKED_BY_CLIENT', 'Blocked in your browser']);
  expect(sections.find(([code]) => code === '500')?.[1]).not.toBe('Blocked in your browser');
  await report.close();
  await expect.poll(() => browser.badge(tabId)).toBe('1');
  await page.close();
});
