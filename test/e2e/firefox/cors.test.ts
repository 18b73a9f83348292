// Real Firefox ESR and CORS: what Firefox lets an extension see, and what Request Doctor makes of it.
// Firefox reports a refused preflight (NS_ERROR_DOM_BAD_URI) and shows the preflight's answer, so those
// refusals name their rule as in Chromium. A refused simple request (no preflight) is not reported as a
// failure at all: webRequest says it completed, so Firefox cannot show it. A 500 arrives as the 500.
// All with "Name the reason of CORS refusals" on (off by default, the CORS listeners do not exist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSite } from '../../servers/site.mjs';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';
import { CORS_CASES, otherOrigin } from '../../support/recording.mjs';

let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof startSite>>;
let serial = 0;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  firefox = await FirefoxBrowser.launch({ idleTimeoutMs: 600_000 });
  const control = await firefox.control();
  await control.evaluate(() => browser.storage.sync.set({ explainCors: true }));
  // Positive signal: the setting is stored (the event page, running, hears the change before the next page loads).
  expect(await control.evaluate(() => browser.storage.sync.get('explainCors'))).toEqual({ explainCors: true });
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

async function crossOriginPage(): Promise<{ page: Page; tabId: number; pageOrigin: string }> {
  const page = await firefox.newPage();
  const pageOrigin = otherOrigin(site.origin);
  await page.goto(`${pageOrigin}/pages/blank?ff-cors-${++serial}`);
  return { page, tabId: await firefox.tabIdOf(page), pageOrigin };
}

const byName = (name: string) => CORS_CASES.find((c) => c.name === name)!;
const corsUrl = (name: string) => `${site.origin}/cors/${name}?${byName(name).query}`;
const fetchCase = (page: Page, name: string) =>
  page.evaluate(([u, i]) => fetch(u, { credentials: 'omit', ...i }).then((r) => r.status, (e: Error) => e.message), [corsUrl(name), byName(name).init ?? {}] as const);

const PREFLIGHTED = ['cors-preflight-405', 'cors-preflight-redirect', 'cors-method-not-allowed', 'cors-header-not-allowed'];

describe('Firefox: a refused preflight names the CORS rule', () => {
  it.each(PREFLIGHTED)('%s', async (name) => {
    const { page, tabId, pageOrigin } = await crossOriginPage();
    expect(await fetchCase(page, name)).toBe('NetworkError when attempting to fetch resource.');
    const failures = await firefox.failures(tabId, 1);
    expect(failures.map((f) => [f.stage, f.code, f.url])).toEqual([['browser', byName(name).code, corsUrl(name)]]);
    expect(failures[0]!.text).toContain(`Access-Control-Allow-Origin: ${pageOrigin}`);
    await page.close();
  });
});

describe('Firefox: what it cannot show, and what it shows as is', () => {
  it('refused simple requests and allowed ones are not listed (Firefox reports them as completed); a refused preflight after them is', async () => {
    const { page, tabId } = await crossOriginPage();
    const simple = ['cors-missing-allow-origin', 'cors-allow-origin-mismatch', 'cors-wildcard-with-credentials', 'cors-credentials-not-allowed', 'cors-multiple-allow-origin'];
    for (const name of simple) expect(await fetchCase(page, name), name).toBe('NetworkError when attempting to fetch resource.');
    for (const name of ['cors-allowed-get', 'cors-allowed-put']) expect(await fetchCase(page, name), name).toBe(200);
    await fetchCase(page, 'cors-preflight-405');
    const failures = await firefox.failures(tabId, 1);
    expect(failures.map((f) => f.code)).toEqual(['CORS_PREFLIGHT_INVALID_STATUS']);
    await page.close();
  });

  it('a 500 without CORS headers is listed as the 500', async () => {
    const { page, tabId } = await crossOriginPage();
    expect(await fetchCase(page, 'cors-hidden-500')).toBe('NetworkError when attempting to fetch resource.');
    const failures = await firefox.failures(tabId, 1);
    expect(failures.map((f) => [f.stage, f.code])).toEqual([['receive', '500']]);
    await page.close();
  });
});
