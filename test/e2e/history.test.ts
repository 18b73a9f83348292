// The History view in real Chromium: failures of two tabs, a page left, a closed tab and no tab;
// filters; HAR/JSON/CSV downloads; Clear history; and keeping it across a restart only when opted in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @ts-expect-error har-validator ships no types
import validate from 'har-validator';
import { siteWorker } from '../support/chromium-notice';
import { chromiumSuite } from '../support/chromium-suite';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { startSite } from '../servers/site.mjs';

const suite = chromiumSuite({ nginx: false });
/** Generous: the machine may be busy, and storage writes land a moment after the event. */
const POLL = { timeout: 15_000 };

interface Row { url: string; code: string; stage: string; tab: number; page: string; current: boolean }

const fetchIn = (page: Page, url: string) => page.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.status, (e: Error) => e.message), url);

async function rows(view: Page): Promise<Row[]> {
  await view.waitForSelector('main[aria-busy="false"]');
  return view.$$eval('[data-failure]', (cards) => cards.map((card) => ({
    url: card.getAttribute('data-url') ?? '', code: card.getAttribute('data-code') ?? '', stage: card.getAttribute('data-stage') ?? '',
    tab: Number(card.getAttribute('data-tab')), page: card.getAttribute('data-page') ?? '', current: card.hasAttribute('data-current-page'),
  })));
}

/** Open the history (with filters) and read it, reopening until `until` holds: writes reach storage within a moment. */
async function history(browser: ExtensionBrowser, query = '', until: (rows: Row[]) => boolean = () => true): Promise<{ view: Page; rows: Row[] }> {
  const view = await browser.context.newPage();
  const deadline = Date.now() + 15_000;
  for (;;) {
    await view.goto(`${browser.reportUrl}?view=history${query}`);
    const found = await rows(view);
    if (until(found) || Date.now() > deadline) return { view, rows: found };
    await view.waitForTimeout(300);
  }
}

const urlsOf = (found: Row[]) => found.map((row) => row.url).sort();

