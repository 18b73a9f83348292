// The History's first screen is drawn by the page's classic script before the view's modules run: the
// frame, and the newest failures the URL's filters keep as pending cards, with the data-* contract right.
// The modules then put whole cards (explanation, advice, buttons) in their place, in the same order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

interface Card { url: string; code: string; stage: string; tab: string; page: string; pending: boolean; title: string; advice: number; stripTop: number }
interface FirstScreen { cards: Card[]; modulesRan: boolean; popupShown: boolean; total: string }

/** Runs in the page before its scripts: what the page shows at its 'first-render' mark. */
function recordFirstScreen(): void {
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    if (name === 'first-render' && !('firstScreen' in window)) {
      (window as unknown as { firstScreen: FirstScreen }).firstScreen = {
        cards: [...document.querySelectorAll('#history [data-failure]')].map((card) => ({
          url: card.getAttribute('data-url') ?? '', code: card.getAttribute('data-code') ?? '', stage: card.getAttribute('data-stage') ?? '',
          tab: card.getAttribute('data-tab') ?? '', page: card.getAttribute('data-page') ?? '', pending: card.classList.contains('pending'),
          title: card.querySelector('h3')?.textContent ?? '', advice: card.querySelectorAll('.advice li').length,
          stripTop: (card.querySelector('.strip')?.getBoundingClientRect().top ?? NaN) - card.getBoundingClientRect().top,
        })),
        // Marked by the view's module as it starts (src/popup/history/view.ts).
        modulesRan: performance.getEntriesByName('view-modules').length > 0,
        // The popup's own elements (its bar, summary and list) are never part of the History.
        popupShown: document.querySelector('#failures, #page-summary, #open-report') !== null,
        total: document.querySelector('.bar .summary')?.textContent ?? '',
      };
    }
    return mark(name, options);
  };
}

const cardsNow = (view: Page): Promise<Card[]> => view.$$eval('#history [data-failure]', (cards) => cards.map((card) => ({
  url: card.getAttribute('data-url') ?? '', code: card.getAttribute('data-code') ?? '', stage: card.getAttribute('data-stage') ?? '',
  tab: card.getAttribute('data-tab') ?? '', page: card.getAttribute('data-page') ?? '', pending: card.classList.contains('pending'),
  title: card.querySelector('h3')?.textContent ?? '', advice: card.querySelectorAll('.advice li').length,
  stripTop: (card.querySelector('.strip')?.getBoundingClientRect().top ?? NaN) - card.getBoundingClientRect().top,
})));

async function open(query: string): Promise<{ view: Page; first: FirstScreen; end: Card[] }> {
  const view = await suite.browser.context.newPage();
  await view.addInitScript(recordFirstScreen);
  await view.goto(`${suite.browser.reportUrl}?view=history${query}`);
  await view.waitForSelector('main[aria-busy="false"]');
  const first = await view.evaluate(() => (window as unknown as { firstScreen: FirstScreen }).firstScreen);
  return { view, first, end: await cardsNow(view) };
}

let tabId = '';
let pageUrl = '';
/** Oldest first: 110 statuses (three stored chunks of 50) and, newest, 4 DNS failures. */
const statuses = Array.from({ length: 110 }, (_, n) => `/status/${n % 2 ? 500 : 404}?first-screen=${n}`);
const dns = Array.from({ length: 4 }, (_, n) => `http://first-screen-${n}.invalid/`);

beforeAll(async () => {
  const page = await suite.browser.context.newPage();
  pageUrl = `${suite.site.origin}/pages/blank?first-screen`;
  await page.goto(pageUrl);
  tabId = String(await suite.browser.tabIdOf(page));
  // One at a time: the history lists them in the order they failed.
  for (const path of statuses) await page.evaluate((url) => fetch(url).catch(() => {}), `${suite.site.origin}${path}`);
  for (const url of dns) await page.evaluate((u) => fetch(u).catch(() => {}), url);
  const helper = await suite.browser.context.newPage();
  await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
  // Every one stored (writes land a moment after the requests).
  await helper.waitForFunction(async (count) => Object.entries(await chrome.storage.session.get(null)).filter(([key]) => /^history:\d+$/.test(key))
    .flatMap(([, chunk]) => JSON.parse(chunk as string) as { url: string }[]).filter((entry) => /first-screen/.test(entry.url)).length === count,
  statuses.length + dns.length, { polling: 200, timeout: 15_000 });
  await helper.close();
}, 120_000);

