// @ts-check
// Team mode in real Chromium against a real ClickHouse (test/servers/clickhouse.mjs). My site is `localhost`.
// (1) Page load with team mode on against the same build with it off, interleaved, same page.
// (2) A burst of 5,000 failures on my site, from the page's last failure until ClickHouse counts 5,000
// distinct ids, with the worker's JS heap read over CDP on its service worker target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer from 'puppeteer-core';
import { startClickHouse, TEAM_USERS } from '../servers/clickhouse.mjs';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { interleavedLoads } from './page-load.mjs';

/**
 * `localhost` on my sites list in both setups; team mode (ClickHouse, the shipped writer user) only with `team`.
 * @param {ExtensionBrowser} browser @param {{ team: boolean, endpoint: string }} options
 */
async function configure(browser, { team, endpoint }) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.evaluate(() => chrome.storage.sync.set({ mySites: ['localhost'] }));
  if (team) {
    // Through the settings page's controls, as a person does (and as test/e2e/team.test.ts does).
    await page.locator('select[name="team-sink"]:not([disabled])').selectOption('clickhouse');
    await page.locator('[name="team-endpoint"]').fill(endpoint);
    await page.locator('[name="team-user"]').fill('request_doctor_writer');
    await page.locator('[name="team-password"]').fill(TEAM_USERS.writer);
    await page.waitForFunction(async (password) => /** @type {{ password?: string } | undefined} */ ((await chrome.storage.local.get('team-config'))['team-config'])?.password === password, TEAM_USERS.writer, { polling: 100 });
  }
  await page.close();
}

/** The worker's JS heap over CDP on its service worker target (Playwright exposes no CDP there). @param {ExtensionBrowser} browser */
async function workerHeap(browser) {
  const port = readFileSync(join(browser.profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const connection = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  const target = await connection.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  const cdp = await target.createCDPSession();
  const used = async () => /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage')).usedSize;
  return {
    used,
    /** After a full garbage collection: what the worker keeps. */
    kept: async () => (await cdp.send('HeapProfiler.collectGarbage'), used()),
    close: () => connection.disconnect(),
  };
}

/** @param {{ loads?: number, warmup?: number, total?: number, distinct?: number }} [options] */
export async function teamBench({ loads = 30, warmup = 2, total = 5000, distinct = 300 } = {}) {
  const site = await startSite({ nginx: false });
  const ch = await startClickHouse();
  const myOrigin = site.origin.replace('127.0.0.1', 'localhost');
  /** @type {ExtensionBrowser[]} */
  const browsers = [];
  const launch = async (/** @type {boolean} */ team) => {
    const browser = await ExtensionBrowser.launch();
    browsers.push(browser);
    await configure(browser, { team, endpoint: ch.origin });
    return browser;
  };
  try {
    const on = await launch(true);
    const off = await launch(false);
    const times = await interleavedLoads({ off, on }, `${myOrigin}/pages/many?n=300&fail=0.1`, { loads, warmup });
    const pageLoadRows = Number(await ch.query('SELECT count() FROM request_doctor.failures FORMAT TSV'));
    for (const browser of browsers.splice(0)) await browser.close();

    const browser = await launch(true);
    const installId = await (async () => {
      const page = await browser.context.newPage();
      await page.goto(`${browser.reportUrl}?tab=-2`);
      const id = await page.evaluate(async () => (await chrome.storage.local.get('team-install-id'))['team-install-id']);
      await page.close();
      return /** @type {string} */ (id);
    })();
    // The burst's rows only: not the page's favicon, not a drop report.
    const burstIds = async () => Number(await ch.query(`SELECT uniqExact(id) FROM request_doctor.failures WHERE install_id = '${installId}' ` +
      "AND (path IN ('/status/404', '/status/500') OR startsWith(path, '/b')) FORMAT TSV"));
    const heap = await workerHeap(browser);
    const page = await browser.context.newPage();
    await page.goto(`${myOrigin}/pages/burst`);
    await sleep(1000);
    const before = await heap.kept();
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heap.used());
        await sleep(200);
      }
    })();
    /** The page's burst(n, distinct) (test/servers/site.mjs /pages/burst). */
    const burst = await page.evaluate(([n, d]) => /** @type {any} */ (window).burst(n, d), [total, distinct]);
    const worker = browser.worker();
    // The batch tick (10 s after the last batch) fired early through its alarm, as test/e2e/team.test.ts
    // does, once a second: otherwise the tail of the burst waits up to 10 s for the tick.
    let count = 0;
    let lastFired = 0;
    /** @type {[number, number][]} [ms after the page's last failure, rows in ClickHouse], at each change: the delivery's pace */
    const progress = [];
    const deadline = Date.now() + 180_000;
    while ((count = await burstIds()) < total && Date.now() < deadline) {
      if (count !== progress.at(-1)?.[1]) progress.push([Date.now() - burst.lastAt, count]);
      if (Date.now() - lastFired >= 1000) {
        lastFired = Date.now();
        await worker?.evaluate(() => chrome.alarms.create('team-send', { when: Date.now() })).catch(() => {});
      }
      await sleep(100);
    }
    const arrivedAt = Date.now();
    sampling = false;
    await sampler;
    // The queue's last write (500 ms after the last change) is done before the heap is read again.
    await sleep(1000);
    const after = await heap.kept();
    // Rows sent twice (a retry after a lost answer) until the ReplacingMergeTree merges them; uniqExact never counts them.
    const duplicates = Number(await ch.query(`SELECT count() - uniqExact(id) FROM request_doctor.failures WHERE install_id = '${installId}' FORMAT TSV`));
    await heap.close();
    return {
      pageLoad: times, pageLoadRows, total, distinct, failedInPage: burst.failed, pageMs: burst.ms,
      arrived: count, arriveMs: arrivedAt - burst.lastAt, progress, duplicates, heap: { before, peak, after },
    };
  } finally {
    for (const browser of browsers) await browser.close();
    await ch.close();
    await site.close();
  }
}
