// MV3 stops an idle service worker; recorded failures must survive it and new ones must not be lost.
import { expect, it } from 'vitest';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

it('failures recorded before a worker stop are still shown after, and the next one is added', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?restart`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate((url) => fetch(url, { method: 'PUT' }).catch(() => {}), `${suite.site.origin}/status/409`);
  expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['409']);

  await suite.browser.stopWorker();
  // The next failure wakes the stopped worker: it must load the old state before recording.
  await page.evaluate((url) => fetch(url).catch(() => {}), `${suite.site.origin}/reset`);
  const after = await suite.browser.failures(tabId, 2);
  expect(after.map((f) => f.code).sort()).toEqual(['409', 'net::ERR_CONNECTION_RESET']);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('2');

  // Several failures in quick succession right after another stop: none lost by concurrent writes.
  await suite.browser.stopWorker();
  await page.evaluate(async (origin) => {
    await Promise.all([500, 502, 503, 504].map((code) => fetch(`${origin}/status/${code}`).catch(() => {})));
  }, suite.site.origin);
  const all = await suite.browser.failures(tabId, 6);
  expect(all.map((f) => f.code).sort()).toEqual(['409', '500', '502', '503', '504', 'net::ERR_CONNECTION_RESET']);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('6');
  await page.close();
});
