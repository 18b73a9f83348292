// Being offline, end to end in real Chromium: Playwright's context.setOffline (DevTools network emulation)
// makes the page's requests fail with net::ERR_INTERNET_DISCONNECTED, and the extension's webRequest sees them.
import { expect, it } from 'vitest';
import { chromiumSuite } from '../support/chromium-suite';
import { hostCount, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });

it('10 requests while offline make one "You are offline" notice; coming back online says so once', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?offline`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  await suite.browser.context.setOffline(true);
  const errors = await page.evaluate((origin) => Promise.all(Array.from({ length: 10 }, (_, i) =>
    fetch(`${origin}/ok/offline-${i}.json`).then(() => 'ok', (e: Error) => e.name))), suite.site.origin);
  expect(errors).toEqual(Array(10).fill('TypeError'));
  const frame = await waitForNotice(suite.browser, page, /You are offline/);
  expect(await frame.locator('li').evaluateAll((lines) => lines.map((li) => `${li.getAttribute('data-code')} ${li.textContent}`)))
    .toEqual([expect.stringMatching(/^offline \D*10×/)]);
  expect(await hostCount(page)).toBe(1);
  await suite.browser.context.setOffline(false);
  // The report (an extension page) groups them under the one message, and its summary says so.
  const { failures, page: report } = await suite.browser.report(tabId, 10);
  expect(failures.map((f) => f.code)).toEqual(Array(10).fill('net::ERR_INTERNET_DISCONNECTED'));
  expect(await report.locator('.group h2').allTextContents()).toEqual([expect.stringMatching(/^You are offline/)]);
  expect(await report.locator('#summary-sentence').textContent()).toMatch(/^You are offline: 10 requests could not be sent/);
  await report.close();
  await page.bringToFront();
  // Back online: the next request that reaches the network says so.
  expect(await page.evaluate((origin) => fetch(`${origin}/ok/back.json`).then((r) => r.status), suite.site.origin)).toBe(200);
  await waitForNotice(suite.browser, page, /You are back online/);
  expect(await hostCount(page)).toBe(1);
  await page.close();
});
