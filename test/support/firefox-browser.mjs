// @ts-check
// Real Firefox ESR with an extension installed as a temporary add-on, driven by puppeteer-core over WebDriver BiDi.
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const FIREFOX_DIST = resolve('dist/firefox');

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('./extension-browser.mjs').FailureView} FailureView */

/** CI must never skip browser tests: a missing browser or build fails loudly. */
export function firefoxPath() {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}: run  apt-get install -y --no-install-recommends firefox-esr  (or set FIREFOX_PATH)`);
  }
  return path;
}

/** @param {string} dir @returns {string} the add-on id Firefox will use */
function geckoId(dir) {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run  npm run build firefox`);
  const id = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

const sleep = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));

export class FirefoxBrowser {
  /** @param {import('puppeteer-core').Browser} browser @param {string} uuid */
  constructor(browser, uuid) {
    this.browser = browser;
    this.uuid = uuid;
    /** @type {Promise<Page> | undefined} */
    this.controlPage = undefined;
  }

  /**
   * @param {{ extensionDir?: string, idleTimeoutMs?: number, prefs?: Record<string, unknown> }} [options]
   *   idleTimeoutMs: how long the event page may idle before Firefox suspends it.
   */
  static async launch({ extensionDir = FIREFOX_DIST, idleTimeoutMs = 2000, prefs = {} } = {}) {
    const dir = resolve(extensionDir);
    const id = geckoId(dir);
    // Pinning the add-on's moz-extension:// host lets tests address its pages.
    const uuid = randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // BiDi refuses to navigate to moz-extension:// pages without it (test-only flag of Firefox's remote agent).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Otherwise Firefox silently retries a reset or empty response up to 10 times.
        'network.http.request.max-attempts': 1,
        'extensions.background.idle.timeout': idleTimeoutMs,
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        ...prefs,
      },
    });
    try {
      await browser.installExtension(dir);
    } catch (error) {
      await browser.close();
      throw error;
    }
    return new FirefoxBrowser(browser, uuid);
  }

  get origin() {
    return `moz-extension://${this.uuid}`;
  }

  get reportUrl() {
    return `${this.origin}/src/popup/index.html`;
  }

  newPage() {
    return this.browser.newPage();
  }

  /**
   * A page's location as the page itself sees it: puppeteer keeps `about:blank` for documents
   * that live in Firefox's extension process, since BiDi sends no navigation events for them.
   * @param {Page} page
   */
  async locationOf(page) {
    return page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
  }

  /** Open an extension page in a new tab and wait until it has loaded. */
  /** @param {string} path @returns {Promise<Page>} */
  async openExtensionPage(path) {
    const url = `${this.origin}/${path}`;
    const page = await this.browser.newPage();
    // goto never resolves for an extension-process document (see locationOf), so poll instead.
    void page.goto(url).catch(() => {});
    for (let i = 0; i < 200; i++) {
      if ((await this.locationOf(page)) === url) return page;
      await sleep(50);
    }
    throw new Error(`${url} did not load`);
  }

  /**
   * One extension page kept open to ask the extension APIs questions. Reused, because opening a tab
   * fires tabs.onUpdated, which would wake the event page.
   */
  control() {
    return (this.controlPage ??= this.openExtensionPage('src/popup/index.html?tab=-2'));
  }

  /** Firefox's tab id of a page, asked from an extension page. */
  /** @param {Page} page @returns {Promise<number>} */
  async tabIdOf(page) {
    return (await this.control()).evaluate(async (url) => {
      const tabs = await browser.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab for ${url}: ${tabs.map((t) => t.url).join(', ')}`);
      return tab.id;
    }, page.url());
  }

  /** Read every failure from a loaded report page's observable contract. */
  /** @param {Page} page @returns {Promise<FailureView[]>} */
  async readReport(page) {
    await page.waitForSelector('main[aria-busy="false"]');
    return page.$$eval('[data-failure]', (elements) =>
      elements.map((el) => ({
        stage: el.getAttribute('data-stage') ?? '', code: el.getAttribute('data-code') ?? '',
        url: el.getAttribute('data-url') ?? '', count: Number(el.getAttribute('data-count')),
        title: el.querySelector('h3')?.textContent ?? '', text: el.textContent ?? '',
      })));
  }

  /** Open the full-page report for a tab and read it, waiting up to `timeout` for `expectAtLeast` failures. */
  /** @param {number} tabId @returns {Promise<FailureView[]>} */
  async failures(tabId, expectAtLeast = 0, timeout = 10_000) {
    const page = await this.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    try {
      const deadline = Date.now() + timeout;
      for (;;) {
        const failures = await this.readReport(page);
        if (failures.length >= expectAtLeast || Date.now() > deadline) return failures;
        await sleep(200);
      }
    } finally {
      await page.close();
    }
  }

  /**
   * Whether the event page is alive, asked through runtime.getContexts from an extension page:
   * that question is answered by Firefox itself and does not wake the event page.
   */
  async backgroundRunning() {
    return (await this.control()).evaluate(async () =>
      (await browser.runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length > 0);
  }

  /** Resolve once Firefox has suspended the idle event page; throw if it stays up. */
  async waitForSuspension(timeout = 15_000) {
    const deadline = Date.now() + timeout;
    while (await this.backgroundRunning()) {
      if (Date.now() > deadline) throw new Error(`the event page was not suspended within ${timeout} ms`);
      await sleep(250);
    }
  }

  async close() {
    await this.browser.close();
  }
}
