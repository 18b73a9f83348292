// The popup paints lines before the catalog arrives, then fills in the text. Nothing may be lost on the
// way: the data-* contract is right from the first paint, and once the text has landed every line has
// its title and every card (the report opens them all) its explanation and advice.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();

interface Seen { failures: Record<string, string | null>[]; titles: string[]; summary: (string | null)[]; tops: number[]; readyState?: string; count?: string; empty?: boolean }

/** Runs in the page before its scripts: keeps what is on screen at the popup's 'first-render' mark. */
function recordFirstPaint(): void {
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    if (name === 'first-render' && !('firstPaint' in window)) {
      const summary = document.querySelector('[data-summary]');
      (window as unknown as { firstPaint: Seen }).firstPaint = {
        failures: [...document.querySelectorAll('[data-failure]')].map((el) => Object.fromEntries(
          ['data-stage', 'data-code', 'data-url', 'data-count'].map((name) => [name, el.getAttribute(name)]))),
        titles: [...document.querySelectorAll('[data-failure] .line-title')].map((el) => el.textContent ?? ''),
        summary: [summary?.getAttribute('data-page-status') ?? null, summary?.getAttribute('data-failed-kinds') ?? null],
        tops: [...document.querySelectorAll('[data-failure]')].map((el) => el.getBoundingClientRect().top),
        // 'loading': drawn by the classic script while the page still parses, before any module ran.
        readyState: document.readyState,
        count: document.getElementById('summary')?.textContent ?? '',
        empty: document.querySelector('[data-empty]') !== null,
      };
    }
    return mark(name, options);
  };
}

/** Runs in the page before its scripts: chrome.tabs.get answers 300 ms late (callback or promise form). */
function delayTabsGet(): void {
  const get = chrome.tabs.get.bind(chrome.tabs) as (...args: unknown[]) => unknown;
  (chrome.tabs as { get: unknown }).get = (...args: unknown[]) => {
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as (tab: unknown) => void) : undefined;
    const answer = new Promise((resolve) => setTimeout(resolve, 300)).then(() => get(...args));
    if (!callback) return answer;
    void answer.then(callback);
    return undefined;
  };
}

/** Runs in the page before its scripts: storage.session answers 500 ms late, and says when it was first asked. */
function delaySessionReads(): void {
  const area = chrome.storage.session;
  const get = area.get.bind(area) as (...args: unknown[]) => Promise<unknown>;
  (area as { get: unknown }).get = (...args: unknown[]) => {
    (window as unknown as { sessionAsked: boolean }).sessionAsked = true;
    const callback = typeof args.at(-1) === 'function' ? (args.pop() as (items: unknown) => void) : undefined;
    const answer = new Promise((resolve) => setTimeout(resolve, 500)).then(() => get(...args));
    if (!callback) return answer;
    void answer.then(callback);
    return undefined;
  };
}

/** What is on screen once everything has landed. */
const finalView = (): Seen & { texts: { what: string; advice: number; title: string }[] } => {
  const summary = document.querySelector('[data-summary]');
  return {
    failures: [...document.querySelectorAll('[data-failure]')].map((el) => Object.fromEntries(
      ['data-stage', 'data-code', 'data-url', 'data-count'].map((name) => [name, el.getAttribute(name)]))),
    titles: [...document.querySelectorAll('[data-failure] .line-title')].map((el) => el.textContent ?? ''),
    summary: [summary?.getAttribute('data-page-status') ?? null, summary?.getAttribute('data-failed-kinds') ?? null],
    tops: [...document.querySelectorAll('[data-failure]')].map((el) => el.getBoundingClientRect().top),
    texts: [...document.querySelectorAll('[data-failure]')].map((el) => ({
      what: el.querySelector('.what')?.textContent ?? '', advice: el.querySelectorAll('.advice li').length,
      title: el.querySelector('.line-title')?.textContent ?? '',
    })),
  };
};

/** Failures that need every catalog part: statuses, DNS (local), refused and reset (transport), TLS. */
async function manyKinds(page: Page): Promise<void> {
  const { origin, refusedOrigin, httpsOrigin } = suite.site;
  await page.evaluate((urls) => Promise.all(urls.map((url) => fetch(url, { credentials: 'omit' }).catch(() => {}))), [
    `${origin}/status/404`, `${origin}/status/500`, `${origin}/status/503`, 'http://nonexistent.invalid/x',
    `${refusedOrigin}/x`, `${origin}/reset`, `${httpsOrigin}/ok/x`,
  ]);
}

