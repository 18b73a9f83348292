// Ignore rules end to end in real Chromium: chosen from a card, applied to the list, the badge and the
// notice, kept across a worker stop, and removed again in the settings page.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { fetchIn, resetSettings, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
let serial = 0;

const otherHost = (): string => suite.site.origin.replace('127.0.0.1', 'localhost');

async function activePage(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?ignore${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  return { page, tabId };
}

/** Opens the report of a tab, opens Ignore… on the failure with this code, and picks a scope. */
async function ignoreFromCard(tabId: number, code: string, scope: string): Promise<Page> {
  const { page: report } = await suite.browser.report(tabId, 1);
  const card = report.locator(`[data-failure][data-code="${code}"]`).first();
  await card.locator('button[data-action="ignore"]').click();
  expect(await card.locator('button[data-ignore-scope]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-ignore-scope'))))
    .toEqual(['request', 'host-code', 'host', 'code']);
  await card.locator(`button[data-ignore-scope="${scope}"]`).click();
  // Out of the list at once, counted as ignored, with Undo.
  await report.waitForSelector(`[data-ignored-count="1"]`);
  expect(await report.locator(`[data-failure][data-code="${code}"]`).count()).toBe(0);
  expect(await report.locator('button[data-action="undo-ignore"]').count()).toBe(1);
  return report;
}

/** The page again, failing with the ignored failure and two others: same code on another host, another code on the same host. */
async function failAgain(page: Page, tabId: number, ignoredUrl: string): Promise<void> {
  await page.reload();
  await page.bringToFront();
  await fetchIn(page, ignoredUrl);
  await fetchIn(page, `${otherHost()}/status/404?other-host`);
  await fetchIn(page, `${suite.site.origin}/status/500?other-code`);
  // Positive signal: all three recorded (the ignored one among them, in the stored log).
  await expect.poll(() => storedCodes(tabId)).toEqual(['404', '404', '500']);
}

async function storedCodes(tabId: number): Promise<string[]> {
  const helper = await suite.browser.context.newPage();
  await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
  const codes = await helper.evaluate((key) => chrome.storage.session.get(key).then((items) =>
    items[key] ? (JSON.parse(items[key] as string).failures as { code: string }[]).map((f) => f.code).sort() : []), `tab:${tabId}`);
  await helper.close();
  return codes;
}

