// When host access is withheld (Firefox asks for it in MV3), the report says so and offers to ask.
// Chromium cannot withhold required host permissions, so here the page is told it has none;
// the Firefox end-to-end test withholds it for real.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await ExtensionBrowser.launch();
});

afterAll(async () => {
  await browser?.close();
});

it('has no banner while access to all sites is granted', async () => {
  const report = await browser.context.newPage();
  await report.goto(`${browser.reportUrl}?tab=-2`);
  await report.waitForSelector('main[aria-busy="false"]');
  expect(await report.locator('#permission').isHidden()).toBe(true);
  await report.close();
});

it('shows a banner with a button that asks for access to all sites when it is withheld', async () => {
  const report = await browser.context.newPage();
  await report.addInitScript(() => {
    const withheld = (_query: unknown, callback?: (granted: boolean) => void) => (callback ? callback(false) : Promise.resolve(false));
    Object.defineProperty(chrome.permissions, 'contains', { value: withheld });
  });
  await report.goto(`${browser.reportUrl}?tab=-2`);
  await report.waitForSelector('#permission:not([hidden])');
  expect(await report.locator('#permission-text').textContent()).toMatch(/only watch some sites/);
  expect(await report.locator('#permission-grant').textContent()).toBe('Allow on all sites');
  await report.close();
});
