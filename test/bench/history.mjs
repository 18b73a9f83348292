// History view with 10,000 failures: the first screen (mark first-render, relative to navigation start; its
// cards explained at catalog-ready),
// and how long each keystroke in the search box (and a few toggles) takes until the list is painted.
// The floor is the blank page of a no-op extension opened in a tab the same way, alternating with the view.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

const QUERY = 'status/50';
const NOOP = resolve('test/bench/noop-extension');

/** @param {import('playwright-core').Page} page */
async function firstRender(page) {
  // First screen: the newest failures; then every failure is read (aria-busy false).
  await page.waitForFunction(() => performance.getEntriesByName('first-render').length > 0 && !document.querySelector('main[aria-busy="true"]'), null, { polling: 250 });
  return page.evaluate(() => ({
    first: performance.getEntriesByName('first-render')[0].startTime,
    explained: performance.getEntriesByName('catalog-ready')[0]?.startTime ?? NaN,
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    total: document.querySelector('.summary')?.textContent ?? '',
  }));
}

/** One input, then wait for the view's own measure of it. @param {import('playwright-core').Page} page @param {() => Promise<void>} act */
async function timed(page, act) {
  const before = await page.evaluate(() => performance.getEntriesByName('filter').length);
  await act();
  await page.waitForFunction((n) => performance.getEntriesByName('filter').length > n, before, { polling: 50 });
  return page.evaluate(() => performance.getEntriesByName('filter').at(-1).duration);
}

/** @param {{ runs?: number }} [options] */
export async function historyRender({ runs = 20 } = {}) {
  // Written by test/bench/history-seed.bench-run.ts with the real observe(), addFailure() and addToHistory().
  const seed = JSON.parse(readFileSync('.bench/history-seed.json', 'utf8'));
  const browser = await ExtensionBrowser.launch({ extraExtensions: [NOOP] });
  try {
    const helper = await browser.context.newPage();
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    await helper.evaluate((items) => chrome.storage.session.set(items), seed);
    await helper.close();
    const url = `${browser.reportUrl}?view=history`;
    const noop = browser.context.serviceWorkers().find((worker) => !worker.url().includes(browser.extensionId)) ??
      (await browser.context.waitForEvent('serviceworker', { predicate: (worker) => !worker.url().includes(browser.extensionId) }));
    const blank = `chrome-extension://${new URL(noop.url()).host}/blank.html`;
    /** @type {number[]} */
    const first = [];
    /** @type {number[]} */
    const explained = [];
    /** @type {number[]} */
    const painted = [];
    /** @type {number[]} */
    const floor = [];
    /** @type {number[]} */
    const floorPainted = [];
    let shown = '';
    for (let run = -1; run < runs; run++) {
      const page = await browser.context.newPage();
      await page.goto(url);
      const result = await firstRender(page);
      await page.close();
      await sleep(1000);
      shown = result.total;
      const empty = await browser.context.newPage();
      await empty.goto(blank);
      await empty.waitForFunction(() => performance.getEntriesByName('first-render').length > 0, null, { polling: 250 });
      const floorMs = await empty.evaluate(() => performance.getEntriesByName('first-render')[0].startTime);
      const floorPaint = await empty.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      await empty.close();
      await sleep(1000);
      if (run >= 0) {
        first.push(result.first);
        explained.push(result.explained);
        painted.push(result.painted);
        floor.push(floorMs);
        floorPainted.push(floorPaint);
      }
    }
    // The total is written in the interface's language ("10,000").
    if (!/of 10,?000 failures$/.test(shown)) throw new Error(`the history shows "${shown}", expected 10,000 failures`);
    /** @type {number[]} */
    const keystrokes = [];
    const page = await browser.context.newPage();
    await page.goto(url);
    await firstRender(page);
    for (let run = 0; run < 3; run++) {
      await page.focus('input[name="q"]');
      for (const key of QUERY) keystrokes.push(await timed(page, () => page.keyboard.press(key)));
      for (let i = 0; i < QUERY.length; i++) keystrokes.push(await timed(page, () => page.keyboard.press('Backspace')));
      for (const toggle of ['input[name="stage"][value="dns"]', 'input[name="class"][value="5xx"]']) {
        keystrokes.push(await timed(page, () => page.click(toggle)));
        keystrokes.push(await timed(page, () => page.click(toggle)));
      }
    }
    await page.close();
    return { first, explained, painted, floor, floorPainted, keystrokes };
  } finally {
    await browser.close();
  }
}
