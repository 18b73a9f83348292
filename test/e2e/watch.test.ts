// Watch, end to end in real Chromium: a server that answers 503 a few times and then 200, checked on
// the extension's own alarm schedule. The test does not wait minutes for the backoff: it fires the
// watch's real alarm early through the browser's own alarms API (re-creating it under the same name
// with `when: now`), so the worker's ordinary onAlarm path runs, across a worker stop.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { startSite } from '../servers/site.mjs';

const suite = chromiumSuite({ nginx: false });

interface StoredWatch { id: string; state: string; attempts: number; lastResult?: string; url: string; tabId?: number }
type Alarm = { name: string; scheduledTime: number };

const watchesOf = (page: Page): Promise<StoredWatch[]> => page.evaluate(async () => ((await chrome.storage.local.get('watches')).watches ?? []) as StoredWatch[]);
const alarmsOf = (page: Page): Promise<Alarm[]> => page.evaluate(() => chrome.alarms.getAll());

/** The watch's alarm, and how far ahead it is scheduled. */
async function alarmOf(page: Page, id: string): Promise<{ alarm: Alarm; inMs: number } | undefined> {
  const [alarms, now] = await Promise.all([alarmsOf(page), page.evaluate(() => Date.now())]);
  const alarm = alarms.find((a) => a.name === `watch:${id}`);
  return alarm && { alarm, inMs: alarm.scheduledTime - now };
}

/** Fire the watch's alarm now, the way the browser would once its time comes, and wait for that check. */
async function fireAndWait(page: Page, id: string, attempts: number): Promise<StoredWatch> {
  await page.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), `watch:${id}`);
  await expect.poll(async () => (await watchesOf(page)).find((w) => w.id === id)?.attempts, { timeout: 30_000 }).toBe(attempts);
  return (await watchesOf(page)).find((w) => w.id === id)!;
}

