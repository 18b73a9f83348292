// @ts-check
// Real Chromium with the built extension loaded, and the report view as tests read it.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const DIST = resolve('dist/chrome');

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{ stage: string, code: string, url: string, count: number, title: string, text: string }} FailureView */

/** CI must never skip browser tests: a missing browser fails loudly. */
export function chromiumPath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run  apt-get install -y chromium  (or set CHROME_PATH)`);
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/chrome is missing: run  npm run build chrome');
  return path;
}

export class ExtensionBrowser {
  /** @param {import('playwright-core').BrowserContext} context @param {string} extensionId @param {string} profile */
  constructor(context, extensionId, profile) {
    this.context = context;
    this.extensionId = extensionId;
    this.profile = profile;
    /** @type {import('puppeteer-core').Browser | undefined} set by the first toolbarPopup() */
    this.puppeteer = undefined;
  }

  /** A new profile directory; pass it to launch() and close({ keepProfile: true }) to restart the browser on it. */
  static newProfile() {
    return mkdtempSync(join(tmpdir(), 'request-doctor-profile-'));
  }

  /**
   * `language` sets Chromium's interface language (Linux reads LANGUAGE; needs Debian's chromium-l10n).
   * handleSignals: false when the caller closes Chromium itself on Ctrl-C (Playwright's own handler exits with 130).
   * `profile`: an existing profile directory (see newProfile), to start again on it.
   * @param {{ headless?: boolean, extraExtensions?: string[], args?: string[], language?: string, handleSignals?: boolean, profile?: string }} [options]
   */
  static async launch({ headless = true, extraExtensions = [], args = [], language, handleSignals = true, profile = ExtensionBrowser.newProfile() } = {}) {
    const extensions = [DIST, ...extraExtensions].join(',');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless,
      handleSIGINT: handleSignals,
      handleSIGTERM: handleSignals,
      ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
      viewport: headless ? { width: 1280, height: 800 } : null,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${extensions}`, `--load-extension=${extensions}`, '--no-sandbox', '--disable-gpu',
        '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--host-resolver-rules=MAP nonexistent.invalid ~NOTFOUND',
        // Lets toolbarPopup() reach the action popup, which Playwright does not expose (a random local port).
        '--remote-debugging-port=0', ...args,
      ],
    });
    const worker = context.serviceWorkers().find((w) => w.url().includes('service-worker')) ??
      (await context.waitForEvent('serviceworker'));
    return new ExtensionBrowser(context, new URL(worker.url()).host, profile);
  }

  worker() {
    return this.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${this.extensionId}/`));
  }

  get reportUrl() {
    return `chrome-extension://${this.extensionId}/src/popup/index.html`;
  }

  /** Chromium's tab id of a page, asked from an extension page (Playwright does not expose it). */
  /** @param {Page} page @returns {Promise<number>} */
  async tabIdOf(page) {
    const helper = await this.context.newPage();
    try {
      await helper.goto(`${this.reportUrl}?tab=-2`);
      const target = page.url();
      return await helper.evaluate(async (url) => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url === url || t.pendingUrl === url);
        if (!tab?.id) throw new Error(`no tab for ${url}: ${tabs.map((t) => t.url).join(', ')}`);
        return tab.id;
      }, target);
    } finally {
      await helper.close();
    }
  }

  /** Open the full-page report for a tab and read every failure from its observable contract. */
  /** @param {number} tabId @returns {Promise<{ failures: FailureView[], page: Page }>} */
  async report(tabId, expectAtLeast = 0, timeout = 10_000) {
    const page = await this.context.newPage();
    await page.goto(`${this.reportUrl}?tab=${tabId}`);
    const deadline = Date.now() + timeout;
    for (;;) {
      await page.waitForSelector('main[aria-busy="false"]');
      const failures = await page.$$eval('[data-failure]', (elements) =>
        elements.map((el) => ({
          stage: el.getAttribute('data-stage') ?? '', code: el.getAttribute('data-code') ?? '',
          url: el.getAttribute('data-url') ?? '', count: Number(el.getAttribute('data-count')),
          title: (el.querySelector('.line-title') ?? el.querySelector('h3'))?.textContent ?? '',
          text: el.textContent ?? '',
        })));
      if (failures.length >= expectAtLeast || Date.now() > deadline) return { failures, page };
      await page.waitForTimeout(200);
    }
  }

  /** Read a report and close it again. */
  /** @param {number} tabId @returns {Promise<FailureView[]>} */
  async failures(tabId, expectAtLeast = 0) {
    const { failures, page } = await this.report(tabId, expectAtLeast);
    await page.close();
    return failures;
  }

  /** The toolbar button's state of a tab, read through the action API in an extension page: its badge text or popup URL. */
  /** @param {'getBadgeText' | 'getPopup'} what @param {number} tabId @returns {Promise<string>} */
  async #toolbar(what, tabId) {
    const helper = await this.context.newPage();
    await helper.goto(`${this.reportUrl}?tab=-2`);
    const value = await helper.evaluate(([method, id]) => chrome.action[method]({ tabId: id }), /** @type {const} */ ([what, tabId]));
    await helper.close();
    return value;
  }

  /** The toolbar badge text of a tab. @param {number} tabId */
  badge(tabId) {
    return this.#toolbar('getBadgeText', tabId);
  }

  /** The popup URL the toolbar button of a tab opens: ours carries the first screen after `#`. @param {number} tabId */
  popupUrl(tabId) {
    return this.#toolbar('getPopup', tabId);
  }

  /**
   * Open the real toolbar popup for a tab, as a click on the icon does (chrome.action.openPopup), and drive
   * it with puppeteer-core over the same browser's DevTools port: Playwright cannot attach to action popups.
   * `worker` and `url` open another loaded extension's popup instead (the benchmark's no-op floor).
   * @param {Page} page the tab whose popup to open
   * @param {{ worker?: import('playwright-core').Worker, url?: string }} [other]
   * @returns {Promise<import('puppeteer-core').Page>}
   */
  async toolbarPopup(page, { worker = this.worker(), url = this.reportUrl } = {}) {
    if (!this.puppeteer) {
      const port = readFileSync(join(this.profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      this.puppeteer = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
    }
    await page.bringToFront();
    const before = new Set(this.puppeteer.targets());
    // Our popup's URL carries the first screen the background handed over after `#`.
    const opened = this.puppeteer.waitForTarget((target) => !before.has(target) && target.url().split('#')[0] === url && target.type() === 'page', { timeout: 30_000 });
    if (!worker) throw new Error('the extension service worker is not running');
    const error = await worker.evaluate(() => chrome.action.openPopup().then(() => '', (e) => String(e)));
    if (error) throw new Error(`action.openPopup failed: ${error}`);
    return /** @type {import('puppeteer-core').Page} */ (await (await opened).asPage());
  }

  /** Stop the extension's service worker (or those of the extensions named) the way Chromium does when it idles. */
  async stopWorker(extensionIds = [this.extensionId]) {
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    /** @type {{ versionId: string, scriptURL: string, runningStatus: string }[]} */
    const versions = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => versions.push(...event.versions));
    await cdp.send('ServiceWorker.enable');
    await page.waitForTimeout(300);
    const ours = versions.filter((v) => extensionIds.some((id) => v.scriptURL.includes(id)) && v.runningStatus === 'running');
    if (ours.length === 0) throw new Error('the extension service worker is not running');
    for (const version of ours) await cdp.send('ServiceWorker.stopWorker', { versionId: version.versionId });
    // Only return once Chromium reports the worker stopped, so the test really exercises a cold start.
    const stopped = () => ours.every((o) => versions.some((v) => v.versionId === o.versionId && v.runningStatus === 'stopped'));
    for (let i = 0; i < 50 && !stopped(); i++) await page.waitForTimeout(100);
    await page.close();
    if (!stopped()) throw new Error('the service worker did not stop');
  }

  /** @param {{ keepProfile?: boolean }} [options] keepProfile: to launch again on the same profile (a browser restart) */
  async close({ keepProfile = false } = {}) {
    await this.puppeteer?.disconnect();
    await this.context.close();
    if (!keepProfile) rmSync(this.profile, { recursive: true, force: true });
  }
}
