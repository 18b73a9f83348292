// Header-derived advice and the copied report, end to end against real servers.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();
let serial = 0;

async function failAndReport(url: string, init: RequestInit = {}): Promise<{ text: string; report: Page; tabId: number; page: Page }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?advice${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(([u, i]) => fetch(u, { credentials: 'omit', ...i }).catch(() => {}), [url, init] as const);
  const { failures, page: report } = await suite.browser.report(tabId, 1);
  expect(failures).toHaveLength(1);
  return { text: failures[0]!.text, report, tabId, page };
}

describe('advice read from the response headers', () => {
  it('405 with Allow names the accepted methods and the one used', async () => {
    const { text, report, page } = await failAndReport(`${suite.site.origin}/status/405?h=Allow:GET, HEAD`, { method: 'DELETE' });
    expect(text).toContain('The server accepts only GET, HEAD at this address; this request used DELETE.');
    await Promise.all([report.close(), page.close()]);
  });

  it('401 with WWW-Authenticate Basic names the scheme and realm', async () => {
    const { text, report, page } = await failAndReport(`${suite.site.origin}/status/401?h=WWW-Authenticate:Basic realm="Staff area"`);
    expect(text).toContain('The server asks for Basic sign-in for "Staff area".');
    await Promise.all([report.close(), page.close()]);
  });

  it('429 with Retry-After says how long to wait and until when', async () => {
    const { text, report, page } = await failAndReport(`${suite.site.origin}/status/429?h=Retry-After:120`);
    expect(text).toMatch(/try again in 2 minutes \(at \d\d?:\d\d( [AP]M)?\)/);
    await Promise.all([report.close(), page.close()]);
  });

  it('502 from nginx is explained as the proxy failing to reach the server behind it', async () => {
    const { text, report, page } = await failAndReport(`${suite.site.nginxOrigin}/bad-gateway`);
    expect(text).toMatch(/The error came from a proxy \(nginx( \(nginx\/[\d.]+\))?\): it could not get an answer from the server behind it/);
    expect(text).toContain('Check the origin server behind the proxy');
    await Promise.all([report.close(), page.close()]);
  });
});

/** Read the system clipboard from a web page (extension origins cannot be granted clipboard-read). */
async function clipboardText(): Promise<string> {
  await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.site.origin });
  const reader = await suite.browser.context.newPage();
  await reader.goto(`${suite.site.origin}/pages/blank?clipboard${++serial}`);
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

describe('copy report', () => {
  it('puts a Markdown summary of the failure on the clipboard', async () => {
    const url = `${suite.site.origin}/status/503?h=Retry-After:60&h=X-Request-Id:req-123`;
    const { report, page } = await failAndReport(url, { method: 'POST' });
    await report.bringToFront();
    await report.click('[data-failure] button[data-action="copy"]');
    await report.waitForSelector('[data-failure] button[data-action="copy"]:text("Copied")');
    const copied = await clipboardText();
    expect(copied).toContain('### Failed request: 503 at "Receive response"');
    expect(copied).toContain(`POST \`${url}\` (xmlhttprequest)`);
    expect(copied).toMatch(new RegExp(`\\*\\*Page:\\*\\* \`${suite.site.origin}/pages/blank\\?advice\\d+\``));
    expect(copied).toContain('`x-request-id: req-123`');
    expect(copied).toContain('**Server IP:** `127.0.0.1`');
    expect(copied).toMatch(/_Chrom(e|ium) \d+ · Request Doctor \d+\.\d+\.\d+_/);
    await Promise.all([report.close(), page.close()]);
  });

  it('strips query strings when the setting is on', async () => {
    const { report, page } = await failAndReport(`${suite.site.origin}/status/500?secret=token`);
    await report.evaluate(() => chrome.storage.sync.set({ stripQueryInReports: true }));
    await report.bringToFront();
    await report.click('[data-failure] button[data-action="copy"]');
    await report.waitForSelector('[data-failure] button[data-action="copy"]:text("Copied")');
    const copied = await clipboardText();
    expect(copied).toContain(`GET \`${suite.site.origin}/status/500\``);
    expect(copied).not.toContain('secret=token');
    await report.evaluate(() => chrome.storage.sync.set({ stripQueryInReports: false }));
    await Promise.all([report.close(), page.close()]);
  });
});