describe('history across tabs', () => {
  it('lists failures of two tabs, a page left, a closed tab and no tab; filters, exports and clears them', { timeout: 240_000 }, async () => {
    const { origin } = suite.site;
    const a = await suite.browser.context.newPage();
    await a.goto(`${origin}/pages/blank?a`);
    const tabA = await suite.browser.tabIdOf(a);
    const b = await suite.browser.context.newPage();
    await b.goto(`${origin}/pages/blank?b`);
    const tabB = await suite.browser.tabIdOf(b);
    await fetchIn(a, `${origin}/status/500?a`);
    await fetchIn(b, `${origin}/status/404?b`);
    await fetchIn(b, `${origin}/reset?b`);
    await fetchIn(a, 'http://nonexistent.invalid/a');
    // Tab A moves on to another page (its report forgets the old failures; the history does not), tab B closes.
    await a.goto(`${origin}/pages/blank?a2`);
    await fetchIn(a, `${origin}/status/502?a2`);
    await expect.poll(async () => (await suite.browser.failures(tabA, 1)).map((f) => f.code), POLL).toEqual(['502']);
    await b.close();
    // A request without a tab: from the site's own service worker (the extension's own never count).
    await (await siteWorker(suite.browser, origin)).evaluate((url) => fetch(url).then(() => {}, () => {}), `${origin}/status/503?tabless`);

    const expected: Row[] = [
      { url: `${origin}/status/502?a2`, code: '502', stage: 'receive', tab: tabA, page: `${origin}/pages/blank?a2`, current: true },
      { url: 'http://nonexistent.invalid/a', code: 'net::ERR_NAME_NOT_RESOLVED', stage: 'dns', tab: tabA, page: `${origin}/pages/blank?a`, current: false },
      { url: `${origin}/reset?b`, code: 'net::ERR_CONNECTION_RESET', stage: 'wait', tab: tabB, page: `${origin}/pages/blank?b`, current: false },
      { url: `${origin}/status/404?b`, code: '404', stage: 'receive', tab: tabB, page: `${origin}/pages/blank?b`, current: false },
      { url: `${origin}/status/500?a`, code: '500', stage: 'receive', tab: tabA, page: `${origin}/pages/blank?a`, current: false },
      { url: `${origin}/status/503?tabless`, code: '503', stage: 'receive', tab: -1, page: '', current: false },
    ];
    const mine = (found: Row[]) => found.filter((row) => expected.some((e) => e.url === row.url));
    const { view, rows: all } = await history(suite.browser, '', (found) => mine(found).length === expected.length);
    expect(mine(all).sort((x, y) => x.url.localeCompare(y.url))).toEqual([...expected].sort((x, y) => x.url.localeCompare(y.url)));
    // Newest first, and each card names its page by title.
    expect(all[0]!.url).toBe(`${origin}/status/503?tabless`);
    expect(await view.locator(`[data-failure][data-url="${origin}/status/500?a"] .history-page`).textContent()).toContain('blank');
    // Its cards answer Copy report and Open in tab; Recheck and Watch are the tab's report's (a failure still in its log).
    expect(await view.locator('[data-failure] button[data-action="copy"]').count()).toBeGreaterThan(0);
    expect(await view.locator('[data-failure] button[data-action="recheck"], [data-failure] button[data-action="watch"]').count()).toBe(0);
    // Open in tab: tab A has moved on from page ?a, so its failure opens that page again rather than tab A, and says so.
    expect(await view.locator(`[data-failure][data-url="${origin}/status/500?a"] [data-action="open-tab"]`).textContent()).toBe('Open again');
    const [opened] = await Promise.all([
      suite.browser.context.waitForEvent('page'),
      view.click(`[data-failure][data-url="${origin}/status/500?a"] [data-action="open-tab"]`),
    ]);
    await expect.poll(() => opened.url(), POLL).toBe(`${origin}/pages/blank?a`);
    await opened.close();

    // Each filter narrows the list, from the URL and from the controls.
    const filtered = async (query: string) => {
      await view.goto(`${suite.browser.reportUrl}?view=history${query}`);
      return urlsOf(mine(await rows(view)));
    };
    const pick = (...codes: string[]) => urlsOf(expected.filter((row) => codes.includes(row.code)));
    expect(await filtered('&class=5xx')).toEqual(pick('500', '502', '503'));
    expect(await filtered('&class=4xx')).toEqual(pick('404'));
    expect(await filtered('&class=network')).toEqual(pick('net::ERR_NAME_NOT_RESOLVED', 'net::ERR_CONNECTION_RESET'));
    expect(await filtered('&stage=dns,wait')).toEqual(pick('net::ERR_NAME_NOT_RESOLVED', 'net::ERR_CONNECTION_RESET'));
    expect(await filtered('&host=nonexistent.invalid')).toEqual(pick('net::ERR_NAME_NOT_RESOLVED'));
    expect(await filtered('&q=tabless')).toEqual(pick('503'));
    expect(await filtered(`&tab=${tabB}`)).toEqual(pick('404', 'net::ERR_CONNECTION_RESET'));
    expect(await filtered('&time=15m&class=4xx,5xx&q=%3Fa')).toEqual(pick('500', '502'));
    await filtered('');
    await view.fill('input[name="q"]', 'reset?b');
    await expect.poll(async () => urlsOf(await rows(view)), POLL).toEqual(pick('net::ERR_CONNECTION_RESET'));
    expect(new URL(view.url()).searchParams.get('q')).toBe('reset?b');
    await view.fill('input[name="q"]', '');
    await view.check('input[name="class"][value="4xx"]');
    await expect.poll(async () => urlsOf(mine(await rows(view))), POLL).toEqual(pick('404'));
    await view.selectOption('select[name="group"]', 'page');
    await expect.poll(() => view.locator(`section.group[data-group="${origin}/pages/blank?b"] .group-count`).textContent(), POLL).toBe('1');
    await view.uncheck('input[name="class"][value="4xx"]');
    await expect.poll(async () => mine(await rows(view)).length, POLL).toBe(expected.length);

    // The HAR download is valid HAR 1.2 and holds every failure shown.
    const shown = await rows(view);
    const [har] = await Promise.all([view.waitForEvent('download'), view.click('[data-action="export-har"]')]);
    expect(har.suggestedFilename()).toMatch(/^request-doctor-\d{8}-\d{4}\.har$/);
    const log = JSON.parse(readFileSync((await har.path())!, 'utf8'));
    await expect(validate.har(log)).resolves.toBeTruthy();
    expect(log.log.entries.map((e: { request: { url: string } }) => e.request.url).sort()).toEqual(urlsOf(shown));
    const dns = log.log.entries.find((e: { request: { url: string } }) => e.request.url === 'http://nonexistent.invalid/a');
    expect(dns.response).toMatchObject({ status: 0, _error: 'net::ERR_NAME_NOT_RESOLVED' });
    const [csv] = await Promise.all([view.waitForEvent('download'), view.click('[data-action="export-csv"]')]);
    expect(csv.suggestedFilename()).toMatch(/^request-doctor-\d{8}-\d{4}\.csv$/);
    expect(readFileSync((await csv.path())!, 'utf8').trim().split('\r\n')).toHaveLength(shown.length + 1);
    const [json] = await Promise.all([view.waitForEvent('download'), view.click('[data-action="export-json"]')]);
    expect(json.suggestedFilename()).toMatch(/^request-doctor-\d{8}-\d{4}\.json$/);
    expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).entries).toHaveLength(shown.length);

    // Clear history empties the list; the tab's own report keeps its failure.
    await view.click('[data-action="clear-history"]');
    await view.waitForSelector('[data-empty]');
    expect(await rows(view)).toEqual([]);
    await view.reload();
    await view.waitForSelector('[data-empty]');
    expect(await rows(view)).toEqual([]);
    expect((await suite.browser.failures(tabA, 1)).map((f) => f.code)).toEqual(['502']);
    await Promise.all([view.close(), a.close()]);
  });

  it('a tab\'s report exports that tab\'s failures, with its page, as HAR, JSON and CSV', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?report-export`);
    const tabId = await suite.browser.tabIdOf(page);
    const urls = [`${suite.site.origin}/status/409?report-export`, 'http://nonexistent.invalid/report-export'];
    for (const url of urls) await fetchIn(page, url);
    const { page: report } = await suite.browser.report(tabId, 2);
    const [har] = await Promise.all([report.waitForEvent('download'), report.click('[data-action="export-har"]')]);
    expect(har.suggestedFilename()).toMatch(/^request-doctor-\d{8}-\d{4}\.har$/);
    const log = JSON.parse(readFileSync((await har.path())!, 'utf8'));
    await expect(validate.har(log)).resolves.toBeTruthy();
    expect(log.log.entries.map((e: { request: { url: string } }) => e.request.url).sort()).toEqual([...urls].sort());
    const [json] = await Promise.all([report.waitForEvent('download'), report.click('[data-action="export-json"]')]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { entries: { url: string; pageUrl: string }[] };
    expect(exported.entries.map((e) => [e.url, e.pageUrl]).sort()).toEqual(urls.map((u) => [u, page.url()]).sort());
    const [csv] = await Promise.all([report.waitForEvent('download'), report.click('[data-action="export-csv"]')]);
    expect(readFileSync((await csv.path())!, 'utf8').trim().split('\r\n')).toHaveLength(urls.length + 1);
    await Promise.all([report.close(), page.close()]);
  });

  it('the report links to the history of its tab, and the popup to all of it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?link`);
    const tabId = await suite.browser.tabIdOf(page);
    await fetchIn(page, `${suite.site.origin}/status/410?link`);
    const { page: report } = await suite.browser.report(tabId, 1);
    await report.click('#history');
    await report.waitForURL(new RegExp(`\\?view=history&tab=${tabId}$`));
    await expect.poll(async () => urlsOf(await rows(report)), POLL).toEqual([`${suite.site.origin}/status/410?link`]);
    await report.click('[data-action="all-tabs"]');
    expect(new URL(report.url()).searchParams.has('tab')).toBe(false);
    await Promise.all([report.close(), page.close()]);
  });
});

