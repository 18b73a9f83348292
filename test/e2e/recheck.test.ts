// Recheck, end to end in real Chromium against real servers: the extension repeats the failed request
// itself, judges what it sees, and its own requests are recorded nowhere.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { ExtensionBrowser } from '../support/extension-browser.mjs';

const suite = chromiumSuite({ nginx: false });
let serial = 0;

/** A fresh page that makes one failing request; returns it and its tab id. */
async function failIn(url: string, init: { method?: string; cookie?: string } = {}): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?recheck-${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  if (init.cookie) {
    const cookie = init.cookie;
    await page.evaluate((c) => void (document.cookie = c), cookie);
    // document.cookie reaches the browser's cookie store a moment later: a fetch sent at once could go
    // without it (the 400 then never came, once in CI).
    await expect.poll(async () => (await suite.browser.context.cookies(suite.site.origin)).some((c) => c.name === cookie.split('=')[0])).toBe(true);
  }
  await page.evaluate(([u, method]) => fetch(u, { method }).then((r) => r.status, (e: Error) => e.message), [url, init.method ?? 'GET'] as const);
  return { page, tabId };
}

const card = (report: Page, url: string) => report.locator(`[data-failure][data-url="${url}"]`);

/** Open the tab's report, press Recheck on the failure of `url`, and wait for the verdict. */
async function recheck(tabId: number, url: string): Promise<{ report: Page; verdict: string; text: string }> {
  const { page: report } = await suite.browser.report(tabId, 1);
  await card(report, url).locator('button[data-action="recheck"]').click();
  const done = card(report, url).and(report.locator('[data-recheck]'));
  await done.waitFor({ timeout: 45_000 });
  return { report, verdict: (await done.getAttribute('data-recheck'))!, text: (await done.textContent())! };
}

const seen = (method: string, path: string): number => suite.site.seen.get(`${method} ${path}`) ?? 0;

describe('recheck verdicts', () => {
  it('a 503 that still fails → failing, with the stage strip of the new answer; its own requests are recorded nowhere', async () => {
    const url = `${suite.site.origin}/flaky/still?fail=99&code=503`;
    const { page, tabId } = await failIn(url);
    await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('failing');
    expect(text).toMatch(/Still failing, the same way/);
    const own = card(report, url).locator('.recheck-failure');
    expect(await own.getAttribute('data-recheck-code')).toBe('503');
    expect(await own.locator('[data-step="receive"].failed').count()).toBe(1);
    // Both tries reached the server: with cookies, then without.
    expect(seen('GET', '/flaky/still')).toBe(3);
    // The positive signal came first (verdict, both tries seen); only now check nothing else changed.
    expect(await card(report, url).getAttribute('data-count')).toBe('1');
    expect((await suite.browser.failures(tabId)).map((f) => f.url)).toEqual([url]);
    expect((await suite.browser.failures(-1)).filter((f) => f.url.includes('/flaky/still'))).toEqual([]);
    expect(await suite.browser.badge(tabId)).toBe('1');
    // The verdict is kept in storage.session: a reopened report shows it again.
    await report.close();
    const { page: again } = await suite.browser.report(tabId, 1);
    await card(again, url).and(again.locator('[data-recheck="failing"]')).waitFor();
    await again.close();
    await page.close();
  });

  it('a 503 that has recovered → ok, saying how long ago it failed', async () => {
    const url = `${suite.site.origin}/flaky/recovered?fail=1&code=503`;
    const { page, tabId } = await failIn(url);
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('ok');
    expect(text).toMatch(/Works now\. It failed \d+ s ago/);
    expect(seen('GET', '/flaky/recovered')).toBe(2);
    // Its result is stored for the tab until the tab goes to another page (README, Privacy): then it goes.
    const stored = () => report.evaluate(async (key) => (await chrome.storage.session.get(key))[key] !== undefined, `recheck:${tabId}`);
    await expect.poll(stored, { timeout: 15_000 }).toBe(true);
    await page.goto(`${suite.site.origin}/pages/blank?recheck-left`);
    await expect.poll(stored, { timeout: 15_000 }).toBe(false);
    await report.close();
    await page.close();
  });

  it('a 500 that now answers 409 → different, naming 409 and explaining it', async () => {
    const url = `${suite.site.origin}/changing/conflict?first=500&then=409`;
    const { page, tabId } = await failIn(url);
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('different');
    expect(text).toMatch(/Fails in another way now: 409/);
    expect(await card(report, url).locator('.recheck-failure').getAttribute('data-recheck-code')).toBe('409');
    expect(text).toMatch(/conflicts with the current version/);
    await report.close();
    await page.close();
  });

  it('a 400 caused by a cookie the page set → ok-without-cookies, naming the likely kind', async () => {
    const url = `${suite.site.origin}/cookie-400`;
    const { page, tabId } = await failIn(url, { cookie: `big=${'x'.repeat(200)}; path=/` });
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('ok-without-cookies');
    expect(text).toMatch(/works without them/);
    expect(text).toMatch(/request headers larger than the server accepts/);
    await report.close();
    await page.evaluate(() => (document.cookie = 'big=; max-age=0; path=/'));
    await page.close();
  });

  it('a POST 409 → skipped with the reason, and the server never sees a second POST', async () => {
    const url = `${suite.site.origin}/status/409?post`;
    const { page, tabId } = await failIn(url, { method: 'POST' });
    const { page: report } = await suite.browser.report(tabId, 1);
    const failure = card(report, url);
    await failure.and(report.locator('[data-recheck="skipped"]')).waitFor();
    expect(await failure.locator('button[data-action="recheck"]').isDisabled()).toBe(true);
    expect(await failure.textContent()).toMatch(/repeat its effect, such as a second order/);
    expect(await failure.locator('button[data-action="watch"]').count()).toBe(0);
    // Asking the background directly changes nothing either: it refuses on its own.
    const answer = await report.evaluate((ref) => chrome.runtime.sendMessage({ type: 'recheck', ...ref }), { tabId, method: 'POST', code: '409', url });
    expect(answer).toMatchObject({ verdict: 'skipped', reason: 'unsafe-method' });
    expect(seen('POST', '/status/409')).toBe(1);
    await report.close();
    await page.close();
  });

  it('a DNS failure that still fails → failing at the dns stage, with the real network error', async () => {
    const url = 'http://nonexistent.invalid/recheck.gif';
    const { page, tabId } = await failIn(url);
    const { report, verdict } = await recheck(tabId, url);
    expect(verdict).toBe('failing');
    const own = card(report, url).locator('.recheck-failure');
    expect(await own.getAttribute('data-recheck-stage')).toBe('dns');
    expect(await own.getAttribute('data-recheck-code')).toBe('net::ERR_NAME_NOT_RESOLVED');
    expect((await suite.browser.failures(-1)).filter((f) => f.url === url)).toEqual([]);
    expect((await suite.browser.failures(tabId)).map((f) => f.count)).toEqual([1]);
    await report.close();
    await page.close();
  });

  it('a server that no longer answers → failing at the wait stage after 15 s', async () => {
    const url = `${suite.site.origin}/then-hang/timeout`;
    const { page, tabId } = await failIn(url);
    const started = Date.now();
    const { report, verdict, text } = await recheck(tabId, url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15_000);
    expect(verdict).toBe('failing');
    expect(text).toMatch(/no answer within 15 s/);
    const own = card(report, url).locator('.recheck-failure');
    expect(await own.getAttribute('data-recheck-stage')).toBe('wait');
    expect(await own.getAttribute('data-recheck-code')).toBe('net::ERR_TIMED_OUT');
    // Cookies cannot make a server hang: no second try without them.
    expect(seen('GET', '/then-hang/timeout')).toBe(2);
    await report.close();
    await page.close();
  });
});

