// Who may ask the background for what, in real Chromium: a content-script context (the extension's isolated
// world in a web page, which is what a compromised renderer controls) is refused; extension pages and the
// notification frame are answered. Each refusal is checked after the same message has worked from its sender.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { fetchIn, inContentScript, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
let serial = 0;

type Outcome = { answer: unknown } | { error: string };

/** An extension page to send from (and to inject from): the report page of no tab. */
async function extensionPage(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.browser.reportUrl}?tab=-2`);
  return page;
}

async function failingPage(path: string): Promise<{ page: Page; tabId: number; url: string }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?messages${++serial}`);
  await page.bringToFront();
  const url = `${suite.site.origin}${path}`;
  await fetchIn(page, url);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  return { page, tabId, url };
}

const fromExtensionPage = (ext: Page, message: object): Promise<Outcome> =>
  ext.evaluate((m) => chrome.runtime.sendMessage(m).then((answer: unknown) => ({ answer: answer ?? null }), (error: Error) => ({ error: String(error) })), message);

/** Sends a message from the extension's isolated world in the tab's top frame: a content script's context. */
const fromContentScript = (ext: Page, tabId: number, message: object): Promise<Outcome> =>
  inContentScript(ext, tabId, (m: object) => chrome.runtime.sendMessage(m).then((answer: unknown) => ({ answer: answer ?? null }), (error: Error) => ({ error: String(error) })), message);

/** The background never answers a message it does not take; Chromium then resolves the sender's promise empty. */
const REFUSED = { answer: null };

describe('messages from a content-script context are refused', () => {
  it('Recheck: an extension page rechecks; the same message from the page\'s content-script context sends nothing', async () => {
    const ext = await extensionPage();
    const { page, tabId, url } = await failingPage('/status/507?recheck-from-content');
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['507']);
    const sent = (): number => suite.site.seen.get('GET /status/507') ?? 0;
    const message = { type: 'recheck', tabId, method: 'GET', code: '507', url };
    expect(sent()).toBe(1);
    // Positive: from an extension page the request is sent again (maybe also without cookies) and judged.
    expect(await fromExtensionPage(ext, message)).toMatchObject({ answer: { verdict: 'failing' } });
    const perRecheck = sent() - 1;
    expect(perRecheck).toBeGreaterThan(0);
    // The content script's is refused outright (a recheck answers only once its requests are back).
    expect(await fromContentScript(ext, tabId, message)).toEqual(REFUSED);
    // And sent nothing: the next recheck from the extension page adds its own requests, and no more.
    expect(await fromExtensionPage(ext, message)).toMatchObject({ answer: { verdict: 'failing' } });
    expect(sent()).toBe(1 + 2 * perRecheck);
    await Promise.all([ext.close(), page.close()]);
  });

  it("ClearTab of another tab: refused from a content script, done from an extension page", async () => {
    const ext = await extensionPage();
    const victim = await failingPage('/status/500?clear-victim');
    const attacker = await failingPage('/status/404?clear-attacker');
    expect(await suite.browser.failures(victim.tabId, 1)).toHaveLength(1);
    expect(await fromContentScript(ext, attacker.tabId, { type: 'clear-tab', tabId: victim.tabId })).toEqual(REFUSED);
    expect(await suite.browser.failures(victim.tabId, 1)).toHaveLength(1);
    // Positive: the same message from an extension page clears it.
    expect(await fromExtensionPage(ext, { type: 'clear-tab', tabId: victim.tabId })).toEqual({ answer: null });
    expect(await suite.browser.failures(victim.tabId)).toEqual([]);
    await Promise.all([ext.close(), victim.page.close(), attacker.page.close()]);
  });

  it("the notification's own messages: answered for the notification frame, refused for the page's content script", async () => {
    const ext = await extensionPage();
    const { page, tabId } = await failingPage('/status/503?notice-messages');
    const frame = await waitForNotice(suite.browser, page, /503/);
    // GetNotice: the frame gets its tab's notification; the content script gets nothing.
    const fromFrame = (message: object): Promise<Outcome> =>
      frame.evaluate((m) => chrome.runtime.sendMessage(m).then((answer: unknown) => ({ answer: answer ?? null }), (error: Error) => ({ error: String(error) })), message);
    expect(await fromFrame({ type: 'get-notice' })).toMatchObject({ answer: { tabId, total: 1, lines: [{ code: '503' }] } });
    expect(await fromContentScript(ext, tabId, { type: 'get-notice' })).toEqual(REFUSED);

    // OpenReport: refused for the content script (no tab opens: the refusal is the answer, and it came)...
    const pages = suite.browser.context.pages().length;
    expect(await fromContentScript(ext, tabId, { type: 'open-report' })).toEqual(REFUSED);
    // ...and for the frame naming another tab (it only ever speaks for its own).
    expect(await fromFrame({ type: 'open-report', tabId: tabId + 1 })).toEqual(REFUSED);
    expect(suite.browser.context.pages()).toHaveLength(pages);
    // Positive: the frame's own OpenReport opens the report of its tab.
    const [report] = await Promise.all([suite.browser.context.waitForEvent('page'), fromFrame({ type: 'open-report' })]);
    await expect.poll(() => report.url()).toBe(`${suite.browser.reportUrl}?tab=${tabId}`);
    expect(suite.browser.context.pages()).toHaveLength(pages + 1);
    await Promise.all([report.close(), ext.close(), page.close()]);
  });
});
