// @ts-check
// Page-load overhead in real Chromium: a page with 300 images (10 % failing), loaded in turn without an
// extension (a), with no-op listeners on the same events (b), and with Request Doctor (c); with `old`, also
// with another build of it (o), e.g. the one before a change, side by side in the same run.
// kind 'cors': 300 cross-origin fetches instead (allowed with *, 10 % refused under CORS), the requests the
// CORS listeners hear. `explainCors`: Request Doctor with "Name the reason of CORS refusals" on, and the
// no-op floor with the same CORS listeners ('extraHeaders' included); off (the default), neither has them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser, chromiumPath } from '../support/extension-browser.mjs';

const NOOP = resolve('test/bench/noop-extension');
/** The flags ExtensionBrowser.launch uses, minus the extension ones. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP nonexistent.invalid ~NOTFOUND'];

/** @param {string | null} extension */
async function launch(extension) {
  const profile = mkdtempSync(join(tmpdir(), 'request-doctor-bench-'));
  const extensionFlags = extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'], args: [...extensionFlags, ...FLAGS],
  });
  if (extension && context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
}

/**
 * Milliseconds from navigation start until the page sets window.__done (every image settled).
 * @param {import('playwright-core').Page} page @param {string} url
 */
async function loadOnce(page, url) {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // Poll rarely: the page stamps the time itself, and a busy poll would compete with the load.
  await page.waitForFunction(() => window.__doneAt !== undefined, null, { polling: 250, timeout: 60_000 });
  return page.evaluate(() => window.__doneAt ?? Number.NaN);
}

/** The CORS listeners, on in both the floor (b) and Request Doctor (c): set, then seen registered in each worker. */
async function turnOnCors(/** @type {ExtensionBrowser} */ doctor, /** @type {import('playwright-core').BrowserContext} */ floor) {
  const helper = await doctor.context.newPage();
  await helper.goto(`${doctor.reportUrl}?tab=-2`);
  await helper.evaluate(() => chrome.storage.sync.set({ explainCors: true }));
  await helper.close();
  const [noop] = floor.serviceWorkers();
  await noop?.evaluate(() => chrome.storage.local.set({ explainCors: true }));
  for (const worker of [doctor.worker(), noop]) {
    if (!worker) throw new Error('a service worker is not running');
    for (let i = 0; !(await worker.evaluate(() => chrome.webRequest.onSendHeaders.hasListeners() && chrome.webRequest.onHeadersReceived.hasListeners())); i++) {
      if (i > 100) throw new Error('the CORS listeners were not registered');
      await sleep(50);
    }
  }
}

/**
 * Loads `url` in each setup's context in turn, round after round, and returns each setup's load times
 * (warm-up rounds left out). Interleaved, each round in another order, so a change in the machine's load
 * hits every setup alike and no setup always follows the same one.
 * @template {string} Name
 * @param {Record<Name, { context: import('playwright-core').BrowserContext }>} setups
 * @param {string} url
 * @param {{ loads: number, warmup: number }} rounds
 */
export async function interleavedLoads(setups, url, { loads, warmup }) {
  const names = /** @type {Name[]} */ (Object.keys(setups));
  /** @type {Map<Name, import('playwright-core').Page>} */
  const pages = new Map();
  for (const name of names) {
    // Stamp the moment the page's own script sets __done, on the page's clock (0 = navigation start).
    await setups[name].context.addInitScript(() => {
      /** @type {boolean | undefined} */
      let done;
      Object.defineProperty(window, '__done', { get: () => done, set: (v) => ((done = v), (window.__doneAt = performance.now())) });
    });
    pages.set(name, await setups[name].context.newPage());
  }
  const times = /** @type {Record<Name, number[]>} */ (/** @type {unknown} */ (Object.fromEntries(names.map((name) => [name, []]))));
  for (let round = 0; round < warmup + loads; round++) {
    for (const name of round % 2 ? names : [...names].reverse()) {
      // A unique query per load; the server also sends no-store, so no cache can help.
      const ms = await loadOnce(/** @type {import('playwright-core').Page} */ (pages.get(name)), `${url}&load=${name}${round}`);
      if (round >= warmup) times[name].push(ms);
      // Let the extension finish its work (batched writes every 400 ms) before the next setup loads.
      await sleep(600);
    }
  }
  return times;
}

/** @param {{ loads?: number, warmup?: number, kind?: 'image' | 'cors', old?: string, explainCors?: boolean }} [options] */
export async function pageLoad({ loads = 20, warmup = 2, kind = 'image', old, explainCors = false } = {}) {
  const site = await startSite({ nginx: false });
  const doctor = await ExtensionBrowser.launch();
  const floor = await launch(NOOP);
  /** @type {Record<string, { context: import('playwright-core').BrowserContext, close: () => Promise<unknown> }>} */
  const setups = { a: await launch(null), b: floor, c: { context: doctor.context, close: () => doctor.close() } };
  if (explainCors) await turnOnCors(doctor, floor.context);
  if (old) setups.o = await launch(old);
  const origin = kind === 'cors' ? site.origin.replace('127.0.0.1', 'localhost') : site.origin;
  try {
    return /** @type {{ a: number[], b: number[], c: number[], o?: number[] }} */ (await interleavedLoads(setups, `${origin}/pages/many?n=300&fail=0.1&kind=${kind}`, { loads, warmup }));
  } finally {
    for (const setup of Object.values(setups)) await setup.close();
    await site.close();
  }
}
