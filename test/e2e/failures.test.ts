// Every failure kind, produced by real servers, must appear in the report with the right stage and code.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FailureView } from '../support/extension-browser.mjs';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();
/** Longer than the background's storage write batching (1 s), so a wrongly recorded failure would show. */
const WRITE_BATCH_WAIT_MS = 1500;
let pageSerial = 0;

/** Open a fresh page on the site and run `action` in it; returns the page and its tab id. */
async function pageWith(action: (page: Page) => Promise<unknown>): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?${++pageSerial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await action(page);
  return { page, tabId };
}

const fetchIn = (page: Page, url: string, init: RequestInit = {}) =>
  page.evaluate(
    ([u, i]) => fetch(u, { credentials: 'omit', ...i }).then((r) => r.status, (e: Error) => e.message),
    [url, init] as const,
  );

async function expectFailure(tabId: number, expected: Partial<FailureView>): Promise<FailureView> {
  const failures = await suite.browser.failures(tabId, 1);
  const match = failures.find((f) => Object.entries(expected).every(([k, v]) => f[k as keyof FailureView] === v));
  expect(match, `expected ${JSON.stringify(expected)} in ${JSON.stringify(failures.map(({ text: _t, ...f }) => f))}`).toBeDefined();
  return match!;
}

describe('HTTP error statuses are placed at receive', () => {
  it('404 sub-resource image', async () => {
    const { page, tabId } = await pageWith((p) =>
      p.evaluate((src) => new Promise((done) => { const img = new Image(); img.onerror = done; img.onload = done; img.src = src; }), `${suite.site.origin}/img/404.gif`));
    const failure = await expectFailure(tabId, { stage: 'receive', code: '404', url: `${suite.site.origin}/img/404.gif`, count: 1 });
    expect(failure.text).toMatch(/Receive response/);
    await page.close();
  });

  it('409 from a fetch POST', async () => {
    const { page, tabId } = await pageWith((p) => fetchIn(p, `${suite.site.origin}/status/409`, { method: 'POST', body: '{}' }));
    const failure = await expectFailure(tabId, { stage: 'receive', code: '409', url: `${suite.site.origin}/status/409` });
    expect(failure.text).toContain('POST');
    await page.close();
  });

  it('500 from XMLHttpRequest', async () => {
    const { page, tabId } = await pageWith((p) =>
      p.evaluate((url) => new Promise((done) => { const x = new XMLHttpRequest(); x.onloadend = done; x.open('GET', url); x.send(); }), `${suite.site.origin}/status/500`));
    const failure = await expectFailure(tabId, { stage: 'receive', code: '500' });
    expect(failure.text).toContain('xmlhttprequest');
    await page.close();
  });

  it('503 with Retry-After shows the header', async () => {
    const url = `${suite.site.nginxOrigin}/maintenance`;
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    const failure = await expectFailure(tabId, { stage: 'receive', code: '503', url });
    expect(failure.text).toMatch(/retry-after\s*120/i);
    await page.close();
  });

  it('502 from nginx proxying to a dead upstream', async () => {
    const url = `${suite.site.nginxOrigin}/bad-gateway`;
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    const failure = await expectFailure(tabId, { stage: 'receive', code: '502', url });
    expect(failure.text).toMatch(/server\s*nginx/i);
    await page.close();
  });
});

