// The real toolbar popup at 200 % zoom: Chromium caps a popup at 800 device-independent px, so a 460 px popup
// scrolled sideways there. The zoom is the browser's default zoom, set in the profile as a person sets it.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser as CdpBrowser } from 'puppeteer-core';
import { connectCdp, DEBUGGING_PORT_ARG, openActionPopup } from '../support/action-popup';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { startSite } from '../servers/site.mjs';

const locales = readdirSync(new URL('../../public/_locales/', import.meta.url));

/** A profile whose default page zoom is `factor` (Chromium stores it as a power of 1.2). */
function zoomedProfile(factor: number): string {
  const profile = ExtensionBrowser.newProfile();
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ partition: { default_zoom_level: { x: Math.log(factor) / Math.log(1.2) } } }));
  return profile;
}

describe.each(locales)('the toolbar popup at 200 %% zoom, in %s', (locale) => {
  let browser: ExtensionBrowser;
  let cdp: CdpBrowser;
  let site: Awaited<ReturnType<typeof startSite>>;
  beforeAll(async () => {
    site = await startSite();
    browser = await ExtensionBrowser.launch({ args: [DEBUGGING_PORT_ARG], language: locale, profile: zoomedProfile(2) });
    cdp = await connectCdp(browser);
  });
  afterAll(async () => {
    await cdp?.disconnect();
    await browser?.close();
    await site?.close();
  });

  it('fits the 800 px Chromium gives it: no sideways scrolling, nothing in a line or the header cut', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/pages/blank?zoom-${locale}`);
    await page.bringToFront();
    await page.evaluate(async (origin) => {
      await Promise.all([
        fetch(`${origin}/status/409`, { method: 'PUT', credentials: 'omit' }),
        fetch(`${origin}/status/503`, { credentials: 'omit' }),
        fetch('http://nonexistent.invalid/api').catch(() => {}),
      ]);
    }, site.origin);
    await browser.failures(await browser.tabIdOf(page), 3);
    await page.bringToFront();
    const popup = await openActionPopup(browser, cdp);
    await popup.waitForFunction(() => [...document.querySelectorAll('.line-title')].every((title) => title.textContent !== ''));
    const seen = await popup.evaluate(() => ({
      zoom: devicePixelRatio,
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      cut: [...document.querySelectorAll<HTMLElement>('.top *, .line *')]
        // Text only read out (1 px on purpose) is not cut.
        .filter((el) => !el.closest('.visually-hidden') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
        .map((el) => `${el.className}: ${el.textContent}`),
    }));
    // The zoom took effect (the popup is laid out at twice the resolution), and everything fits.
    expect(seen).toEqual({ zoom: 2, sideways: 0, cut: [] });
    await page.close();
  }, 60_000);
});