const otherSite = (): string => suite.site.origin.replace('127.0.0.1', 'localhost');

describe('what a recheck never does', () => {
  it('follow a redirect to another site: it says where it pointed, and the other site receives nothing', async () => {
    const url = `${suite.site.origin}/then-redirect/recheck-away?to=${encodeURIComponent(`${otherSite()}/landing/recheck-away`)}`;
    const { page, tabId } = await failIn(url);
    const { report, verdict, text } = await recheck(tabId, url);
    expect(verdict).toBe('redirected');
    expect(text).toMatch(/Now redirects to localhost\. Not followed/);
    // The positive signal: the recheck's one try reached the first site (a redirect is no failure: no try without cookies).
    expect(seen('GET', '/then-redirect/recheck-away')).toBe(2);
    expect(seen('GET', '/landing/recheck-away')).toBe(0);
    expect((await suite.browser.failures(tabId)).map((f) => f.url)).toEqual([url]);
    await report.close();
    await page.close();
  });

  it('…while a redirect within the site is followed, one hop at a time', async () => {
    const url = `${suite.site.origin}/then-redirect/recheck-here?to=/landing/recheck-here`;
    const { page, tabId } = await failIn(url);
    const { report, verdict } = await recheck(tabId, url);
    expect(verdict).toBe('ok');
    expect(seen('GET', '/landing/recheck-here')).toBe(1);
    await report.close();
    await page.close();
  });

  /** Asks the background for a recheck directly (as a page cannot press a disabled button) and returns its answer. */
  const askRecheck = (report: Page, ref: { tabId: number; method: string; code: string; url: string }) =>
    report.evaluate((message) => chrome.runtime.sendMessage({ type: 'recheck', ...message }), ref);

  it('repeat what the browser refused: JSON with nosniff as another site’s image (ORB)', async () => {
    const url = `${otherSite()}/nosniff-json/orb`;
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?orb`);
    const tabId = await suite.browser.tabIdOf(page);
    await page.evaluate((u) => new Promise((done) => Object.assign(new Image(), { onload: done, onerror: done, src: u })), url);
    const { page: report } = await suite.browser.report(tabId, 1);
    const failure = card(report, url);
    await failure.and(report.locator('[data-recheck="skipped"]')).waitFor();
    expect((await suite.browser.failures(tabId)).map((f) => f.code)).toEqual(['net::ERR_BLOCKED_BY_ORB']);
    expect(await failure.locator('button[data-action="recheck"]').isDisabled()).toBe(true);
    expect(await failure.textContent()).toMatch(/your browser refused this request itself/);
    expect(await askRecheck(report, { tabId, method: 'GET', code: 'net::ERR_BLOCKED_BY_ORB', url })).toMatchObject({ verdict: 'skipped', reason: 'refused' });
    // The answer came first; only the page's own request ever reached the server.
    expect(seen('GET', '/nosniff-json/orb')).toBe(1);
    await report.close();
    await page.close();
  });

  it('repeat what the browser refused: another site’s answer without Access-Control-Allow-Origin (CORS)', async () => {
    const url = `${otherSite()}/no-cors/refused`;
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?cors`);
    const tabId = await suite.browser.tabIdOf(page);
    expect(await page.evaluate((u) => fetch(u).then(() => 'read', () => 'refused'), url)).toBe('refused');
    const { page: report } = await suite.browser.report(tabId, 1);
    const failure = card(report, url);
    await failure.and(report.locator('[data-recheck="skipped"]')).waitFor();
    expect(await failure.textContent()).toMatch(/did not allow \(CORS\)/);
    expect(await askRecheck(report, { tabId, method: 'GET', code: 'net::ERR_FAILED', url })).toMatchObject({ verdict: 'skipped', reason: 'cors' });
    expect(seen('GET', '/no-cors/refused')).toBe(1);
    await report.close();
    await page.close();
  });

  it('send a third party’s cookies: rechecked without them (one try), where a first-party recheck has them', async () => {
    await suite.browser.context.addCookies([{ name: 'session', value: 'third-party', domain: 'localhost', path: '/' }]);
    const cookieSeen = (path: string): number => suite.site.seen.get(`cookie ${path}`) ?? 0;
    // First party (a localhost page): the echo works, the cookie goes.
    const first = `${otherSite()}/cookie-seen/first`;
    const home = await suite.browser.context.newPage();
    await home.goto(`${otherSite()}/pages/blank?first-party`);
    const homeTab = await suite.browser.tabIdOf(home);
    await home.evaluate((u) => fetch(u, { credentials: 'include' }).catch(() => {}), first);
    const before = cookieSeen('/cookie-seen/first');
    const firstResult = await recheck(homeTab, first);
    expect(firstResult.verdict).toBe('failing');
    expect(cookieSeen('/cookie-seen/first')).toBe(before + 1);
    await firstResult.report.close();
    await home.close();

    // Third party (the same request from a 127.0.0.1 page): no cookie, and it says so.
    const third = `${otherSite()}/cookie-seen/third`;
    const { page, tabId } = await failIn(third);
    const seenBefore = cookieSeen('/cookie-seen/third');
    const { report, verdict, text } = await recheck(tabId, third);
    expect(verdict).toBe('failing');
    expect(cookieSeen('/cookie-seen/third')).toBe(seenBefore);
    expect(seen('GET', '/cookie-seen/third')).toBe(2);
    expect(text).toMatch(/Rechecked without cookies: the request went to another site than the page's/);
    await report.close();
    await page.close();
    await suite.browser.context.clearCookies({ name: 'session' });
  });
});

