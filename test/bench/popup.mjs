// Popup: open the real toolbar popup (action.openPopup) on tabs holding 10 and 1,000 failures and read
// the popup's own performance marks, relative to its navigation start. The floor is the blank popup of
// a no-op extension, opened the same way in the same browser. The full-page report is measured too.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

const NOOP = resolve('test/bench/noop-extension');
const SIZES = ['1000', '10'];
const MARKS = ['data-read', 'first-render', 'catalog-ready', 'complete-render'];
/** What each opening records: the marks, and the first contentful paint (`painted`). */
const RECORDED = [...MARKS, 'painted'];

/** Wait for the done signal, read the marks and the number of failures, close. */
async function readMarks(page, { closing = true } = {}) {
  // Poll rarely: the marks are taken by the page itself, and a busy poll would slow the render.
  await page.waitForFunction(() => performance.getEntriesByName('first-render').length && !document.querySelector('main[aria-busy="true"]'),
    { polling: 250, timeout: 60_000 });
  const result = await page.evaluate((marks) => ({
    ...Object.fromEntries(marks.map((mark) => [mark, performance.getEntriesByName(mark)[0]?.startTime])),
    // When the browser put the first text on screen: the marks are taken before the frame is painted.
    painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    cards: document.querySelectorAll('[data-failure]').length,
    titled: [...document.querySelectorAll('[data-failure]')].filter((el) => (el.querySelector('.line-title, h3')?.textContent ?? '') !== '').length,
  }), MARKS);
  if (closing) await page.close();
  // Extension pages share one renderer: let it tear the last one down before the next opening.
  await sleep(1000);
  return result;
}

/** @param {{ runs?: number }} [options] */
export async function popupRender({ runs = 10 } = {}) {
  // Written by test/bench/popup-seed.bench-run.ts with the real observe() and addFailure().
  const seed = JSON.parse(readFileSync('.bench/popup-seed.json', 'utf8'));
  const browser = await ExtensionBrowser.launch({ extraExtensions: [NOOP] });
  try {
    // One tab per size; its log is the seed, as JSON text like the background's (written after the tab's page committed, so nothing clears it).
    // The tabs show an empty report of ours: the only pages whose URL the extension sees without a server.
    const tabs = {};
    for (const size of SIZES) {
      const page = await browser.context.newPage();
      await page.goto(`${browser.reportUrl}?tab=-${size}`);
      tabs[size] = { page, tabId: await browser.tabIdOf(page) };
    }
    const helper = await browser.context.newPage();
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    await helper.evaluate(async (logs) => {
      for (const [tabId, log] of logs) await chrome.storage.session.set({ [`tab:${tabId}`]: JSON.stringify({ ...log, tabId }) });
    }, SIZES.map((size) => [tabs[size].tabId, seed[size]]));
    // The background hands each tab's popup its first screen when it writes the tab's log, and when a new
    // worker reads the logs back: stop it and wake it, so that it reads the seed as if it had written it.
    await browser.stopWorker();
    await helper.evaluate(async (tabIds) => {
      await chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => {});
      const handedOver = async () => (await Promise.all(tabIds.map((tabId) => chrome.action.getPopup({ tabId })))).every((url) => url.includes('#'));
      for (let tries = 0; !(await handedOver()); tries++) {
        if (tries > 100) throw new Error('the background did not hand the seeded logs to the popups');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, SIZES.map((size) => tabs[size].tabId));
    await helper.close();
    const isNoop = (worker) => !worker.url().includes(browser.extensionId);
    const noop = browser.context.serviceWorkers().find(isNoop) ?? (await browser.context.waitForEvent('serviceworker', { predicate: isNoop }));
    const noopId = new URL(noop.url()).host;

    const openings = {
      ...Object.fromEntries(SIZES.map((size) => [size, async () => readMarks(await browser.toolbarPopup(tabs[size].page))])),
      floor: async () => readMarks(await browser.toolbarPopup(tabs['10'].page, { worker: noop, url: `chrome-extension://${noopId}/blank.html` })),
      'report 1000': async () => {
        const page = await browser.context.newPage();
        await page.goto(`${browser.reportUrl}?tab=${tabs['1000'].tabId}`);
        return readMarks(page);
      },
    };
    /** @type {Record<string, Record<string, number[]>>} */
    const marks = Object.fromEntries(Object.keys(openings).map((name) => [name, Object.fromEntries(RECORDED.map((mark) => [mark, []]))]));
    // One unmeasured opening each first, then `runs` alternating openings.
    for (let run = -1; run < runs; run++) {
      for (const [name, open] of Object.entries(openings)) {
        const result = await open();
        const expected = Number(name.replace(/\D/g, ''));
        if (name !== 'floor' && (result.cards !== expected || result.titled !== expected)) {
          throw new Error(`${name}: ${result.cards} failures shown, ${result.titled} with their title; expected ${expected}`);
        }
        if (run < 0) continue;
        // The floor takes only first-render; it stands for the marks it lacks. A paint never seen is left out.
        for (const mark of MARKS) marks[name][mark].push(result[mark] ?? result['first-render']);
        if (result.painted !== undefined) marks[name].painted.push(result.painted);
      }
    }
    return marks;
  } finally {
    await browser.close();
  }
}