it("a hash-routed app's page is still its page after the route changes: marked current, and Open in tab goes to it", async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?spa#/orders`);
  const tabId = await suite.browser.tabIdOf(page);
  const url = `${suite.site.origin}/status/500?spa`;
  await fetchIn(page, url);
  await page.evaluate(() => (location.hash = '#/cart'));
  const { view } = await history(suite.browser, '', (found) => found.some((row) => row.url === url));
  const card = view.locator(`[data-failure][data-url="${url}"]`);
  expect(await card.getAttribute('data-current-page')).toBe('');
  expect(await card.locator('[data-action="open-tab"]').textContent()).toBe('Go to tab');
  await card.locator('[data-action="open-tab"]').click();
  await expect.poll(() => view.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id), POLL).toBe(tabId);
  await Promise.all([view.close(), page.close()]);
});

it('an export asked for while the history is still being read waits for all of it', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?export-wait`);
  // 150 failures: three stored chunks, so the view reads the newest two first and the third after.
  await page.evaluate((origin) => Promise.all(Array.from({ length: 150 }, (_, n) => fetch(`${origin}/status/500?export-wait=${n}`).catch(() => {}))), suite.site.origin);
  const helper = await suite.browser.context.newPage();
  await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
  const stored = () => helper.evaluate(async () => Object.entries(await chrome.storage.session.get(null)).filter(([key]) => /^history:\d+$/.test(key))
    .flatMap(([, chunk]) => JSON.parse(chunk as string) as { url: string }[]).filter((entry) => entry.url.includes('export-wait')).length);
  await expect.poll(stored, POLL).toBe(150);
  await helper.close();
  const view = await suite.browser.context.newPage();
  // The read of the older chunks (the one asking for the oldest) answers 2 s late, so the click below lands
  // while only the newest are read.
  await view.addInitScript(() => {
    const area = chrome.storage.session;
    const get = area.get.bind(area) as (keys: unknown) => Promise<Record<string, unknown>>;
    const olderChunks = async (keys: unknown): Promise<boolean> => {
      if (!Array.isArray(keys) || keys.includes('history-meta')) return false;
      const meta = (await get('history-meta'))['history-meta'] as { first: number } | undefined;
      return meta !== undefined && keys.includes(`history:${meta.first}`);
    };
    area.get = ((keys: unknown, callback?: (items: unknown) => void) => {
      const answer = olderChunks(keys).then((late) => (late ? new Promise((done) => setTimeout(done, 2000)) : undefined)).then(() => get(keys));
      if (!callback) return answer;
      void answer.then(callback);
      return undefined;
    }) as typeof area.get;
  });
  await view.goto(`${suite.browser.reportUrl}?view=history&q=export-wait`);
  await view.locator('[data-failure]').first().waitFor();
  expect(await view.getAttribute('main', 'aria-busy')).toBe('true');
  const [json] = await Promise.all([view.waitForEvent('download'), view.click('[data-action="export-json"]')]);
  expect(JSON.parse(readFileSync((await json.path())!, 'utf8')).entries).toHaveLength(150);
  await Promise.all([view.close(), page.close()]);
});

describe('keeping the history across a restart', () => {
  /** Run in an extension page of the browser. */
  async function inExtension<T>(browser: ExtensionBrowser, run: () => Promise<T>): Promise<T> {
    const helper = await browser.context.newPage();
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    const result = await helper.evaluate(run);
    await helper.close();
    return result;
  }
  const localHistoryUrls = (browser: ExtensionBrowser) => inExtension(browser, async () =>
    Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('history:'))
      .flatMap(([, chunk]) => (JSON.parse(chunk as string) as { url: string }[]).map((entry) => entry.url)));

  /** Start the browser on the profile; the worker's listeners exist once one navigation has gone through. */
  async function launch(profile: string, origin: string): Promise<ExtensionBrowser> {
    const browser = await ExtensionBrowser.launch({ profile });
    const warm = await browser.context.newPage();
    await warm.goto(`${origin}/pages/blank?warm`);
    await warm.close();
    return browser;
  }

  async function fail(browser: ExtensionBrowser, url: string): Promise<void> {
    const page = await browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?restart`);
    await fetchIn(page, url);
    await history(browser, '', (found) => found.some((row) => row.url === url)).then(({ view }) => view.close());
    await page.close();
  }

  it('survives a restart on the same profile only with the setting on', { timeout: 240_000 }, async () => {
    const site = await startSite({ nginx: false });
    const profile = ExtensionBrowser.newProfile();
    let browser = await launch(profile, site.origin);
    try {
      const kept = `${site.origin}/status/500?kept`;
      await inExtension(browser, () => chrome.storage.sync.set({ historyDays: 7 }));
      await fail(browser, kept);
      await expect.poll(() => localHistoryUrls(browser), POLL).toContain(kept);
      await browser.close({ keepProfile: true });

      browser = await launch(profile, site.origin);
      const { view, rows: after } = await history(browser, '', (found) => found.some((row) => row.url === kept));
      expect(after.map((row) => row.url)).toContain(kept);
      await view.close();

      // Turned off: storage.local is emptied, and after the next restart the history is gone.
      const notKept = `${site.origin}/status/501?not-kept`;
      await inExtension(browser, () => chrome.storage.sync.set({ historyDays: 0 }));
      await expect.poll(() => localHistoryUrls(browser), POLL).toEqual([]);
      await fail(browser, notKept);
      expect(await localHistoryUrls(browser)).toEqual([]);
      await browser.close({ keepProfile: true });

      browser = await launch(profile, site.origin);
      const { view: fresh } = await history(browser);
      await fresh.waitForSelector('[data-empty]');
      expect(await rows(fresh)).toEqual([]);
      await fresh.close();
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

it('offers failures recorded while it is open, and shows them when asked', async () => {
  const { origin } = suite.site;
  const page = await suite.browser.context.newPage();
  await page.goto(`${origin}/pages/blank?live`);
  const first = `${origin}/status/500?live=1`;
  const later = `${origin}/status/503?live=2`;
  await fetchIn(page, first);
  const { view } = await history(suite.browser, '&q=live%3D', (found) => found.some((row) => row.url === first));
  // Read and shown (the positive signal): nothing new yet, so nothing offered.
  expect(await view.locator('[data-action="show-new"]').count()).toBe(0);
  // A failure the view's filter (q=live=) would not show is no news to it: once it is stored, still no offer.
  const unrelated = `${origin}/status/502?elsewhere`;
  await fetchIn(page, unrelated);
  const storedUrls = () => view.evaluate(async () => Object.entries(await chrome.storage.session.get(null)).filter(([key]) => /^history:\d+$/.test(key))
    .flatMap(([, chunk]) => (JSON.parse(chunk as string) as { url: string }[]).map((entry) => entry.url)));
  await expect.poll(storedUrls, POLL).toContain(unrelated);
  expect(await view.locator('[data-action="show-new"]').count()).toBe(0);
  await fetchIn(page, later);
  const offer = view.locator('[data-action="show-new"]');
  await offer.waitFor({ timeout: 15_000 });
  expect(await view.locator('.history-new').textContent()).toContain('New failures');
  // Offered, not pushed in: the list stays as read until asked.
  expect(urlsOf(await rows(view))).toEqual([first]);
  await offer.click();
  await expect.poll(async () => urlsOf(await rows(view)), POLL).toEqual([first, later].sort());
  expect(await view.locator('[data-action="show-new"]').count()).toBe(0);
  expect(await view.evaluate(() => document.activeElement?.id)).toBe('history');
  await Promise.all([view.close(), page.close()]);
});

it('grouped, "Scroll for N more" counts the failures not yet shown, not the group headings', async () => {
  const { origin } = suite.site;
  const page = await suite.browser.context.newPage();
  await page.goto(`${origin}/pages/blank?more`);
  const other = origin.replace('127.0.0.1', 'localhost');
  // Three failures of another host first (older), then 40 of this one: the second group's heading comes after the first screen.
  for (let n = 0; n < 3; n++) await fetchIn(page, `${other}/status/500?more-count=other${n}`);
  await page.evaluate((o) => Promise.all(Array.from({ length: 40 }, (_, n) => fetch(`${o}/status/500?more-count=${n}`).catch(() => {}))), origin);
  const view = await suite.browser.context.newPage();
  // Reopened until all 43 are stored: writes land a moment after the requests.
  await expect.poll(async () => {
    await view.goto(`${suite.browser.reportUrl}?view=history&q=more-count&group=host`);
    await view.waitForSelector('main[aria-busy="false"]');
    return view.locator('.summary').textContent();
  }, POLL).toMatch(/^43\b/);
  // The case this is about: the second group's heading is not built yet.
  expect(await view.locator('section.group').count()).toBe(1);
  const { said, built } = await view.evaluate(() => ({
    said: Number(/\d+/.exec(document.querySelector('.more')?.textContent ?? '')?.[0]),
    built: document.querySelectorAll('[data-failure]').length,
  }));
  expect(said).toBe(43 - built);
  await Promise.all([view.close(), page.close()]);
});
