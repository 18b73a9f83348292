// MV3 stops an idle service worker; recorded failures must survive it and new ones must not be lost.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  browser = await ExtensionBrowser.launch();
  const warm = await browser.context.newPage();
  await warm.goto(`${site.origin}/pages/blank?warm`);
  await warm.close();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('failures recorded before a worker stop are still shown after, and the next one is added', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/pages/blank?restart`);
  const tabId = await browser.tabIdOf(page);
  await page.evaluate((url) => fetch(url, { method: 'PUT' }).catch(() => {}), `${site.origin}/status/409`);
  expect((await browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['409']);

  await browser.stopWorker();
  // The next failure wakes the stopped worker: it must load the old state before recording.
  await page.evaluate((url) => fetch(url).catch(() => {}), `${site.origin}/reset`);
  const after = await browser.failures(tabId, 2);
  expect(after.map((f) => f.code).sort()).toEqual(['409', 'net::ERR_CONNECTION_RESET']);
  expect(await browser.badge(tabId)).toBe('2');

  // Several failures in quick succession right after another stop: none lost by concurrent writes.
  await browser.stopWorker();
  await page.evaluate(async (origin) => {
    await Promise.all([500, 502, 503, 504].map((code) => fetch(`${origin}/status/${code}`).catch(() => {})));
  }, site.origin);
  const all = await browser.failures(tabId, 6);
  expect(all.map((f) => f.code).sort()).toEqual(['409', '500', '502', '503', '504', 'net::ERR_CONNECTION_RESET']);
  expect(await browser.badge(tabId)).toBe('6');
  await page.close();
});
