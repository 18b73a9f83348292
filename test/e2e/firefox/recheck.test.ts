// Real Firefox ESR: Recheck verdicts from its event page, its own requests recorded nowhere, and a
// watch that notifies once the request works again (optional permissions granted without a prompt,
// as Firefox's own pref allows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSite } from '../../servers/site.mjs';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';

let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof startSite>>;
let serial = 0;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  // recheck.test: a host name that is not loopback (Firefox upgrades any other), answered by the test server.
  firefox = await FirefoxBrowser.launch({ prefs: { 'extensions.webextOptionalPermissionPrompts': false, 'network.dns.localDomains': 'recheck.test' } });
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function failIn(url: string, method = 'GET', origin = site.origin): Promise<{ page: Page; tabId: number }> {
  const page = await firefox.newPage();
  await page.goto(`${origin}/pages/blank?ff-recheck-${++serial}`);
  const tabId = await firefox.tabIdOf(page);
  await page.evaluate(([u, m]) => fetch(u, { method: m }).then((r) => r.status, (e: Error) => e.message), [url, method] as const);
  return { page, tabId };
}

/** The report of a tab, once the failure of `url` is on it. */
async function reportWith(tabId: number, url: string): Promise<Page> {
  const report = await firefox.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await report.waitForSelector(`[data-failure][data-url="${url}"]`, { timeout: 15_000 });
  return report;
}

async function recheck(tabId: number, url: string): Promise<{ report: Page; verdict: string; text: string }> {
  const report = await reportWith(tabId, url);
  await report.click(`[data-failure][data-url="${url}"] button[data-action="recheck"]`);
  const done = await report.waitForSelector(`[data-failure][data-url="${url}"][data-recheck]`, { timeout: 45_000 });
  const [verdict, text] = await done!.evaluate((el) => [el.getAttribute('data-recheck') ?? '', el.textContent ?? '']);
  return { report, verdict: verdict!, text: text! };
}

describe('Firefox: recheck', () => {
  it('a 503 that still fails → failing, and its own requests are not recorded', async () => {
    const url = `${site.origin}/flaky/ff-still?fail=99&code=503`;
    const { page, tabId } = await failIn(url);
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('failing');
    expect(text).toMatch(/Still failing, the same way/);
    expect(site.seen.get('GET /flaky/ff-still')).toBe(3);
    expect((await firefox.failures(tabId, 1)).map((f) => [f.url, f.count])).toEqual([[url, 1]]);
    expect((await firefox.failures(-1)).filter((f) => f.url.includes('/flaky/ff-still'))).toEqual([]);
    await report.close();
    await page.close();
  });

  it('a DNS failure → failing at dns, with Firefox’s own error seen by webRequest', async () => {
    const url = 'http://nonexistent.invalid/ff-recheck.gif';
    const { page, tabId } = await failIn(url);
    const { report, verdict } = await recheck(tabId, url);
    expect(verdict).toBe('failing');
    const own = await report.$eval(`[data-failure][data-url="${url}"] .recheck-failure`, (el) => [el.getAttribute('data-recheck-stage'), el.getAttribute('data-recheck-code')]);
    expect(own).toEqual(['dns', 'NS_ERROR_UNKNOWN_HOST']);
    expect((await firefox.failures(-1)).filter((f) => f.url === url)).toEqual([]);
    await report.close();
    await page.close();
  });

  it('a 503 that has recovered → ok', async () => {
    const url = `${site.origin}/flaky/ff-back?fail=1&code=503`;
    const { page, tabId } = await failIn(url);
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('ok');
    expect(text).toMatch(/Works now\. It failed \d+ s ago/);
    await report.close();
    await page.close();
  });

  it('a POST 409 → skipped, and the server sees no second POST', async () => {
    const url = `${site.origin}/status/409?ff-post`;
    const { page, tabId } = await failIn(url, 'POST');
    const report = await reportWith(tabId, url);
    const card = await report.waitForSelector(`[data-failure][data-url="${url}"][data-recheck="skipped"]`);
    const [disabled, text] = await card!.evaluate((el) => [el.querySelector<HTMLButtonElement>('button[data-action="recheck"]')!.disabled, el.textContent]);
    expect(disabled).toBe(true);
    expect(text).toMatch(/repeat its effect/);
    const answer = await report.evaluate((ref) => browser.runtime.sendMessage({ type: 'recheck', ...ref }), { tabId, method: 'POST', code: '409', url });
    expect(answer).toMatchObject({ verdict: 'skipped' });
    expect(site.seen.get('POST /status/409')).toBe(1);
    await report.close();
    await page.close();
  });
});

