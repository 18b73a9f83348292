// Firefox parity with the Chromium end-to-end claims: badge, 5xx through a real nginx, reset, empty
// response, redirect loop, a new page clearing the old failures, and a muted site after a real suspension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startSite } from '../../servers/site.mjs';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';

let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof startSite>>;
let serial = 0;

beforeAll(async () => {
  site = await startSite();
  firefox = await FirefoxBrowser.launch({ idleTimeoutMs: 2000 });
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

async function activePage(): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.newPage();
  await page.goto(`${site.origin}/pages/blank?parity${++serial}`);
  const tabId = await firefox.tabIdOf(page);
  await page.bringToFront();
  return { page, tabId };
}

const fetchIn = (page: Page, url: string) =>
  page.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.status, (e: Error) => e.message), url);

const badge = async (tabId: number): Promise<string> => (await firefox.control()).evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId);

const setSettings = async (values: Record<string, unknown>): Promise<void> =>
  (await firefox.control()).evaluate((v) => browser.storage.sync.set(v), values);

describe('Firefox parity', () => {
  it.each([
    { kind: '502 from nginx proxying to a dead upstream', path: (s: typeof site) => `${s.nginxOrigin}/bad-gateway`, stage: 'receive', code: '502' },
    { kind: 'connection reset', path: (s: typeof site) => `${s.origin}/reset`, stage: 'wait', code: 'NS_ERROR_NET_RESET' },
    { kind: 'empty response (nginx 444)', path: (s: typeof site) => `${s.nginxOrigin}/no-response`, stage: 'wait', code: 'NS_ERROR_NET_RESET' },
    { kind: 'redirect loop', path: (s: typeof site) => `${s.origin}/loop`, stage: 'receive', code: 'NS_ERROR_REDIRECT_LOOP' },
  ])('$kind → $stage $code', async ({ path, stage, code }) => {
    const { page, tabId } = await activePage();
    await fetchIn(page, path(site));
    const failures = await firefox.failures(tabId, 1);
    expect(failures.map((f) => ({ stage: f.stage, code: f.code }))).toEqual([{ stage, code }]);
    await page.close();
  });

  it('the badge counts the tab\'s failures, and a new page clears them', async () => {
    const { page, tabId } = await activePage();
    await fetchIn(page, `${site.origin}/status/500?badge`);
    await fetchIn(page, `${site.origin}/status/500?badge`);
    await fetchIn(page, `${site.origin}/status/404?badge`);
    expect((await firefox.failures(tabId, 2)).map((f) => f.count).sort()).toEqual([1, 2]);
    await expect.poll(() => badge(tabId), { timeout: 10_000 }).toBe('3');
    await page.goto(`${site.origin}/pages/blank?next-page`);
    await expect.poll(() => firefox.failures(tabId), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => badge(tabId), { timeout: 10_000 }).toBe('');
    await page.close();
  });
});

/** The notification frame's lines (puppeteer keeps frame.url() at about:blank for it, so ask each frame). */
async function noticeCodes(page: Page, tabId: number, timeout = 10_000): Promise<string[]> {
  // The frame's address names no tab (a page must learn nothing from it); this page has one frame of it.
  const url = `${firefox.origin}/src/content/notice.html`;
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames() as Frame[]) {
      if (frame === page.mainFrame() || (await frame.evaluate(() => location.href).catch(() => '')) !== url) continue;
      const codes = await frame.evaluate(() => [...document.querySelectorAll('li')].map((li) => li.getAttribute('data-code') ?? '')).catch(() => []);
      if (codes.length) return codes;
    }
    if (Date.now() > deadline) throw new Error(`no notification in tab ${tabId}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('Firefox: right after a real event-page suspension', () => {
  it('a muted site gets no notification from the failure that wakes the event page', async () => {
    await setSettings({ mutedSites: ['127.0.0.1'] });
    try {
      const { page, tabId } = await activePage();
      await firefox.waitForSuspension();
      await fetchIn(page, `${site.origin}/status/500?muted-after-suspension`);
      // Positive signal first: the woken event page recorded it.
      expect((await firefox.failures(tabId, 1)).map((f) => f.code)).toEqual(['500']);
      await page.bringToFront();
      // Unmuted, the next failure notifies: the notification holds only that one.
      await setSettings({ mutedSites: [] });
      await fetchIn(page, `${site.origin}/status/503?unmuted`);
      expect(await noticeCodes(page, tabId)).toEqual(['503']);
      await page.close();
    } finally {
      await setSettings({ mutedSites: [] });
    }
  });
});
