// Site access withheld for real (Chromium's "on click", set as a person would on chrome://extensions):
// no failure of the site is seen, and the real popup says it cannot see this site and offers to allow it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { startSite } from '../servers/site.mjs';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { connectCdp, DEBUGGING_PORT_ARG, openActionPopup } from '../support/action-popup';

let browser: ExtensionBrowser;
let cdp: Browser;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  browser = await ExtensionBrowser.launch({ args: [DEBUGGING_PORT_ARG] });
  cdp = await connectCdp(browser);
});

afterAll(async () => {
  await cdp?.disconnect();
  await browser?.close();
  await site?.close();
});

async function setSiteAccess(hostAccess: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(([id, access]) => (chrome as unknown as {
    developerPrivate: { updateExtensionConfiguration(update: object): Promise<void> };
  }).developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: access }), [browser.extensionId, hostAccess] as const);
  await page.close();
}

const hasAllSites = async (): Promise<boolean> => {
  const page = await browser.context.newPage();
  await page.goto(`${browser.reportUrl}?tab=-2`);
  const granted = await page.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] }));
  await page.close();
  return granted;
};

it('has no banner while access to all sites is granted', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${site.origin}/pages/blank?granted`);
  await page.bringToFront();
  const popup = await openActionPopup(browser, cdp);
  expect(await popup.$eval('#permission', (el) => (el as HTMLElement).hidden)).toBe(true);
  await page.close();
});

it('with site access "on click", the popup says it cannot see this site and offers to allow it', async () => {
  await setSiteAccess('ON_CLICK');
  const page = await browser.context.newPage();
  try {
    expect(await hasAllSites()).toBe(false);
    await page.goto(`${site.origin}/pages/blank?withheld`);
    const tabId = await browser.tabIdOf(page).catch(() => undefined);
    // Chromium hides the URL of a tab on a site the extension may not access.
    expect(tabId).toBeUndefined();
    await page.evaluate((url) => fetch(url).catch(() => {}), `${site.origin}/status/500?withheld`);
    await page.bringToFront();
    const popup = await openActionPopup(browser, cdp);
    await popup.waitForSelector('#permission:not([hidden])');
    expect(await popup.$eval('#permission', (el) => el.hasAttribute('data-site-hidden'))).toBe(true);
    expect(await popup.$eval('#permission-text', (el) => el.textContent)).toMatch(/cannot see this site/);
    expect(await popup.$eval('#permission-grant', (el) => el.textContent)).toBe('Allow on this site');
  } finally {
    await setSiteAccess('ON_ALL_SITES');
  }
  expect(await hasAllSites()).toBe(true);
  // It really saw nothing while access was withheld: once allowed again, only the new failure is listed.
  const tabId = await browser.tabIdOf(page);
  await page.evaluate((url) => fetch(url).catch(() => {}), `${site.origin}/status/503?allowed`);
  expect((await browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['503']);
  await page.close();
});
