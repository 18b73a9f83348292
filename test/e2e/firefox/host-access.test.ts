// Firefox lets people withhold host access in MV3: the report says so and offers to ask for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';

let firefox: FirefoxBrowser;

beforeAll(async () => {
  firefox = await FirefoxBrowser.launch();
});

afterAll(async () => {
  await firefox?.close();
});

it('after access to all sites is withdrawn, the report shows the banner and its button', async () => {
  const control = await firefox.control();
  const removed = await control.evaluate(() => browser.permissions.remove({ origins: ['<all_urls>'] }));
  expect(removed).toBe(true);
  expect(await control.evaluate(() => browser.permissions.contains({ origins: ['<all_urls>'] }))).toBe(false);
  const report = await firefox.openExtensionPage('src/popup/index.html?tab=-3');
  await report.waitForSelector('#permission:not([hidden])');
  expect(await report.$eval('#permission-text', (el) => el.textContent)).toMatch(/only watch some sites/);
  expect(await report.$eval('#permission-grant', (el) => el.textContent)).toBe('Allow on all sites');
});