/** The ignored failure is not listed, not counted, not notified; the other two are. */
async function expectIgnored(page: Page, tabId: number, ignoredUrl: string): Promise<void> {
  const frame = await waitForNotice(suite.browser, page, /2 requests failed/);
  const lines = await frame.locator('li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-code')} ${li.getAttribute('data-host')}`));
  expect(lines.sort()).toEqual(['404 localhost', '500 127.0.0.1']);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('2');
  const { failures, page: report } = await suite.browser.report(tabId, 2);
  expect(failures.map((f) => f.url).sort()).toEqual([`${otherHost()}/status/404?other-host`, `${suite.site.origin}/status/500?other-code`].sort());
  expect(await report.getAttribute('[data-ignored-count]', 'data-ignored-count')).toBe('1');
  // A way to see them: the ignored failure behind Show, with the rule that silences it.
  await report.click('button[data-action="show-ignored"]');
  expect(await report.locator('[data-ignored-failure]').getAttribute('data-url')).toBe(ignoredUrl);
  await report.close();
}

afterEach(() => resetSettings(suite.browser));

describe('ignore from a card', () => {
  it('the History keeps an ignored failure, hidden behind its switch and marked when shown', async () => {
    const { page, tabId } = await activePage();
    const ignoredUrl = `${suite.site.origin}/status/404?history-ignored`;
    const keptUrl = `${suite.site.origin}/status/500?history-kept`;
    await fetchIn(page, ignoredUrl);
    await fetchIn(page, keptUrl);
    await expect.poll(() => storedCodes(tabId)).toEqual(['404', '500']);
    const report = await ignoreFromCard(tabId, '404', 'request');
    await report.close();
    const view = await suite.browser.context.newPage();
    await view.goto(`${suite.browser.reportUrl}?view=history&tab=${tabId}`);
    // Positive signal first: the view's modules have applied the rules (the switch counts one) and list the
    // kept failure; then the ignored one is not listed.
    await view.locator('label.show-ignored[data-ignored-count="1"]').waitFor();
    await view.locator(`[data-failure][data-url="${keptUrl}"]`).waitFor();
    expect(await view.locator(`[data-failure][data-url="${ignoredUrl}"]`).count()).toBe(0);
    await view.check('#show-ignored');
    const shown = view.locator(`[data-failure][data-url="${ignoredUrl}"]`);
    await shown.waitFor();
    expect(await shown.getAttribute('data-ignored')).toBe('');
    expect(await shown.locator('.ignored-mark').textContent()).toContain('ignored by the rule');
    await Promise.all([view.close(), page.close()]);
  });


  it('"this code on this host": gone on reload, other host and other code still there, kept over a worker stop, back once removed in settings', async () => {
    const { page, tabId } = await activePage();
    const ignoredUrl = `${suite.site.origin}/status/404?ignored`;
    await fetchIn(page, ignoredUrl);
    const report = await ignoreFromCard(tabId, '404', 'host-code');
    await report.close();

    await failAgain(page, tabId, ignoredUrl);
    await expectIgnored(page, tabId, ignoredUrl);

    // The rule lives in storage.sync: a woken worker applies it to the failure that wakes it.
    await suite.browser.stopWorker();
    await page.bringToFront();
    await failAgain(page, tabId, ignoredUrl);
    await expectIgnored(page, tabId, ignoredUrl);

    // Removed in the settings page: the failure is back on the next load.
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
    const rule = options.locator('[data-rule]');
    expect(await rule.textContent()).toContain('404 from 127.0.0.1');
    await rule.locator('button[data-action="remove-rule"]').click();
    await options.waitForSelector('[data-rule]', { state: 'detached' });
    await options.close();
    await page.bringToFront();
    await failAgain(page, tabId, ignoredUrl);
    await waitForNotice(suite.browser, page, /3 requests failed/);
    await expect.poll(() => suite.browser.badge(tabId)).toBe('3');
    expect(await suite.browser.failures(tabId, 3)).toHaveLength(3);
    await page.close();
  });

  it.each([
    // scope, the failure ignored, a failure that stays (what the scope must not cover)
    ['request', '/status/404?exact', '/status/404?not-exact'],
    ['host', '/status/404?host', 'OTHER/status/404?host-stays'],
    ['code', '/status/410?code', '/status/404?code-stays'],
  ])('"%s": the ignored failure leaves list, badge and notice on reload; the other stays', async (scope, ignoredPath, keptPath) => {
    const { page, tabId } = await activePage();
    const url = (path: string) => (path.startsWith('OTHER') ? `${otherHost()}${path.slice(5)}` : `${suite.site.origin}${path}`);
    await fetchIn(page, url(ignoredPath));
    const code = ignoredPath.slice(8, 11);
    (await ignoreFromCard(tabId, code, scope)).close();
    await page.reload();
    await page.bringToFront();
    await fetchIn(page, url(ignoredPath));
    await fetchIn(page, url(keptPath));
    await expect.poll(() => storedCodes(tabId)).toHaveLength(2);
    const frame = await waitForNotice(suite.browser, page, /1 request failed/);
    expect(await frame.locator('li').getAttribute('data-code')).toBe(keptPath.slice(keptPath.indexOf('/status/') + 8, keptPath.indexOf('/status/') + 11));
    await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.url)).toEqual([url(keptPath)]);
    await page.close();
  });

  it('Undo brings the failure back at once', async () => {
    const { page, tabId } = await activePage();
    await fetchIn(page, `${suite.site.origin}/status/404?undo`);
    const report = await ignoreFromCard(tabId, '404', 'code');
    await report.click('button[data-action="undo-ignore"]');
    await report.waitForSelector('[data-failure][data-code="404"]');
    expect(await report.locator('[data-ignored-count]').count()).toBe(0);
    await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
    await report.close();
    await page.close();
  });
});
