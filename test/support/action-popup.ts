// The real toolbar popup: opened by chrome.action.openPopup() in the worker, reached over CDP with puppeteer
// (Playwright does not list the popup's page). Needs Chromium started with --remote-debugging-port=0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './extension-browser.mjs';

export const DEBUGGING_PORT_ARG = '--remote-debugging-port=0';

/** A second client on the same browser, for the popup. */
export async function connectCdp(browser: ExtensionBrowser): Promise<Browser> {
  const [port, path] = readFileSync(join(browser.profile, 'DevToolsActivePort'), 'utf8').split('\n');
  return puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, defaultViewport: null });
}

/** Wake the worker (a stopped one cannot be evaluated) and open the action popup of the active tab. */
export async function openActionPopup(browser: ExtensionBrowser, cdp: Browser): Promise<Page> {
  const popupUrl = `chrome-extension://${browser.extensionId}/src/popup/index.html`;
  const worker = browser.worker();
  if (!worker) throw new Error('no extension service worker');
  // Our popup's URL carries the first screen the background handed over after `#`.
  const opened = cdp.waitForTarget((t) => t.url().split('#')[0] === popupUrl, { timeout: 15_000 });
  await worker.evaluate(() => chrome.action.openPopup());
  const page = await (await opened).asPage();
  await page.waitForSelector('main[aria-busy="false"]');
  return page;
}

/** The popup's failures, read from the same observable contract as the report. */
export const popupFailures = (popup: Page): Promise<{ code: string; url: string; count: number }[]> =>
  popup.$$eval('[data-failure]', (elements) => elements.map((el) => ({
    code: el.getAttribute('data-code') ?? '', url: el.getAttribute('data-url') ?? '', count: Number(el.getAttribute('data-count')),
  })));
