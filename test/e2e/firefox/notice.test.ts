// Real Firefox ESR: the in-page notification, and the report reached through its Details button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Target } from 'puppeteer-core';
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

/** A page on the site, in the active tab (only the active tab gets a notification). */
async function activePage(): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.newPage();
  await page.goto(`${site.origin}/pages/blank?notice${++serial}`);
  const tabId = await firefox.tabIdOf(page);
  await page.bringToFront();
  return { page, tabId };
}

const fetchIn = (page: Page, url: string, method = 'GET') =>
  page.evaluate(([u, m]) => fetch(u, { method: m, credentials: 'omit' }).then((r) => r.status), [url, method] as const);

/** The notification frame of a tab. puppeteer's frame.url() stays about:blank for it, so ask the frame. */
async function noticeFrame(page: Page, timeout = 5000): Promise<Frame> {
  const url = `${firefox.origin}/src/content/notice.html`;
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame !== page.mainFrame() && (await frame.evaluate(() => location.href).catch(() => '')) === url) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no notification frame ${url}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('Firefox: in-page notification', () => {
  it('a failed fetch on the active tab gets the notification frame', async () => {
    const { page } = await activePage();
    expect(await fetchIn(page, `${site.origin}/status/409`, 'PUT')).toBe(409);
    await noticeFrame(page);
    expect(await page.evaluate(() => document.querySelectorAll(':popover-open').length)).toBe(1);
    await page.close();
  });

  // KNOWN GAP, flip to `it` once fixed. Firefox loads a web-accessible extension page framed by a web page
  // in that page's process, with only the content-script APIs: no storage.session and no tabs. The frame
  // (src/content/notice.ts) throws on load, so it shows nothing and Details could not call tabs.create.
  it('Details in the notification opens the report for its tab', async () => {
    const { page, tabId } = await activePage();
    await fetchIn(page, `${site.origin}/status/409`, 'PUT');
    const frame = await noticeFrame(page);
    await frame.waitForSelector('li[data-code="409"] button[data-action="details"]', { timeout: 5000 });
    const opened = new Promise<Target>((done) => firefox.browser.once('targetcreated', done));
    await frame.click('li[data-code="409"] button[data-action="details"]');
    const report = await (await opened).page();
    if (!report) throw new Error('Details opened no page');
    // The report tab lives in the extension process: wait for its own location, not puppeteer's.
    await expect.poll(() => firefox.locationOf(report), { timeout: 5000 }).toBe(`${firefox.reportUrl}?tab=${tabId}#failure=409@127.0.0.1`);
    const failures = await firefox.readReport(report);
    expect(failures.map(({ stage, code, url }) => ({ stage, code, url }))).toEqual([
      { stage: 'receive', code: '409', url: `${site.origin}/status/409` },
    ]);
    await Promise.all([report.close(), page.close()]);
  });
});
