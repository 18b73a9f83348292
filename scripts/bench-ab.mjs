// @ts-check
// Two builds of the extension side by side in ONE browser: their toolbar popups (and the no-op floor) opened
// in turn on a tab holding the bench's 10 or 1,000 failures. Between separate runs the medians move by more
// than most changes to the popup; in one browser, alternating, they do not.
//   node scripts/bench-ab.mjs <build A> <build B> [10|1000] [openings]
// e.g. cp -r dist/chrome /tmp/before, change the code, npm run build, node scripts/bench-ab.mjs /tmp/before dist/chrome
// Needs the popup seed: npm run bench -- popup (writes .bench/popup-seed.json).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExtensionBrowser } from '../test/support/extension-browser.mjs';

const [a, b, size = '10', openings = '10'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/bench-ab.mjs <build A> <build B> [10|1000] [openings]');
  process.exit(2);
}
const builds = { A: resolve(a), B: resolve(b), floor: resolve('test/bench/noop-extension') };
/** Chromium names an unpacked extension after its folder: SHA-256 of the path, hex digits as a–p. */
const idOf = (/** @type {string} */ path) =>
  [...createHash('sha256').update(path).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
const ids = { A: idOf(builds.A), B: idOf(builds.B), floor: idOf(builds.floor) };
const urls = { A: `chrome-extension://${ids.A}/src/popup/index.html`, B: `chrome-extension://${ids.B}/src/popup/index.html`, floor: `chrome-extension://${ids.floor}/blank.html` };
const MARKS = ['data-read', 'first-render', 'catalog-ready', 'complete-render'];

const seed = JSON.parse(readFileSync('.bench/popup-seed.json', 'utf8'))[size];
// dist/chrome is always loaded; it must be one of the two builds, or a third extension would be measured along.
if (![builds.A, builds.B].includes(resolve('dist/chrome'))) throw new Error('one of the two builds must be dist/chrome');
const browser = await ExtensionBrowser.launch({ extraExtensions: [builds.A, builds.B, builds.floor].filter((p) => p !== resolve('dist/chrome')) });
try {
  const workerOf = async (/** @type {string} */ id) => {
    const found = () => browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`));
    return found() ?? (await browser.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`) }));
  };
  const workers = { A: await workerOf(ids.A), B: await workerOf(ids.B), floor: await workerOf(ids.floor) };
  const tab = await browser.context.newPage();
  await tab.goto(`${urls.A}?tab=-5`);
  const tabId = await workers.A.evaluate(async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id);
  for (const name of /** @type {const} */ (['A', 'B'])) {
    await workers[name].evaluate(([key, log]) => chrome.storage.session.set({ [String(key)]: log }), [`tab:${tabId}`, JSON.stringify({ ...seed, tabId })]);
  }
  // A worker hands the popup its first screen when it writes a log or reads the logs back: restart both.
  await browser.stopWorker([ids.A, ids.B]);
  for (const name of /** @type {const} */ (['A', 'B'])) {
    const page = await browser.context.newPage();
    await page.goto(`${urls[name]}?tab=-6`);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => {}));
    await page.waitForFunction(async (id) => (await chrome.action.getPopup({ tabId: id })).includes('#'), tabId, { polling: 100 })
      .catch(() => console.log(`${name}: no first screen in the popup's URL (a build from before 2026-12-02 evening)`));
    workers[name] = await workerOf(ids[name]);
    await page.close();
  }
  /** @type {Record<string, Record<string, number[]>>} */
  const results = { A: {}, B: {}, floor: {} };
  const record = (/** @type {string} */ name, /** @type {string} */ mark, /** @type {number} */ value) => ((results[name] ??= {})[mark] ??= []).push(value);
  for (let run = -1; run < Number(openings); run++) {
    // Which build goes first alternates, so neither always follows the floor.
    /** @type {('A' | 'B' | 'floor')[]} */
    const order = run % 2 ? ['A', 'B', 'floor'] : ['B', 'A', 'floor'];
    for (const name of order) {
      const popup = await browser.toolbarPopup(tab, { worker: workers[name], url: urls[name] });
      await popup.waitForFunction(() => performance.getEntriesByName('first-render').length && !document.querySelector('main[aria-busy="true"]'), { polling: 250 });
      const marks = await popup.evaluate((names) => ({
        ...Object.fromEntries(names.map((mark) => [mark, performance.getEntriesByName(mark)[0]?.startTime])),
        // When the page's scripts had run (a module script runs just before it).
        domContentLoaded: /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.domContentLoadedEventStart,
        load: /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])?.loadEventStart,
        painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        cards: document.querySelectorAll('[data-failure]').length,
      }), MARKS);
      await popup.close();
      await sleep(1000);
      if (name !== 'floor' && marks.cards !== Number(size)) throw new Error(`${name} showed ${marks.cards} failures, expected ${size}`);
      if (run < 0) continue;
      for (const [mark, value] of Object.entries(marks)) if (value !== undefined && mark !== 'cards') record(name, mark, value);
    }
  }
  const median = (/** @type {number[]} */ values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;
  console.log(`${size} failures, ${openings} openings each, medians in ms (A ${builds.A}, B ${builds.B})`);
  for (const [name, marks] of Object.entries(results)) {
    console.log(name.padEnd(6), Object.entries(marks).map(([mark, values]) => `${mark} ${Math.round(median(values))}`).join('  '));
  }
} finally {
  await browser.close();
}
