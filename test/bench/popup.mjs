// @ts-check
// Popup: open the report view of a tab holding 1,000 (and 10) failures and read the popup's own
// performance marks, relative to the page's navigation start.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

/** Fake tab ids: no real tab has them, so the background never touches these logs. */
const TABS = { 1000: 900_001, 10: 900_002 };
const NOOP = resolve('test/bench/noop-extension');

/** Open a page, wait for the popup's done signal, read the marks (ms since the page's navigation start). */
/** @param {import('playwright-core').BrowserContext} context @param {string} url */
async function open(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  // Poll rarely: the marks are taken by the page itself, and a busy poll would slow the render.
  await page.waitForFunction(() => performance.getEntriesByName('first-render').length && !document.querySelector('main[aria-busy="true"]'), null, { polling: 250 });
  const result = await page.evaluate(() => ({
    first: performance.getEntriesByName('first-render')[0]?.startTime ?? Number.NaN,
    complete: performance.getEntriesByName('complete-render')[0]?.startTime,
    cards: document.querySelectorAll('[data-failure]').length,
  }));
  await page.close();
  // Extension pages share one renderer: let it tear the last one down before the next opening.
  await sleep(1000);
  return result;
}

/** @param {{ runs?: number }} [options] */
export async function popupRender({ runs = 10 } = {}) {
  // Written by test/bench/popup-seed.bench-run.ts with the real observe() and addFailure().
  const seed = JSON.parse(readFileSync('.bench/popup-seed.json', 'utf8'));
  // The no-op extension's blank page, in the same browser, is the floor any extension page pays.
  const browser = await ExtensionBrowser.launch({ extraExtensions: [NOOP] });
  try {
    const helper = await browser.context.newPage();
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    await helper.evaluate(async ([tabs, logs]) => {
      for (const [size, tabId] of Object.entries(tabs)) await chrome.storage.session.set({ [`tab:${tabId}`]: { ...logs[size], tabId } });
    }, [TABS, seed]);
    await helper.close();
    /** @type {Record<'1000' | '10' | 'floor', { first: number[], complete: number[] }>} */
    const marks = { 1000: { first: [], complete: [] }, 10: { first: [], complete: [] }, floor: { first: [], complete: [] } };
    const isNoop = (/** @type {import('playwright-core').Worker} */ worker) => !worker.url().includes(browser.extensionId);
    const noop = browser.context.serviceWorkers().find(isNoop) ?? (await browser.context.waitForEvent('serviceworker', { predicate: isNoop }));
    const noopId = new URL(noop.url()).host;
    const urls = { ...Object.fromEntries(Object.entries(TABS).map(([size, tabId]) => [size, `${browser.reportUrl}?tab=${tabId}`])),
      floor: `chrome-extension://${noopId}/blank.html` };
    // One unmeasured opening each first, then `runs` alternating openings.
    for (let run = -1; run < runs; run++) {
      for (const [name, url] of /** @type {[keyof typeof marks, string][]} */ (Object.entries(urls))) {
        const { first, complete, cards } = await open(browser.context, url);
        if (name !== 'floor' && cards !== Number(name)) throw new Error(`the report shows ${cards} failures, expected ${name}`);
        if (run < 0) continue;
        marks[name].first.push(first);
        marks[name].complete.push(complete ?? first);
      }
    }
    return marks;
  } finally {
    await browser.close();
  }
}
