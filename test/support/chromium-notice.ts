// Reading the in-page notification of a Chromium page, and changing settings as stored, for end-to-end tests.
import { expect } from 'vitest';
import type { Frame, Page, Worker } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser.mjs';

export const noticeFrames = (browser: ExtensionBrowser, page: Page): Frame[] =>
  page.frames().filter((f) => !f.isDetached() && f.url().startsWith(`chrome-extension://${browser.extensionId}/src/content/notice.html`));

/** Waits for the notification (optionally with text matching `text`) and returns its frame. */
export async function waitForNotice(browser: ExtensionBrowser, page: Page, text?: RegExp, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    const frame = noticeFrames(browser, page)[0];
    last = (frame && (await frame.locator('#notice').textContent({ timeout: 1000 }).catch(() => ''))) ?? '';
    if (frame && last && (!text || text.test(last))) return frame;
    if (Date.now() > deadline) throw new Error(`no notification${text ? ` matching ${text}` : ''}; last: ${last}`);
    await page.waitForTimeout(100);
  }
}

/**
 * The notification's host as a page script can find it without a name: the element in the top layer (the
 * test pages open no popovers of their own). Usable in `page.evaluate` (pass it in) and as a locator.
 */
export const NOTICE_HOST = ':popover-open';

/** How many notification hosts the page's DOM holds. */
export const hostCount = (page: Page): Promise<number> => page.evaluate((selector) => document.querySelectorAll(selector).length, NOTICE_HOST);

/** Waits until the page holds no notification host. */
export const waitForNoNotice = (page: Page, timeout?: number): Promise<unknown> =>
  page.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, NOTICE_HOST, { timeout });

/** The notification host's size, as a page script measures it. */
export const hostSize = (page: Page): Promise<{ width: number; height: number }> =>
  page.evaluate((selector) => {
    const { width, height } = document.querySelector(selector)!.getBoundingClientRect();
    return { width, height };
  }, NOTICE_HOST);

/** The host's size once the frame has taken its content's height (its first size is a guess made before drawing). */
export async function settledSize(browser: ExtensionBrowser, page: Page): Promise<{ width: number; height: number }> {
  const contentHeight = (): Promise<number> =>
    noticeFrames(browser, page)[0]!.evaluate(() => Math.min(800, Math.ceil(document.getElementById('notice')!.getBoundingClientRect().height)));
  await expect.poll(async () => (await hostSize(page)).height === (await contentHeight()), { timeout: 5000 }).toBe(true);
  return hostSize(page);
}

/**
 * Runs in the extension's isolated world of a tab's top frame, where its content script runs (what a
 * compromised renderer controls), injected from the extension page `ext`. `func` must stand alone.
 */
export async function inContentScript<A extends unknown[], T>(ext: Page, tabId: number, func: (...args: A) => T, ...args: A): Promise<Awaited<T>> {
  // An expression evaluated by the test driver: the extension page's policy forbids building a function from text.
  const target = JSON.stringify({ tabId, frameIds: [0] });
  const call = `chrome.scripting.executeScript({ target: ${target}, args: ${JSON.stringify(args)}, func: ${func.toString()} }).then(([injection]) => injection.result)`;
  return ext.evaluate(call) as Promise<Awaited<T>>;
}

export const fetchIn = (page: Page, url: string, method = 'GET'): Promise<unknown> =>
  page.evaluate(([u, m]) => fetch(u, { method: m, credentials: 'omit' }).then((r) => r.status, (e: Error) => e.message), [url, method] as const);

/** Write settings to storage.sync from an extension page (this does not wake the worker). */
export async function setSettings(browser: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  const helper = await browser.context.newPage();
  try {
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    await helper.evaluate((v) => chrome.storage.sync.set(v), values);
  } finally {
    await helper.close();
  }
}

/** What each browser's suite starts from (see `chromiumSuite`); `resetSettings` goes back to it. */
const baselines = new WeakMap<ExtensionBrowser, Record<string, unknown>>();

export async function setBaseline(browser: ExtensionBrowser, values: Record<string, unknown>): Promise<void> {
  baselines.set(browser, values);
  await resetSettings(browser);
}

/** Back to the defaults, plus the suite's baseline. */
export async function resetSettings(browser: ExtensionBrowser): Promise<void> {
  const helper = await browser.context.newPage();
  try {
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    await helper.evaluate((base) => chrome.storage.sync.clear().then(() => chrome.storage.sync.set(base)), baselines.get(browser) ?? {});
  } finally {
    await helper.close();
  }
}

let markers = 0;

/**
 * The positive signal before a negative check: a failing fetch from the test site's service worker (no
 * tab) that shows up in the no-tab bucket. Events reach the worker in order and the store handles them in
 * order, so every request that settled before this one has been handled, and written, by then.
 */
export async function eventsSettled(browser: ExtensionBrowser, origin: string): Promise<void> {
  const url = `${origin}/status/418?marker=${++markers}-${Date.now()}`;
  // The marker comes from the site's own service worker: a request without a tab that the extension
  // records. (The extension's own requests never count, so its worker cannot send the marker.)
  const worker = await siteWorker(browser, origin);
  await worker.evaluate((u) => fetch(u).then(() => {}, () => {}), url);
  await expect.poll(async () => (await browser.failures(-1)).some((f) => f.url === url), { timeout: 15_000 }).toBe(true);
}

/** A running service worker of the test site: the one registered before, or a fresh one. */
export async function siteWorker(browser: ExtensionBrowser, origin: string): Promise<Worker> {
  const isMarker = (worker: Worker): boolean => worker.url().startsWith(`${origin}/ok/marker-sw.js`);
  const running = browser.context.serviceWorkers().find(isMarker);
  if (running) return running;
  // Registered from a page of the site already open, so no tab is opened and none loses its focus
  // (a page whose policy forbids it falls back to a page of its own).
  const register = async (page: Page): Promise<Worker> => {
    // A new script URL each time: a stopped worker of an old registration would never start again.
    const started = browser.context.waitForEvent('serviceworker', { predicate: isMarker, timeout: 30_000 });
    started.catch(() => {}); // awaited below; only a registration that threw leaves it unobserved
    await page.evaluate((script) => navigator.serviceWorker.register(script, { scope: '/ok/marker/' }).then(() => undefined), `/ok/marker-sw.js?v=${Date.now()}`);
    return started;
  };
  const host = browser.context.pages().find((page) => page.url().startsWith(`${origin}/pages/blank`));
  if (host) {
    try {
      return await register(host);
    } catch {
      // Fall through to a page of its own.
    }
  }
  const helper = await browser.context.newPage();
  try {
    await helper.goto(`${origin}/pages/blank?marker-host`);
    return await register(helper);
  } finally {
    await helper.close();
  }
}

/** The stored notification of a tab, or null: whether the worker decided to notify is in storage.session with the failure. */
export async function storedNotice(browser: ExtensionBrowser, tabId: number): Promise<unknown> {
  const helper = await browser.context.newPage();
  try {
    await helper.goto(`${browser.reportUrl}?tab=-2`);
    return await helper.evaluate((key) => chrome.storage.session.get(key).then((items) => items[key] ?? null), `notice:${tabId}`);
  } finally {
    await helper.close();
  }
}