describe('skeleton first, then text', () => {
  it('the report: contract right at the first paint, every card has its explanation and advice at the end', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?first-paint`);
    await manyKinds(page);
    const tabId = await suite.browser.tabIdOf(page);
    await suite.browser.failures(tabId, 7);
    const report = await suite.browser.context.newPage();
    await report.addInitScript(recordFirstPaint);
    await report.goto(`${suite.browser.reportUrl}?tab=${tabId}`);
    await report.waitForSelector('main[aria-busy="false"]');
    const first = await report.evaluate(() => (window as unknown as { firstPaint: Seen }).firstPaint);
    const end = await report.evaluate(finalView);
    expect(end.failures).toHaveLength(7);
    expect(first.failures).toEqual(end.failures);
    expect(first.summary).toEqual(end.summary);
    expect(end.summary).toEqual(['partial', 'api']);
    expect(end.titles.every((title) => title !== '')).toBe(true);
    for (const text of end.texts) {
      expect(text.what).not.toBe('');
      expect(text.advice).toBeGreaterThan(0);
      expect(text.title).not.toBe('');
    }
    await report.close();
    await page.close();
  });

  it('the toolbar popup: lines with the right contract at the first paint, every title once the text lands', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?first-paint-popup`);
    await manyKinds(page);
    await suite.browser.failures(await suite.browser.tabIdOf(page), 7);
    const popup = await suite.browser.toolbarPopup(page);
    // Record from the very start: reload the popup with the recorder installed before its scripts.
    await popup.evaluateOnNewDocument(recordFirstPaint);
    // The page line (tabs.get) arriving after the first screen must not push the lines down: make it late.
    await popup.evaluateOnNewDocument(delayTabsGet);
    await popup.reload();
    await popup.waitForFunction(() => document.querySelector('main[aria-busy="false"]') !== null);
    await popup.waitForFunction(() => document.getElementById('page')?.textContent !== '');
    const first = await popup.evaluate(() => (window as unknown as { firstPaint: Seen }).firstPaint);
    const end = await popup.evaluate(finalView);
    expect(end.failures).toHaveLength(7);
    // The background handed the first screen over in the popup's URL, and it was drawn from there.
    expect(popup.url()).toMatch(/index\.html#%7B/);
    expect([first.readyState, first.count]).toEqual(['loading', '7 failed']);
    expect(first.failures).toEqual(end.failures);
    expect(first.summary).toEqual(['partial', 'api']);
    expect(end.titles).toHaveLength(7);
    expect(end.titles.every((title) => title !== '')).toBe(true);
    // Titles, the likely side and the page line landed without moving a single line.
    expect(end.tops).toEqual(first.tops);
    // Collapsed: the card's text is built on demand, and is all there once a line opens.
    expect(end.texts.every((text) => text.what === '')).toBe(true);
    await popup.click('.line-toggle');
    await popup.waitForFunction(() => document.querySelector('.line.open .what')?.textContent !== '' && document.querySelector('.line.open .advice li') !== null);
    await popup.close();
    await page.close();
  });

  /** The toolbar popup of a tab, reloaded with the first-paint recorder; what it showed at its first paint, and at the end. */
  async function popupSeen(page: Page): Promise<{ first: Seen; end: ReturnType<typeof finalView>; close: () => Promise<void> }> {
    const popup = await suite.browser.toolbarPopup(page);
    await popup.evaluateOnNewDocument(recordFirstPaint);
    await popup.reload();
    await popup.waitForFunction(() => document.querySelector('main[aria-busy="false"]') !== null && document.querySelector('.line.open .what, [data-empty], .line') !== null);
    const first = await popup.evaluate(() => (window as unknown as { firstPaint: Seen }).firstPaint);
    return { first, end: await popup.evaluate(finalView), close: () => popup.close() };
  }

  it('a tab where nothing failed: its popup says so at the first paint, from its URL', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?nothing-failed`);
    const tabId = await suite.browser.tabIdOf(page);
    // Handed over once the page has loaded.
    await expect.poll(() => suite.browser.popupUrl(tabId)).toMatch(/index\.html#%7B/);
    const { first, end, close } = await popupSeen(page);
    expect([first.readyState, first.empty, first.failures]).toEqual(['loading', true, []]);
    expect([end.failures, end.summary]).toEqual([[], ['ok', '']]);
    await close();
    await page.close();
  });

  it("a page that itself failed: no first screen in the URL (its card opens, and needs the catalog); the popup draws it whole", async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/status/503`).catch(() => {});
    const tabId = await suite.browser.tabIdOf(page);
    await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
    expect(await suite.browser.popupUrl(tabId)).toMatch(/index\.html$/);
    const { first, end, close } = await popupSeen(page);
    expect(first.readyState).not.toBe('loading');
    expect(end.failures.map((f) => f['data-code'])).toEqual(['503']);
    expect(end.texts[0]?.what).not.toBe('');
    await close();
    await page.close();
  });

  it('a line opened before the popup has read its log opens with its whole record (the Retry-After advice)', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?first-paint-early-open`);
    await page.evaluate((origin) => Promise.all([`${origin}/status/503?h=Retry-After:120`, `${origin}/status/404`]
      .map((url) => fetch(url, { credentials: 'omit' }))), suite.site.origin);
    await suite.browser.failures(await suite.browser.tabIdOf(page), 2);
    const popup = await suite.browser.toolbarPopup(page);
    await popup.evaluateOnNewDocument(delaySessionReads);
    await popup.reload();
    // The modules are in (they ask storage right after wiring the lines) and the log is not read yet.
    await popup.waitForFunction(() => (window as unknown as { sessionAsked?: boolean }).sessionAsked === true);
    expect(await popup.$eval('main', (main) => main.getAttribute('aria-busy'))).toBe('true');
    await popup.click('[data-code="503"] .line-toggle');
    await popup.waitForFunction(() => document.querySelector('.line.open .advice li') !== null);
    expect(await popup.$eval('.line.open', (line) => line.textContent)).toMatch(/try again in 2 minutes/);
    await popup.close();
    await page.close();
  });

  it("a tab that goes to another page: its popup's first screen becomes the new page's, never the old one's", async () => {
    const handedOver = async (tabId: number) => {
      const [, hash] = (await suite.browser.popupUrl(tabId)).split('#');
      return hash ? (JSON.parse(decodeURIComponent(hash)) as { counted: number; groups: unknown[] }) : undefined;
    };
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?first-screen-before`);
    await page.evaluate((url) => fetch(url, { credentials: 'omit' }), `${suite.site.origin}/status/404?first-screen-before`);
    const tabId = await suite.browser.tabIdOf(page);
    await expect.poll(async () => (await handedOver(tabId))?.counted).toBe(1);
    await page.goto(`${suite.site.origin}/pages/blank?first-screen-after`);
    await expect.poll(async () => (await handedOver(tabId))?.counted).toBe(0);
    expect((await handedOver(tabId))?.groups).toEqual([]);
    await page.close();
  });
});