describe('Firefox: what a recheck never does', () => {
  it('upgrade an http:// address to https (the extension pages’ CSP has no upgrade-insecure-requests)', async () => {
    const origin = site.origin.replace('127.0.0.1', 'recheck.test');
    const url = `${origin}/flaky/ff-plain-http?fail=1&code=503`;
    const { page, tabId } = await failIn(url, 'GET', origin);
    const { report, verdict, text } = await recheck(tabId, url);
    // Upgraded, the recheck would speak TLS to this plain-http server and fail.
    expect(verdict).toBe('ok');
    expect(text).toMatch(/Works now/);
    expect(site.seen.get('GET /flaky/ff-plain-http')).toBe(2);
    await report.close();
    await page.close();
  });

  it('follow a redirect to another site: it says where it pointed, and the other site receives nothing', async () => {
    const other = site.origin.replace('127.0.0.1', 'localhost');
    const url = `${site.origin}/then-redirect/ff-away?to=${encodeURIComponent(`${other}/landing/ff-away`)}`;
    const { page, tabId } = await failIn(url);
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('redirected');
    expect(text).toMatch(/Now redirects to localhost\. Not followed/);
    expect(site.seen.get('GET /then-redirect/ff-away')).toBe(2);
    expect(site.seen.get('GET /landing/ff-away')).toBeUndefined();
    await report.close();
    await page.close();
  });
});

describe('Firefox: watch', () => {
  it('notifies once the request works again (the permission asked for at the first watch)', async () => {
    const url = `${site.origin}/flaky/ff-watch?fail=2&code=503`;
    const { page, tabId } = await failIn(url);
    const report = await reportWith(tabId, url);
    await report.click(`[data-failure][data-url="${url}"] button[data-action="watch"]`);
    await report.waitForSelector(`[data-failure][data-url="${url}"][data-watch="watching"]`);
    const control = await firefox.control();
    expect(await control.evaluate(() => browser.permissions.contains({ permissions: ['notifications'] }))).toBe(true);
    const watchId = await control.evaluate(async () => ((await browser.storage.local.get('watches')).watches as { id: string }[])[0]!.id);
    // Headless Firefox has nowhere to show a notification and closes it at once; onClosed still
    // tells that it was created.
    await control.evaluate(() => {
      const seen: string[] = ((window as unknown as { notified: string[] }).notified = []);
      browser.notifications.onClosed.addListener((id) => seen.push(id));
    });
    // Fire its alarm now (the browser's own API, same name) rather than wait 30 s, then 1 min.
    for (const attempts of [1, 2]) {
      await control.evaluate((name) => browser.alarms.create(name, { when: Date.now() }), `watch:${watchId}`);
      for (let i = 0; i < 150; i++) {
        const done = await control.evaluate(async () => ((await browser.storage.local.get('watches')).watches as { attempts: number }[])[0]!.attempts);
        if (done >= attempts) break;
        await sleep(200);
      }
    }
    await report.waitForSelector(`[data-failure][data-url="${url}"][data-watch="recovered"]`, { timeout: 15_000 });
    const id = `request-doctor-watch-${watchId}`;
    await expect.poll(() => control.evaluate(async () => [
      ...Object.keys(await browser.notifications.getAll()), ...(window as unknown as { notified: string[] }).notified,
    ])).toContain(id);
    await report.close();
    await page.close();
  });
});
