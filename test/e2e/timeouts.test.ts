// Timeouts through a real hang: nginx gives up on its silent upstream (504), in a real Chromium.
// A client-side timeout has no real path in Chromium against a local server: it never times out a hanging
// response by itself, and fetch/XHR timeouts are reported as net::ERR_ABORTED (a cancel). That case stays
// covered by route.abort('timedout') in failures.test.ts.
import { expect, it } from 'vitest';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();

it('a gateway timeout from nginx waiting on a silent upstream is a 504 at the wait stage', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?gateway-timeout`);
  const tabId = await suite.browser.tabIdOf(page);
  const url = `${suite.site.nginxOrigin}/gateway-timeout`;
  expect(await page.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.status), url)).toBe(504);
  const [failure] = await suite.browser.failures(tabId, 1);
  expect(failure).toMatchObject({ code: '504', url });
  expect(failure!.text).toMatch(/nginx/i);
  await page.close();
});

it('a fetch given up by the page (AbortSignal.timeout) over a hanging server is a cancel: listed only when asked', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?client-timeout`);
  const tabId = await suite.browser.tabIdOf(page);
  const helper = await suite.browser.context.newPage();
  await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
  await helper.evaluate(() => chrome.storage.sync.set({ showAborted: true }));
  await helper.close();
  expect(await page.evaluate((u) => fetch(u, { signal: AbortSignal.timeout(1000) }).then(() => 'answered', (e: Error) => e.name), `${suite.site.origin}/hang`)).toBe('TimeoutError');
  expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['net::ERR_ABORTED']);
  const reset = await suite.browser.context.newPage();
  await reset.goto(`${suite.browser.reportUrl}?tab=-2`);
  await reset.evaluate(() => chrome.storage.sync.clear());
  await reset.close();
  await page.close();
});
