// The settings page driven as a person would (clicks and keyboard), each setting's effect checked on a
// real failing page. Muted sites are added through the notification and removed on the page.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { fetchIn, hostCount, resetSettings, waitForNotice } from '../support/chromium-notice';
import { otherOrigin } from '../support/recording.mjs';

const suite = chromiumSuite({ nginx: false });
let options: Page;
let serial = 0;

beforeAll(async () => {
  options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
  await options.waitForSelector('#notify');
});

afterEach(() => resetSettings(suite.browser));

const stored = (key: string) => options.evaluate((k) => chrome.storage.sync.get(k).then((items) => items[k]), key);

/** Choose an option in a select of the settings page and wait until it is saved. */
async function choose(id: string, value: string): Promise<void> {
  await options.bringToFront();
  await options.selectOption(`#${id}`, value);
  await expect.poll(() => stored(id)).toBe(value);
}

/** Toggle a checkbox with the keyboard (focus, Space) and wait until it is saved. */
async function toggleWithKeyboard(id: string, expected: boolean): Promise<void> {
  await options.bringToFront();
  await options.focus(`#${id}`);
  await options.keyboard.press('Space');
  await expect.poll(() => stored(id)).toBe(expected);
}

async function failingPage(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?settings${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  return { page, tabId };
}

const noticeCodes = (frame: Awaited<ReturnType<typeof waitForNotice>>) =>
  frame.locator('li').evaluateAll((lines) => lines.map((li) => li.getAttribute('data-code')));

describe('settings page', () => {
  it('notification level "Nothing" silences it; back to "The page and the data it loads" it shows again', async () => {
    await choose('notify', 'off');
    const { page, tabId } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?silenced`);
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['500']);
    await choose('notify', 'page-and-api');
    await page.bringToFront();
    await fetchIn(page, `${suite.site.origin}/status/503?shown`);
    expect(await noticeCodes(await waitForNotice(suite.browser, page, /503/))).toEqual(['503']);
    await page.close();
  });

  it('"Failures of the page itself" leaves out API calls but shows a failing iframe page', async () => {
    await choose('notify', 'page');
    const { page } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?api-call`);
    await page.evaluate((src) => new Promise((done) => {
      const frame = document.createElement('iframe');
      frame.onload = done;
      frame.src = src;
      document.body.append(frame);
    }), `${suite.site.origin}/status/502?sub-frame`);
    expect(await noticeCodes(await waitForNotice(suite.browser, page, /502/))).toEqual(['502']);
    await page.close();
  });

  it('"Every failed request" also shows a failing image', async () => {
    await choose('notify', 'everything');
    const { page } = await failingPage();
    await page.evaluate((src) => new Promise((done) => { const img = new Image(); img.onerror = done; img.onload = done; img.src = src; }), `${suite.site.origin}/img/404.gif`);
    expect(await noticeCodes(await waitForNotice(suite.browser, page, /404/))).toEqual(['404']);
    await page.close();
  });

  it('minimum severity "Only serious problems" leaves out a 404', async () => {
    await choose('minSeverity', 'error');
    const { page, tabId } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/404?quiet`);
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['404']);
    await page.bringToFront();
    await fetchIn(page, `${suite.site.origin}/status/500?loud`);
    expect(await noticeCodes(await waitForNotice(suite.browser, page, /500/))).toEqual(['500']);
    await page.close();
  });

  it('position "Top left" places the notification there', async () => {
    await choose('position', 'top-left');
    const { page } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?top-left`);
    await waitForNotice(suite.browser, page);
    const box = await page.evaluate(() => {
      const rect = document.querySelector(':popover-open')!.getBoundingClientRect();
      return { top: Math.round(rect.top), left: Math.round(rect.left) };
    });
    expect(box).toEqual({ top: 16, left: 16 });
    await page.close();
  });

  it('"Notifications stay for 8 seconds" (the suite keeps them until closed) lets one go by itself', async () => {
    await options.bringToFront();
    await options.selectOption('#noticeSeconds', '8');
    await expect.poll(() => stored('noticeSeconds')).toBe(8);
    const { page } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?goes-by-itself`);
    await waitForNotice(suite.browser, page);
    await page.waitForFunction(() => document.querySelectorAll(':popover-open').length === 0, null, { timeout: 15_000 });
    await page.close();
  }, 40_000);

  it('a notification whose tab was in the background while it failed again is brought up to date when shown, and still goes by itself', async () => {
    await options.bringToFront();
    await options.selectOption('#noticeSeconds', '8');
    await expect.poll(() => stored('noticeSeconds')).toBe(8);
    const { page, tabId } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?away-1`);
    await waitForNotice(suite.browser, page);
    const revision = () => options.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as { revision?: number } | undefined)?.revision, `notice:${tabId}`);
    const drawn = await revision();
    // Another tab in front; the page fails again meanwhile (its notice's revision moves on, not drawn there).
    await options.bringToFront();
    await fetchIn(page, `${suite.site.origin}/status/503?away-2`);
    await expect.poll(revision, { timeout: 15_000 }).not.toBe(drawn);
    // Its drawing comes at most 1 s after (notice-plan: MIN_INTERVAL_MS), and is skipped for a background tab;
    // back in front sooner, the page would simply be drawn again. (Setting up the case, not a negative check.)
    await options.waitForTimeout(3000);
    await page.bringToFront();
    // Shown again, it is brought up to date, and still goes by itself.
    await waitForNotice(suite.browser, page, /2 requests failed/);
    await page.waitForFunction(() => document.querySelectorAll(':popover-open').length === 0, null, { timeout: 20_000 });
    await page.close();
  }, 60_000);

  it('"List cancelled requests" (keyboard) lists an aborted fetch', async () => {
    await toggleWithKeyboard('showAborted', true);
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/abort`);
    await page.waitForFunction(() => document.title === 'aborted');
    const tabId = await suite.browser.tabIdOf(page);
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['net::ERR_ABORTED']);
    await page.close();
  });

  it('"Name the reason of CORS refusals" (keyboard) says what it costs, and names the next refused cross-origin fetch', async () => {
    expect(await options.textContent('label[for="explainCors"]')).toContain('Costs page-load time on pages that make many cross-origin requests');
    await toggleWithKeyboard('explainCors', true);
    await expect.poll(() => suite.browser.worker()?.evaluate(() => chrome.webRequest.onHeadersReceived.hasListeners())).toBe(true);
    const page = await suite.browser.context.newPage();
    await page.goto(`${otherOrigin(suite.site.origin)}/pages/blank?settings${++serial}`);
    const tabId = await suite.browser.tabIdOf(page);
    await fetchIn(page, `${suite.site.origin}/cors/cors-missing-allow-origin?acao=none&settings`);
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['CORS_MISSING_ALLOW_ORIGIN']);
    await page.close();
  });

  it('"Remove query strings from copied reports" (keyboard) strips them from Copy report', async () => {
    await toggleWithKeyboard('stripQueryInReports', true);
    const { page, tabId } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?token=secret-value`);
    const report = await suite.browser.context.newPage();
    // What Copy report puts on the clipboard, kept where the test can read it.
    await report.addInitScript(() => {
      navigator.clipboard.writeText = async (text: string) => void ((window as unknown as { copied: string }).copied = text);
    });
    await report.goto(`${suite.browser.reportUrl}?tab=${tabId}`);
    await report.click('[data-failure] button[data-action="copy"]');
    const copied = await report.waitForFunction(() => (window as unknown as { copied?: string }).copied).then((handle) => handle.jsonValue() as Promise<string>);
    expect(copied).toContain(`${suite.site.origin}/status/500`);
    expect(copied).not.toContain('secret-value');
    await Promise.all([report.close(), page.close()]);
  });

  it('a watch being checked does not take the "give up after" field from someone typing in it', async () => {
    await options.bringToFront();
    await options.fill('#watchGiveUpHours', '4');
    // A check rewrites the watches (here as the background would); wait until the list shows it.
    const watch = { id: 'w1', key: 'GET 503 https://down.test/', tabId: 1, url: 'https://down.test/', method: 'GET', code: '503', stage: 'receive',
      failedAt: 1, startedAt: 1, state: 'watching', attempts: 1, lastCheck: Date.now() };
    await options.evaluate((w) => chrome.storage.local.set({ watches: [w] }), watch);
    await options.locator('[data-watch-item][data-url="https://down.test/"]').waitFor();
    expect(await options.inputValue('#watchGiveUpHours')).toBe('4');
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('watchGiveUpHours');
    await options.evaluate(() => chrome.storage.local.remove('watches'));
    await options.locator('[data-no-watches]').waitFor();
  });

  it('a site muted through the notification is listed on the page; Remove brings its notifications back', async () => {
    const { page } = await failingPage();
    await fetchIn(page, `${suite.site.origin}/status/500?to-mute`);
    const frame = await waitForNotice(suite.browser, page);
    await frame.click('button[data-action="mute"]');
    await page.waitForFunction(() => document.querySelectorAll(':popover-open').length === 0);
    await options.bringToFront();
    await options.waitForSelector('#muted li:has-text("127.0.0.1")');
    await options.click('#muted li:has-text("127.0.0.1") button');
    await expect.poll(() => stored('mutedSites')).toEqual([]);
    await options.waitForSelector('#muted', { state: 'detached' });
    await page.bringToFront();
    await fetchIn(page, `${suite.site.origin}/status/503?unmuted`);
    expect(await noticeCodes(await waitForNotice(suite.browser, page, /503/))).toEqual(['503']);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('the "give up after" field saves what it shows: out of range is brought into it, empty is undone', async () => {
    await options.bringToFront();
    expect(await options.locator('label[for="watchGiveUpHours"]').textContent()).toContain('1 to 168 hours');
    await options.fill('#watchGiveUpHours', '200');
    await options.keyboard.press('Tab');
    await expect.poll(() => stored('watchGiveUpHours')).toBe(168);
    expect(await options.inputValue('#watchGiveUpHours')).toBe('168');
    await options.fill('#watchGiveUpHours', '2.6');
    await options.keyboard.press('Tab');
    await expect.poll(() => stored('watchGiveUpHours')).toBe(3);
    expect(await options.inputValue('#watchGiveUpHours')).toBe('3');
    await options.fill('#watchGiveUpHours', '');
    await options.keyboard.press('Tab');
    expect(await options.inputValue('#watchGiveUpHours')).toBe('3');
    expect(await stored('watchGiveUpHours')).toBe(3);
  });

  it("each watch's Stop names its request, keeps the focus when a check rewrites the list, and hands it on when stopped", async () => {
    await options.bringToFront();
    const watch = (id: string, url: string, extra: object = {}) => ({ id, key: `GET 503 ${url}`, tabId: 1, url, method: 'GET', code: '503', stage: 'receive',
      failedAt: 1, startedAt: 1, state: 'watching', attempts: 1, lastCheck: Date.now(), ...extra });
    const a = watch('wa', 'https://a.test/', { lastResult: 'timeout' });
    const b = watch('wb', 'https://b.test/');
    await options.evaluate((list) => chrome.storage.local.set({ watches: list }), [a, b]);
    const stopB = options.locator('[data-watch-item][data-url="https://b.test/"] button[data-action="stop-watch"]');
    expect(await stopB.getAttribute('aria-label')).toBe('Stop watching GET https://b.test/');
    // The background's word for a check that got no answer, in the page's language.
    expect(await options.locator('[data-watch-item][data-url="https://a.test/"]').textContent()).toContain('last result: no answer in time');
    await stopB.focus();
    // A check of the other watch rewrites the list (as the background would): the focus stays on B's Stop.
    await options.evaluate((list) => chrome.storage.local.set({ watches: list }), [{ ...a, attempts: 2 }, b]);
    await expect.poll(() => options.locator('[data-watch-item][data-url="https://a.test/"]').textContent()).toContain('last result: no answer in time');
    await options.waitForFunction(() => document.querySelectorAll('[data-watch-item]').length === 2);
    await expect.poll(() => options.evaluate(() => document.activeElement?.getAttribute('data-watch-id'))).toBe('wb');
    // B is stopped: its button goes, and the focus goes to the Stop that is left, not to the page.
    await options.evaluate((list) => chrome.storage.local.set({ watches: list }), [a]);
    await options.locator('[data-watch-item][data-url="https://b.test/"]').waitFor({ state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.getAttribute('data-watch-id'))).toBe('wa');
    await options.evaluate(() => chrome.storage.local.remove('watches'));
    await options.locator('[data-no-watches]').waitFor();
  });

  it('removing a muted site leaves the focus on the list (the next Remove), not on the page', async () => {
    await options.bringToFront();
    await options.evaluate(() => chrome.storage.sync.set({ mutedSites: ['a.test', 'b.test', 'c.test'] }));
    await options.waitForSelector('#muted li:has-text("c.test")');
    await options.focus('#muted li:has-text("b.test") button');
    await options.keyboard.press('Enter');
    await expect.poll(() => stored('mutedSites')).toEqual(['a.test', 'c.test']);
    await options.waitForSelector('#muted li:has-text("b.test")', { state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('c.test');
    await options.keyboard.press('Enter');
    await expect.poll(() => stored('mutedSites')).toEqual(['a.test']);
    await options.waitForSelector('#muted li:has-text("c.test")', { state: 'detached' });
    expect(await options.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('a.test');
  });
});
