// The real toolbar popup (chrome.action.openPopup), not only the ?tab= report: the active tab's failures,
// Open report, Clear and Settings; and closing a tab drops its stored failures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import type { Page } from 'playwright-core';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { connectCdp, DEBUGGING_PORT_ARG, openActionPopup, popupFailures } from '../support/action-popup';

let browser: ExtensionBrowser;
let cdp: Browser;
let site: Awaited<ReturnType<typeof startSite>>;
let serial = 0;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  browser = await ExtensionBrowser.launch({ args: [DEBUGGING_PORT_ARG] });
  cdp = await connectCdp(browser);
  const warm = await browser.context.newPage();
  await warm.goto(`${site.origin}/pages/blank?warm`);
  await warm.close();
});

afterAll(async () => {
  await cdp?.disconnect();
  await browser?.close();
  await site?.close();
});

/** A page in front with two failures, recorded. */
async function failingPage(): Promise<{ page: Page; tabId: number; urls: string[] }> {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/pages/blank?popup${++serial}`);
  const tabId = await browser.tabIdOf(page);
  const urls = [`${site.origin}/status/500?popup${serial}`, `${site.origin}/status/404?popup${serial}`];
  await page.evaluate((list) => Promise.all(list.map((u) => fetch(u, { credentials: 'omit' }))), urls);
  await browser.failures(tabId, 2);
  await page.bringToFront();
  return { page, tabId, urls };
}

const storedLog = async (tabId: number): Promise<unknown> => {
  const helper = await browser.context.newPage();
  await helper.goto(`${browser.reportUrl}?tab=-2`);
  // Stored as JSON text.
  const value = await helper.evaluate((key) => chrome.storage.session.get(key).then((items) => (items[key] === undefined ? null : JSON.parse(items[key] as string))), `tab:${tabId}`);
  await helper.close();
  return value;
};

it('shows the active tab\'s failures, and Open report opens the full report of that tab', async () => {
  const other = await failingPage();
  const { page, tabId, urls } = await failingPage();
  const popup = await openActionPopup(browser, cdp);
  // Only the active tab's failures, not the other tab's.
  expect((await popupFailures(popup)).map((f) => f.url).sort()).toEqual([...urls].sort());
  expect(await popup.$eval('#page', (el) => el.textContent)).toContain(page.url());
  const [report] = await Promise.all([browser.context.waitForEvent('page'), popup.click('#open-report')]);
  await report.waitForSelector('[data-failure]');
  expect(report.url()).toBe(`${browser.reportUrl}?tab=${tabId}`);
  expect(await report.$$eval('[data-failure]', (els) => els.map((el) => el.getAttribute('data-url')).sort())).toEqual([...urls].sort());
  await Promise.all([report.close(), page.close(), other.page.close()]);
});

it('Clear empties the popup, the stored failures and the badge', async () => {
  const { page, tabId } = await failingPage();
  await expect.poll(() => browser.badge(tabId)).toBe('2');
  await page.bringToFront();
  const popup = await openActionPopup(browser, cdp);
  expect(await popupFailures(popup)).toHaveLength(2);
  await popup.click('#clear');
  await popup.waitForSelector('[data-empty]');
  expect(await popupFailures(popup)).toEqual([]);
  await expect.poll(() => browser.badge(tabId)).toBe('');
  expect(await storedLog(tabId)).toMatchObject({ failures: [] });
  await page.close();
});

it('Settings opens the settings page', async () => {
  const { page } = await failingPage();
  const popup = await openActionPopup(browser, cdp);
  const [settings] = await Promise.all([browser.context.waitForEvent('page'), popup.click('#settings')]);
  await settings.waitForSelector('#notify');
  expect(settings.url()).toBe(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await Promise.all([settings.close(), page.close()]);
});

it('closing a tab drops its stored failures (tabs.onRemoved)', async () => {
  const { page, tabId } = await failingPage();
  expect(await storedLog(tabId)).toMatchObject({ tabId });
  await page.close();
  await expect.poll(() => storedLog(tabId), { timeout: 10_000 }).toBeNull();
});