describe("the History's first screen", () => {
  it('is drawn before the view\'s modules run: the newest failures as pending cards, then whole cards in their place', async () => {
    const { view, first, end } = await open('');
    expect(first.modulesRan).toBe(false);
    expect(first.popupShown).toBe(false);
    expect(first.cards).toHaveLength(8);
    expect(first.cards.every((card) => card.pending && card.title === '' && card.advice === 0)).toBe(true);
    // Newest first: the four DNS failures, then the newest statuses; each with its tab and page.
    expect(first.cards.map((card) => card.url)).toEqual([...dns].reverse().concat(statuses.slice(-4).reverse().map((path) => `${suite.site.origin}${path}`)));
    expect(first.cards.slice(0, 4).every((card) => card.stage === 'dns' && card.code === 'net::ERR_NAME_NOT_RESOLVED')).toBe(true);
    expect(first.cards.every((card) => card.tab === tabId && card.page === pageUrl)).toBe(true);
    // The modules' cards: the same failures in the same order, each explained, none pending.
    const whole = (card: Card) => ({ url: card.url, code: card.code, stage: card.stage, tab: card.tab, page: card.page });
    expect(end.slice(0, 8).map(whole)).toEqual(first.cards.map(whole));
    expect(end.every((card) => !card.pending && card.title !== '' && card.advice > 0)).toBe(true);
    // Time, page, title and request keep their height when the whole card comes: the strip stays put.
    end.slice(0, 8).forEach((card, index) => expect(Math.abs(card.stripTop - first.cards[index]!.stripTop)).toBeLessThanOrEqual(2));
    expect(await view.evaluate(() => performance.getEntriesByName('catalog-ready').length)).toBe(1);
    // The count is said once everything is read, not the newest chunks' count first (they are 2 of 3 chunks here).
    expect(first.total).toBe('');
    expect(await view.locator('.summary').textContent()).toMatch(/^114 of 114\b/);
    await view.close();
  });

  it('keeps to the filters in its URL: stage, class, host and tab', async () => {
    const dnsOnly = await open('&stage=dns');
    expect(dnsOnly.first.modulesRan).toBe(false);
    expect(dnsOnly.first.cards.map((card) => card.url)).toEqual([...dns].reverse());
    expect(dnsOnly.end.map((card) => card.url)).toEqual([...dns].reverse());
    await dnsOnly.view.close();
    const host = new URL(suite.site.origin).hostname;
    const filtered = await open(`&class=4xx&host=${host}&tab=${tabId}`);
    expect(filtered.first.modulesRan).toBe(false);
    expect(filtered.first.cards).toHaveLength(8);
    expect(filtered.first.cards.every((card) => card.code === '404' && card.tab === tabId)).toBe(true);
    expect(filtered.end.slice(0, 8).map((card) => card.url)).toEqual(filtered.first.cards.map((card) => card.url));
    await filtered.view.close();
  });

  it('leaves a text search and a grouping to the modules: they need the explanations\' titles and every entry', async () => {
    for (const query of ['&q=first-screen', '&group=host']) {
      const { view, first, end } = await open(query);
      // The frame was drawn early all the same; the first cards are the modules' whole ones.
      expect(first.modulesRan).toBe(true);
      expect(first.cards.length).toBeGreaterThan(0);
      expect(first.cards.every((card) => !card.pending && card.title !== '')).toBe(true);
      expect(end.length).toBeGreaterThan(0);
      await view.close();
    }
  });

  it('storage slower than 100 ms: the frame first, never the popup\'s elements, then the cards', async () => {
    const view = await suite.browser.context.newPage();
    await view.addInitScript(recordFirstScreen);
    // storage.session answers 400 ms late; meanwhile, what the page holds is recorded at each change.
    await view.addInitScript(() => {
      const area = chrome.storage.session;
      const get = area.get.bind(area) as (...args: unknown[]) => Promise<unknown>;
      (area as { get: unknown }).get = (...args: unknown[]) => {
        const callback = typeof args.at(-1) === 'function' ? (args.pop() as (items: unknown) => void) : undefined;
        const answer = new Promise((resolve) => setTimeout(resolve, 400)).then(() => get(...args));
        if (!callback) return answer;
        void answer.then(callback);
        return undefined;
      };
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const state = document.querySelector('#failures') ? 'popup' : document.querySelector('#history [data-failure]') ? 'cards'
          : document.querySelector('form.filters') ? 'frame' : 'blank';
        if (seen.at(-1) !== state) seen.push(state);
      }).observe(document, { childList: true, subtree: true });
    });
    await view.goto(`${suite.browser.reportUrl}?view=history`);
    await view.waitForSelector('main[aria-busy="false"]');
    const seen = await view.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // The popup's markup is only the page's starting point: blanked as the classic script runs, then frame, then cards.
    expect(seen.slice(seen.lastIndexOf('popup') + 1)).toEqual(['blank', 'frame', 'cards']);
    const first = await view.evaluate(() => (window as unknown as { firstScreen: FirstScreen }).firstScreen);
    expect(first.popupShown).toBe(false);
    expect(first.cards.length).toBeGreaterThan(0);
    await view.close();
  });
});