describe('a page on a public name', () => {
  it('cannot aim a recheck at this computer: its request to 127.0.0.1 is not repeated', { timeout: 120_000 }, async () => {
    // Chromium resolves the public-looking name to the test server, so the page counts as public to the
    // extension (it judges by name), while its request goes to 127.0.0.1.
    const browser = await ExtensionBrowser.launch({ args: ['--host-resolver-rules=MAP nonexistent.invalid ~NOTFOUND, MAP public.example 127.0.0.1'] });
    try {
      const port = new URL(suite.site.origin).port;
      const url = `${suite.site.origin}/flaky/aimed-home?fail=99&code=503`;
      const page = await browser.context.newPage();
      await page.goto(`http://public.example:${port}/pages/blank?aimed`);
      const tabId = await browser.tabIdOf(page);
      expect(await page.evaluate((u) => fetch(u).then((r) => r.status), url)).toBe(503);
      const { page: report } = await browser.report(tabId, 1);
      const failure = report.locator(`[data-failure][data-url="${url}"]`);
      await failure.and(report.locator('[data-recheck="skipped"]')).waitFor();
      expect(await failure.textContent()).toMatch(/goes to this computer or to a private network, and the page was not on one/);
      expect(await failure.locator('button[data-action="watch"]').count()).toBe(0);
      const answer = await report.evaluate((ref) => chrome.runtime.sendMessage({ type: 'recheck', ...ref }), { tabId, method: 'GET', code: '503', url });
      expect(answer).toMatchObject({ verdict: 'skipped', reason: 'private-address' });
      const watch = await report.evaluate((ref) => chrome.runtime.sendMessage({ type: 'watch', ...ref }), { tabId, method: 'GET', code: '503', url });
      expect(watch).toEqual({ ok: false, reason: 'not-watchable' });
      expect(seen('GET', '/flaky/aimed-home')).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
