// Firefox ESR: the report reads step timings from the page's own Resource Timing entries too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite } from '../../servers/site.mjs';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';

let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  firefox = await FirefoxBrowser.launch();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

describe('Firefox: step timings on the strip', () => {
  it('a slow first byte: the wait step carries the time, whole milliseconds', async () => {
    const page = await firefox.newPage();
    await page.goto(`${site.origin}/pages/blank?firefox-timings`);
    const tabId = await firefox.tabIdOf(page);
    const url = site.urls.slowFirstByte;
    await page.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.text()), url);
    const report = await firefox.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
    try {
      await report.waitForSelector(`[data-failure][data-url="${url}"] .timing`, { timeout: 20_000 });
      const steps = await report.$$eval(`[data-failure][data-url="${url}"] [data-step]`, (elements) =>
        Object.fromEntries(elements.map((el) => [el.getAttribute('data-step'), el.getAttribute('data-ms')])));
      expect(Number(steps.wait)).toBeGreaterThanOrEqual(1400);
      expect(steps.send).toBeNull();
      expect(steps.tls).toBeNull();
      const story = await report.$eval(`[data-failure][data-url="${url}"] .timing`, (el) => el.textContent);
      expect(story).toMatch(/The server took 1\.\d s to answer/);
    } finally {
      await report.close();
      await page.close();
    }
  });
});
