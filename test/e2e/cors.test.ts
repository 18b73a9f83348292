// Cross-origin fetches refused under CORS, in real Chromium against the real test server (the page on
// `localhost`, the server answering on 127.0.0.1): the card names the rule that failed, an error status the
// page could not read is listed as that status, and allowed cross-origin requests show nothing. All of this
// only with "Name the reason of CORS refusals" on: off (the default), the CORS listeners do not exist.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { setSettings } from '../support/chromium-notice';
import { chromiumSuite } from '../support/chromium-suite';
import { CORS_CASES, otherOrigin } from '../support/recording.mjs';

const suite = chromiumSuite({ nginx: false });
let serial = 0;

/** A fresh page on the other origin; fetches run in it, with credentials omitted unless `init` says otherwise. */
async function crossOriginPage(): Promise<{ page: Page; tabId: number; pageOrigin: string }> {
  const page = await suite.browser.context.newPage();
  const pageOrigin = otherOrigin(suite.site.origin);
  await page.goto(`${pageOrigin}/pages/blank?cors-${++serial}`);
  return { page, tabId: await suite.browser.tabIdOf(page), pageOrigin };
}

const corsUrl = (name: string, query: string): string => `${suite.site.origin}/cors/${name}?${query}`;
const fetchIn = (page: Page, url: string, init: RequestInit = {}) =>
  page.evaluate(([u, i]) => fetch(u, { credentials: 'omit', ...i }).then((r) => r.status, (e: Error) => e.message), [url, init] as const);

const refused = CORS_CASES.filter((c) => c.code?.startsWith('CORS_'));

/** Whether the running worker has the CORS listeners (onCompleted, always there, says the worker answers at all). */
const corsListeners = () => suite.browser.worker()?.evaluate(() => chrome.webRequest.onCompleted.hasListeners() &&
  [chrome.webRequest.onHeadersReceived.hasListeners(), chrome.webRequest.onSendHeaders.hasListeners()]);

/** Turn the setting on or off, and wait until the worker has added or removed its listeners. */
async function explainCors(on: boolean): Promise<void> {
  await setSettings(suite.browser, { explainCors: on });
  await vi.waitFor(async () => expect(await corsListeners()).toEqual([on, on]), { timeout: 5000 });
}

describe('without "Name the reason of CORS refusals" (the default)', () => {
  it('the CORS listeners are not registered: a refused fetch gets the catch-all card; once turned on, the next one is named', async () => {
    await expect.poll(corsListeners).toEqual([false, false]);
    const { page, tabId, pageOrigin } = await crossOriginPage();
    const { name, query } = CORS_CASES.find((c) => c.name === 'cors-missing-allow-origin')!;
    expect(await fetchIn(page, corsUrl(name, `${query}&off`))).toBe('Failed to fetch');
    const before = await suite.browser.failures(tabId, 1);
    expect(before.map((f) => [f.stage, f.code])).toEqual([['browser', 'net::ERR_FAILED']]);
    expect(before[0]!.title).toBe('The browser stopped the request without naming a reason');
    expect(before[0]!.text).not.toContain(`Access-Control-Allow-Origin: ${pageOrigin}`);

    await explainCors(true);
    expect(await fetchIn(page, corsUrl(name, `${query}&on`))).toBe('Failed to fetch');
    const after = await suite.browser.failures(tabId, 2);
    expect(after.map((f) => [f.code, f.url]).sort()).toEqual([['CORS_MISSING_ALLOW_ORIGIN', corsUrl(name, `${query}&on`)], ['net::ERR_FAILED', corsUrl(name, `${query}&off`)]]);
    await page.close();
  });
});

describe('a refused cross-origin fetch names the CORS rule that failed', () => {
  beforeAll(() => explainCors(true));

  it.each(refused)('$name → $code', async ({ name, query, init, code }) => {
    const { page, tabId, pageOrigin } = await crossOriginPage();
    expect(await fetchIn(page, corsUrl(name, query), init)).toBe('Failed to fetch');
    const failures = await suite.browser.failures(tabId, 1);
    expect(failures.map((f) => [f.stage, f.code, f.url])).toEqual([['browser', code, corsUrl(name, query)]]);
    const [card] = failures;
    expect(card!.title).toMatch(/^The browser (withheld the answer|did not send the request): .*this page's/);
    expect(card!.text).toContain(`Access-Control-Allow-Origin: ${pageOrigin}`);
    expect(card!.text).toContain('Vary: Origin');
    expect(card!.text).not.toContain('without naming a reason');
    await page.close();
  });

  it('the card says what the answer allowed, the page origin, the preflight status and the refused header', async () => {
    const { page, tabId, pageOrigin } = await crossOriginPage();
    const byName = Object.fromEntries(CORS_CASES.map((c) => [c.name, c]));
    for (const name of ['cors-allow-origin-mismatch', 'cors-preflight-405', 'cors-header-not-allowed']) {
      const { query, init } = byName[name]!;
      await fetchIn(page, corsUrl(name, query), init);
    }
    const failures = await suite.browser.failures(tabId, 3);
    const text = (code: string) => failures.find((f) => f.code === code)?.text ?? '';
    expect(text('CORS_ALLOW_ORIGIN_MISMATCH')).toContain(`The server allowed only https://other.example; this page's origin is ${pageOrigin}.`);
    expect(text('CORS_PREFLIGHT_INVALID_STATUS')).toContain('The preflight (OPTIONS to the same address) was answered 405');
    expect(text('CORS_HEADER_DISALLOWED_BY_PREFLIGHT')).toContain('The request carries the header x-request-doctor, which the preflight did not allow');
    await page.close();
  });
});

describe('an error status hidden by CORS, and what CORS allowed', () => {
  beforeAll(() => explainCors(true));

  it('a 500 without CORS headers is listed as the 500, saying the page could not read it', async () => {
    const { page, tabId } = await crossOriginPage();
    const { name, query } = CORS_CASES.find((c) => c.name === 'cors-hidden-500')!;
    expect(await fetchIn(page, corsUrl(name, query))).toBe('Failed to fetch');
    const failures = await suite.browser.failures(tabId, 1);
    expect(failures.map((f) => [f.stage, f.code])).toEqual([['receive', '500']]);
    expect(failures[0]!.text).toContain('The page could not even read this error: the server sends no CORS headers');
    await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
    await page.close();
  });

  it('an allowed cross-origin GET and PUT show nothing; a refused one after them does', async () => {
    const { page, tabId } = await crossOriginPage();
    for (const name of ['cors-allowed-get', 'cors-allowed-put']) {
      const { query, init } = CORS_CASES.find((c) => c.name === name)!;
      expect(await fetchIn(page, corsUrl(name, query), init)).toBe(200);
    }
    const { name, query } = CORS_CASES.find((c) => c.name === 'cors-missing-allow-origin')!;
    await fetchIn(page, corsUrl(name, query));
    // The refused fetch came last: once it is listed, the allowed ones would have been too.
    const failures = await suite.browser.failures(tabId, 1);
    expect(failures.map((f) => f.code)).toEqual(['CORS_MISSING_ALLOW_ORIGIN']);
    expect(suite.site.seen.get('PUT /cors/cors-allowed-put')).toBe(1);
    await page.close();
  });
});
