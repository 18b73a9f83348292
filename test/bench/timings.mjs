// Reading step timings: the report of a real tab holding 10 failures (a page of 100 images, 10 %
// failing), opened `runs` times. What reading adds is the time from the popup's complete-render mark
// (every card in the page) to its timings-shown mark (executeScript into the tab's frames, matching,
// figures on the strips). Nothing is measured while the page itself loads: that is the page-load bench.
import { setTimeout as sleep } from 'node:timers/promises';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

/** @param {{ runs?: number }} [options] */
export async function timingsRead({ runs = 10 } = {}) {
  const site = await startSite({ nginx: false });
  const browser = await ExtensionBrowser.launch();
  try {
    const page = await browser.context.newPage();
    // The worker's listeners exist once one navigation has gone through.
    await page.goto(`${site.origin}/pages/blank?warm`);
    const tabId = await browser.tabIdOf(page);
    await page.goto(`${site.origin}/pages/many?n=100&fail=0.1`);
    await page.waitForFunction(() => window.__done === true);
    // A report short of 10 is a bug (the one seen once was a stale read, fixed in followStorage): fail loudly.
    const seeded = (await browser.failures(tabId, 10)).length;
    if (seeded !== 10) throw new Error(`the bench page should hold 10 failures, not ${seeded}`);
    /** @type {number[]} */
    const added = [];
    for (let run = -1; run < runs; run++) {
      const report = await browser.context.newPage();
      await report.goto(`${browser.reportUrl}?tab=${tabId}`);
      await report.waitForFunction(() => document.querySelector('main')?.dataset.timings === 'ready', null, { polling: 250 });
      const { complete, shown, timed } = await report.evaluate(() => ({
        complete: performance.getEntriesByName('complete-render')[0].startTime,
        shown: performance.getEntriesByName('timings-shown')[0].startTime,
        timed: document.querySelectorAll('[data-failure] [data-step="wait"][data-ms]').length,
      }));
      if (timed !== 10) throw new Error(`only ${timed} of 10 failures got step timings`);
      await report.close();
      if (run >= 0) added.push(shown - complete);
      await sleep(1000);
    }
    return { added };
  } finally {
    await browser.close();
    await site.close();
  }
}