describe('watch', () => {
  it('rechecks on its schedule until a 503 works again, across a worker stop and lost alarms; then says so', async () => {
    const url = `${suite.site.origin}/flaky/watched?fail=3&code=503`;
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?watch`);
    const tabId = await suite.browser.tabIdOf(page);
    expect(await page.evaluate((u) => fetch(u).then((r) => r.status), url)).toBe(503);

    const { page: report } = await suite.browser.report(tabId, 1);
    const card = report.locator(`[data-failure][data-url="${url}"]`);
    await card.locator('button[data-action="watch"]').click();
    await card.and(report.locator('[data-watch="watching"]')).waitFor();
    const [watch] = await watchesOf(report);
    expect(watch).toMatchObject({ state: 'watching', attempts: 0, url });
    // The first check is 30 s after starting.
    const first = await alarmOf(report, watch!.id);
    expect(first?.inMs).toBeGreaterThan(20_000);
    expect(first?.inMs).toBeLessThanOrEqual(30_000);

    // A stopped worker is woken by the alarm and finds its watch in storage.local.
    await suite.browser.stopWorker();
    expect(await fireAndWait(report, watch!.id, 1)).toMatchObject({ state: 'watching', lastResult: '503' });
    const second = await alarmOf(report, watch!.id);
    expect(second?.inMs).toBeGreaterThan(50_000);
    expect(second?.inMs).toBeLessThanOrEqual(60_000);

    // Alarms lost (as on a browser restart) are re-created when the worker starts again.
    await report.evaluate(() => chrome.alarms.clearAll());
    await suite.browser.stopWorker();
    await page.evaluate((u) => fetch(u.replace('watched', 'wake')).catch(() => {}), url);
    await expect.poll(async () => (await alarmOf(report, watch!.id))?.inMs, { timeout: 20_000 }).toBeGreaterThan(0);

    expect(await fireAndWait(report, watch!.id, 2)).toMatchObject({ state: 'watching', lastResult: '503' });
    expect((await alarmOf(report, watch!.id))?.inMs).toBeGreaterThan(100_000);
    expect(await fireAndWait(report, watch!.id, 3)).toMatchObject({ state: 'recovered', lastResult: '200' });
    expect(suite.site.seen.get('GET /flaky/watched')).toBe(4);

    // Works again: the card, the report's "Back again" list and the tab's badge say so.
    await card.and(report.locator('[data-watch="recovered"]')).waitFor();
    expect(await card.textContent()).toMatch(/Works again, after \d+ s of 503/);
    const backAgain = report.locator('[data-back-again]');
    await backAgain.waitFor();
    expect(await backAgain.textContent()).toMatch(new RegExp(`Back again.*GET ${url.replace(/[?]/g, '\\?')} works again, after \\d+ s of 503`));
    await expect.poll(() => suite.browser.badge(tabId)).toBe('✓');
    // No alarm is left for it.
    expect(await alarmOf(report, watch!.id)).toBeUndefined();
    // Without the optional permission (headless Chromium cannot answer its prompt) there is no
    // notification, and everything above still happened. Firefox's test covers the granted case.
    expect(await report.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }))).toBe(false);

    // The state survives closing the report.
    await report.close();
    const { page: reopened } = await suite.browser.report(tabId, 1);
    await reopened.locator(`[data-failure][data-url="${url}"][data-watch="recovered"]`).waitFor();
    await reopened.locator('[data-back-again]').waitFor();
    await reopened.close();

    // The settings page lists it with its state and last result; Stop removes it.
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
    const item = options.locator(`[data-watch-item][data-url="${url}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-state')).toBe('recovered');
    expect(await item.textContent()).toMatch(/Works again.*Last check: .*last result: 200/);
    await item.locator('button[data-action="stop-watch"]').click();
    await options.locator('[data-no-watches]').waitFor();
    expect(await watchesOf(options)).toEqual([]);
    await options.close();
    await page.close();
  });

  it('at most 20 watches at a time: the 21st says so', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?limit`);
    const tabId = await suite.browser.tabIdOf(page);
    const urls = Array.from({ length: 21 }, (_, k) => `${suite.site.origin}/flaky/limit-${k}?fail=999&code=502`);
    await page.evaluate((list) => Promise.all(list.map((u) => fetch(u))), urls);
    const { page: report } = await suite.browser.report(tabId, 21);
    // Counts the notification permission's prompts (the wrapper reads chrome.permissions.request at its first use).
    await report.evaluate(() => {
      const request = chrome.permissions.request.bind(chrome.permissions);
      const counted = window as unknown as { prompts: number };
      counted.prompts = 0;
      chrome.permissions.request = ((...args: Parameters<typeof request>) => (counted.prompts++, request(...args))) as typeof request;
    });
    for (const url of urls.slice(0, 20)) {
      const card = report.locator(`[data-failure][data-url="${url}"]`);
      await card.locator('button[data-action="watch"]').click();
      await card.and(report.locator('[data-watch="watching"]')).waitFor();
    }
    const last = report.locator(`[data-failure][data-url="${urls[20]}"]`);
    await last.locator('button[data-action="watch"]').click();
    await expect.poll(() => last.locator('.watch-status').textContent()).toMatch(/At most 20 watches at a time/);
    expect(await last.getAttribute('data-watch')).toBeNull();
    expect((await watchesOf(report)).filter((w) => w.state === 'watching')).toHaveLength(20);
    // 21 clicks, one prompt at most (none when an earlier test's Watch already asked): a "no" is not asked again.
    expect(await report.evaluate(() => (window as unknown as { prompts: number }).prompts)).toBeLessThanOrEqual(1);
    expect(await report.evaluate(async () => (await chrome.storage.local.get('notifications-asked'))['notifications-asked'])).toBe(true);
    // Another failure in the tab re-renders the report: the unchanged card keeps what it said.
    await page.evaluate((u) => fetch(u).catch(() => {}), `${suite.site.origin}/flaky/limit-more?fail=999&code=502`);
    await report.locator(`[data-failure][data-url$="/flaky/limit-more?fail=999&code=502"]`).waitFor();
    await report.waitForSelector('main[aria-busy="false"]');
    expect(await last.locator('.watch-status').textContent()).toMatch(/At most 20 watches at a time/);
    await report.close();
    await page.close();
  });
});

describe('stopping a watch while its check is out', () => {
  it('ends it: the answer that comes back after is no "works again" (no ✓ badge, no new alarm)', async () => {
    const url = `${suite.site.origin}/flaky/stop-midway?fail=1&code=503&later=2000`;
    const other = `${suite.site.origin}/flaky/stop-midway-other?fail=999&code=502`;
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?stop-midway`);
    const tabId = await suite.browser.tabIdOf(page);
    await page.evaluate((list) => Promise.all(list.map((u) => fetch(u))), [url, other]);
    const { page: report } = await suite.browser.report(tabId, 2);
    // Room for two watches (the test before leaves 20, the limit).
    for (const { id } of await watchesOf(report)) await report.evaluate((watchId) => chrome.runtime.sendMessage({ type: 'stop-watch', id: watchId }), id);
    const card = report.locator(`[data-failure][data-url="${url}"]`);
    await card.locator('button[data-action="watch"]').click();
    await card.and(report.locator('[data-watch="watching"]')).waitFor();
    const { id } = (await watchesOf(report)).find((w) => w.url === url)!;
    // Its check goes out (the server holds the 200 for 2 s), and the person stops the watch meanwhile.
    await report.evaluate((name) => chrome.alarms.create(name, { when: Date.now() }), `watch:${id}`);
    await expect.poll(() => suite.site.seen.get('GET /flaky/stop-midway') ?? 0, { timeout: 15_000 }).toBe(2);
    await report.evaluate((watchId) => chrome.runtime.sendMessage({ type: 'stop-watch', id: watchId }), id);
    await expect.poll(async () => (await watchesOf(report)).some((w) => w.id === id)).toBe(false);
    // The positive signal: a later check of another watch has gone through the same worker and queue.
    const otherCard = report.locator(`[data-failure][data-url="${other}"]`);
    await otherCard.locator('button[data-action="watch"]').click();
    await otherCard.and(report.locator('[data-watch="watching"]')).waitFor();
    const otherId = (await watchesOf(report)).find((w) => w.url === other)!.id;
    await expect.poll(() => suite.site.seen.has('answered /flaky/stop-midway'), { timeout: 15_000 }).toBe(true);
    expect(await fireAndWait(report, otherId, 1)).toMatchObject({ state: 'watching', lastResult: '502' });
    expect((await watchesOf(report)).some((w) => w.id === id)).toBe(false);
    expect(await alarmOf(report, id)).toBeUndefined();
    expect(await suite.browser.badge(tabId)).not.toBe('✓');
    await report.close();
    await page.close();
  });
});