describe('network failures are placed on their stage', () => {
  it('DNS failure', async () => {
    const url = 'http://nonexistent.invalid/pixel.gif';
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    await expectFailure(tabId, { stage: 'dns', code: 'net::ERR_NAME_NOT_RESOLVED', url });
    await page.close();
  });

  it('connection refused on a closed port', async () => {
    const url = `${suite.site.refusedOrigin}/pixel.gif`;
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    await expectFailure(tabId, { stage: 'connect', code: 'net::ERR_CONNECTION_REFUSED', url });
    await page.close();
  });

  it('self-signed certificate', async () => {
    const url = `${suite.site.httpsOrigin}/ok/pixel.gif`;
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    await expectFailure(tabId, { stage: 'tls', code: 'net::ERR_CERT_AUTHORITY_INVALID', url });
    await page.close();
  });

  it('connection reset', async () => {
    const url = `${suite.site.origin}/reset`;
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    await expectFailure(tabId, { stage: 'wait', code: 'net::ERR_CONNECTION_RESET', url });
    await page.close();
  });

  it('empty response from nginx return 444', async () => {
    const url = `${suite.site.nginxOrigin}/no-response`;
    const { page, tabId } = await pageWith((p) => fetchIn(p, url));
    await expectFailure(tabId, { stage: 'wait', code: 'net::ERR_EMPTY_RESPONSE', url });
    await page.close();
  });

  it('redirect loop from fetch', async () => {
    const { page, tabId } = await pageWith((p) => fetchIn(p, `${suite.site.origin}/loop`));
    await expectFailure(tabId, { stage: 'receive', code: 'net::ERR_TOO_MANY_REDIRECTS' });
    await page.close();
  });

  it('redirect loop of the page itself is named precisely, not as an abort', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?${++pageSerial}`);
    const tabId = await suite.browser.tabIdOf(page);
    await page.goto(`${suite.site.origin}/loop`).catch(() => {});
    const failure = await expectFailure(tabId, { stage: 'receive', code: 'net::ERR_TOO_MANY_REDIRECTS' });
    expect(failure.text).toMatch(/Redirects/);
    await page.close();
  });

  it('timeout (injected: Chromium never times out against a local server by itself)', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?${++pageSerial}`);
    const tabId = await suite.browser.tabIdOf(page);
    await page.route('**/hang', (route) => route.abort('timedout'));
    await fetchIn(page, `${suite.site.origin}/hang`);
    await expectFailure(tabId, { stage: 'wait', code: 'net::ERR_TIMED_OUT' });
    await page.close();
  });
});

describe('the page itself', () => {
  it('a main-frame DNS failure stays listed while its error page is shown', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?${++pageSerial}`);
    const tabId = await suite.browser.tabIdOf(page);
    await page.goto('http://nonexistent.invalid/').catch(() => {});
    await page.waitForTimeout(1500); // past Chromium's first auto-reload of the error page
    const failures = await suite.browser.failures(tabId, 1);
    expect(failures.map((f) => [f.stage, f.code, f.count])).toEqual([['dns', 'net::ERR_NAME_NOT_RESOLVED', 1]]);
    await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
    await page.close();
  });

  it('navigating to a new page clears the old failures', async () => {
    const { page, tabId } = await pageWith((p) => fetchIn(p, `${suite.site.origin}/status/500`));
    await expectFailure(tabId, { code: '500' });
    await page.goto(`${suite.site.origin}/pages/blank?next`);
    await expect.poll(() => suite.browser.failures(tabId), { timeout: 5000 }).toEqual([]);
    await expect.poll(() => suite.browser.badge(tabId), { timeout: 5000 }).toBe('');
    await page.close();
  });
});

describe('requests without a tab', () => {
  it('are kept in their own bucket, reachable from the full-page report', async () => {
    // A fetch from the site's own service worker belongs to no tab (tabId -1). (The extension's own
    // requests do not count: they are never failures.)
    const { page, tabId } = await pageWith((p) => p.evaluate((url) =>
      navigator.serviceWorker.register(`/tabless-sw.js?url=${encodeURIComponent(url)}`).then(() => navigator.serviceWorker.ready), `${suite.site.origin}/status/503?tabless`));
    const report = await suite.browser.context.newPage();
    await report.goto(`${suite.browser.reportUrl}?tab=${tabId}`);
    await report.click('#no-tab');
    await report.waitForURL(/\?tab=-1$/);
    await report.waitForSelector('[data-failure][data-code="503"]');
    expect(await report.locator('[data-failure][data-code="503"]').first().getAttribute('data-url')).toBe(`${suite.site.origin}/status/503?tabless`);
    await Promise.all([report.close(), page.close()]);
  });
});

describe('what is not a failure', () => {
  it('a page whose 50 requests all succeed shows nothing and no badge', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/clean?n=50`);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
    const tabId = await suite.browser.tabIdOf(page);
    await page.waitForTimeout(WRITE_BATCH_WAIT_MS);
    const { failures, page: report } = await suite.browser.report(tabId);
    expect(failures).toEqual([]);
    expect(await report.locator('[data-empty]').count()).toBe(1);
    await report.close();
    expect(await suite.browser.badge(tabId)).toBe('');
    await page.close();
  });

  it('an aborted fetch shows nothing', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/abort`);
    await page.waitForFunction(() => document.title === 'aborted');
    const tabId = await suite.browser.tabIdOf(page);
    await page.waitForTimeout(WRITE_BATCH_WAIT_MS);
    expect(await suite.browser.failures(tabId)).toEqual([]);
    expect(await suite.browser.badge(tabId)).toBe('');
    await page.close();
  });
});
