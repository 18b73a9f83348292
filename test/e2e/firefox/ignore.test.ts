// Real Firefox ESR: "Ignore…" from a card, and being offline.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startSite } from '../../servers/site.mjs';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';

let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof startSite>>;
let serial = 0;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  firefox = await FirefoxBrowser.launch();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

const fetchIn = (page: Page, url: string) =>
  page.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.status, (e: Error) => e.message), url);

it('ignore "this code on this host" from a card: out of the report at once; on reload only the other host\'s 404 is listed and counted', async () => {
  const page = await firefox.newPage();
  await page.goto(`${site.origin}/pages/blank?ignore${++serial}`);
  const tabId = await firefox.tabIdOf(page);
  await fetchIn(page, `${site.origin}/status/404?ignored`);
  const report = await firefox.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  expect((await firefox.readReport(report)).map((f) => f.code)).toEqual(['404']);
  await report.click('[data-failure] button[data-action="ignore"]');
  await report.click('[data-failure] button[data-ignore-scope="host-code"]');
  await report.waitForSelector('[data-ignored-count="1"]');
  expect(await report.$$eval('[data-failure]', (cards) => cards.length)).toBe(0);
  await report.close();

  await page.reload();
  await fetchIn(page, `${site.origin}/status/404?ignored-again`);
  await fetchIn(page, `${site.origin.replace('127.0.0.1', 'localhost')}/status/404?other-host`);
  expect((await firefox.failures(tabId, 1)).map((f) => f.url)).toEqual([`${site.origin.replace('127.0.0.1', 'localhost')}/status/404?other-host`]);
  const control = await firefox.control();
  await expect.poll(() => control.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId)).toBe('1');
  await page.close();
});

/** The notification frame of a tab, once its text matches. puppeteer's frame.url() stays about:blank for it, so ask the frame. */
async function noticeText(page: Page, text: RegExp, timeout = 10_000): Promise<string> {
  const url = `${firefox.origin}/src/content/notice.html`;
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    for (const frame of page.frames() as Frame[]) {
      if (frame === page.mainFrame() || (await frame.evaluate(() => location.href).catch(() => '')) !== url) continue;
      last = await frame.evaluate(() => document.getElementById('notice')?.textContent ?? '').catch(() => '');
      if (text.test(last)) return last;
    }
    if (Date.now() > deadline) throw new Error(`no notification matching ${text}; last: ${last}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

// Puppeteer's setOfflineMode (WebDriver BiDi network emulation) makes Firefox fail the page's requests
// with NS_ERROR_OFFLINE, and the extension's webRequest sees them.
it('offline: 10 requests make one "You are offline" notice; back online says so', async () => {
  const page = await firefox.newPage();
  await page.goto(`${site.origin}/pages/blank?offline${++serial}`);
  const tabId = await firefox.tabIdOf(page);
  await page.bringToFront();
  await page.setOfflineMode(true);
  await page.evaluate((origin) => Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${origin}/ok/offline-${i}.json`).catch(() => {}))), site.origin);
  expect(await noticeText(page, /You are offline/)).toMatch(/10×/);
  expect(await page.evaluate(() => document.querySelectorAll(':popover-open').length)).toBe(1);
  await page.setOfflineMode(false);
  expect((await firefox.failures(tabId, 10)).map((f) => f.code)).toEqual(Array(10).fill('NS_ERROR_OFFLINE'));
  await page.bringToFront();
  expect(await fetchIn(page, `${site.origin}/ok/back.json`)).toBe(200);
  await noticeText(page, /You are back online/);
  await page.close();
});