describe('watch across a browser restart', () => {
  it('forgets the id of the tab it came from: a new tab may get that id (its badge, its "Back again")', { timeout: 120_000 }, async () => {
    const site = await startSite({ nginx: false });
    const profile = ExtensionBrowser.newProfile();
    let browser = await ExtensionBrowser.launch({ profile });
    try {
      const url = `${site.origin}/flaky/restart?fail=999&code=503`;
      const page = await browser.context.newPage();
      await page.goto(`${site.origin}/pages/blank?watch-restart`);
      const tabId = await browser.tabIdOf(page);
      await page.evaluate((u) => fetch(u).catch(() => {}), url);
      const { page: report } = await browser.report(tabId, 1);
      await report.locator(`[data-failure][data-url="${url}"] button[data-action="watch"]`).click();
      await expect.poll(async () => (await watchesOf(report)).map((w) => [w.state, w.tabId])).toEqual([['watching', tabId]]);
      await browser.close({ keepProfile: true });

      browser = await ExtensionBrowser.launch({ profile });
      // Browsing wakes the worker, as it would after any restart.
      const helper = await browser.context.newPage();
      await helper.goto(`${site.origin}/pages/blank?after-restart`);
      await helper.goto(`${browser.reportUrl}?tab=-2`);
      // Still watched (its alarm is back), but no longer tied to a tab id of the last session.
      await expect.poll(async () => (await alarmsOf(helper)).map((a) => a.name), { timeout: 20_000 }).toHaveLength(1);
      await expect.poll(async () => (await watchesOf(helper)).map((w) => [w.state, w.url, 'tabId' in w])).toEqual([['watching', url, false]]);
      await helper.close();
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

describe('a watch meeting a redirect to another site', () => {
  it('does not follow it: the check names where it pointed, the other site receives nothing, and it keeps watching', async () => {
    const other = suite.site.origin.replace('127.0.0.1', 'localhost');
    const url = `${suite.site.origin}/then-redirect/watch-away?to=${encodeURIComponent(`${other}/landing/watch-away`)}`;
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?watch-away`);
    const tabId = await suite.browser.tabIdOf(page);
    expect(await page.evaluate((u) => fetch(u).then((r) => r.status), url)).toBe(503);
    const { page: report } = await suite.browser.report(tabId, 1);
    // Room for it, whatever the tests before left.
    for (const { id } of await watchesOf(report)) await report.evaluate((watchId) => chrome.runtime.sendMessage({ type: 'stop-watch', id: watchId }), id);
    const card = report.locator(`[data-failure][data-url="${url}"]`);
    await card.locator('button[data-action="watch"]').click();
    await card.and(report.locator('[data-watch="watching"]')).waitFor();
    const { id } = (await watchesOf(report)).find((w) => w.url === url)!;
    expect(await fireAndWait(report, id, 1)).toMatchObject({ state: 'watching', lastResult: '302 → localhost' });
    expect(suite.site.seen.get('GET /then-redirect/watch-away')).toBe(2);
    expect(suite.site.seen.get('GET /landing/watch-away')).toBeUndefined();
    expect((await alarmOf(report, id))?.inMs).toBeGreaterThan(50_000);
    await report.close();
    await page.close();
  });
});
