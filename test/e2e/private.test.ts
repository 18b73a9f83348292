// Private (incognito) windows in real Chromium, the extension allowed there as a person would allow it on
// chrome://extensions. With "keep across restarts" on, a private window's failure is in this session's
// History (marked) and never in storage.local, so after a browser restart on the same profile it is gone
// while a normal window's failure is back. Open in tab never opens a private page in a normal window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fetchIn, setSettings } from '../support/chromium-notice';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { startSite } from '../servers/site.mjs';

/** Generous: the machine may be busy, and storage writes land a moment after the event. */
const POLL = { timeout: 15_000 };

let site: Awaited<ReturnType<typeof startSite>>;
const profile = ExtensionBrowser.newProfile();
let browser: ExtensionBrowser;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  browser = await ExtensionBrowser.launch({ profile });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** "Allow in Incognito" on chrome://extensions: Chromium reloads the extension (an unpacked one only in developer mode). */
async function allowInPrivate(): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  const reloaded = browser.context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().includes(browser.extensionId) });
  await page.evaluate((id) => {
    const developer = (chrome as unknown as { developerPrivate: {
      updateProfileConfiguration(update: object): Promise<void>;
      updateExtensionConfiguration(update: object): Promise<void>;
    } }).developerPrivate;
    return developer.updateProfileConfiguration({ inDeveloperMode: true })
      .then(() => developer.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true }));
  }, browser.extensionId);
  await reloaded;
  await page.close();
}

/** An extension page, to use the extension's APIs as its own pages do. */
async function extensionPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${browser.reportUrl}?tab=-2`);
  return page;
}

/** A new private window on `url`, as the page Playwright sees in it. */
async function openPrivateWindow(url: string): Promise<Page> {
  const helper = await extensionPage();
  expect(await helper.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
  await helper.evaluate((u) => chrome.windows.create({ incognito: true, url: u }), url);
  await helper.close();
  await expect.poll(() => browser.context.pages().some((page) => page.url() === url), POLL).toBe(true);
  return browser.context.pages().find((page) => page.url() === url)!;
}

interface Card { url: string; private: boolean; openable: boolean }

async function historyCards(view: Page): Promise<Card[]> {
  await view.waitForSelector('main[aria-busy="false"]');
  return view.$$eval('[data-failure]', (cards) => cards.map((card) => ({
    url: card.getAttribute('data-url') ?? '', private: card.hasAttribute('data-private'),
    openable: card.querySelector('[data-action="open-tab"]') !== null,
  })));
}

/** The History, reloaded until `until` holds: the worker writes a moment after the event. */
async function history(until: (cards: Card[]) => boolean): Promise<{ view: Page; cards: Card[] }> {
  const view = await browser.context.newPage();
  const deadline = Date.now() + POLL.timeout;
  for (;;) {
    await view.goto(`${browser.reportUrl}?view=history`);
    const cards = await historyCards(view);
    if (until(cards) || Date.now() > deadline) return { view, cards };
    await view.waitForTimeout(300);
  }
}

const localStorageText = async (): Promise<string> => {
  const helper = await extensionPage();
  const text = await helper.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  await helper.close();
  return text;
};

/** Tabs of every window: URL and whether private. */
async function allTabs(): Promise<{ url: string; incognito: boolean }[]> {
  const helper = await extensionPage();
  const tabs = await helper.evaluate(async () => (await chrome.tabs.query({})).map((tab) => ({ url: tab.url ?? tab.pendingUrl ?? '', incognito: tab.incognito })));
  await helper.close();
  return tabs;
}

describe('a private window, with the history kept across restarts', () => {
  const privateUrl = () => `${site.origin}/status/503?private-secret`;
  const normalUrl = () => `${site.origin}/status/502?normal-kept`;
  const privatePage = () => `${site.origin}/pages/blank?private-page`;

  it('records its failure for this session (marked private) and writes none of it to storage.local', { timeout: 120_000 }, async () => {
    await allowInPrivate();
    await setSettings(browser, { historyDays: 7, noticeSeconds: 0 });
    const normal = await browser.context.newPage();
    await normal.goto(`${site.origin}/pages/blank?normal-page`);
    const secret = await openPrivateWindow(privatePage());
    expect(await fetchIn(secret, privateUrl())).toBe(503);
    expect(await fetchIn(normal, normalUrl())).toBe(502);

    // Both are in this session's History; the private one says so.
    const { view, cards } = await history((found) => found.filter((card) => [privateUrl(), normalUrl()].includes(card.url)).length === 2);
    expect(cards.find((card) => card.url === privateUrl())).toMatchObject({ private: true });
    expect(cards.find((card) => card.url === normalUrl())).toMatchObject({ private: false });
    expect(await view.locator(`[data-failure][data-url="${privateUrl()}"] .history-meta .private`).textContent()).toBe('Private window');
    await view.close();

    // storage.local: the normal failure arrives there (the positive signal), the private one never does.
    await expect.poll(async () => (await localStorageText()).includes('normal-kept'), POLL).toBe(true);
    const local = await localStorageText();
    expect(local).not.toContain('private-secret');
    expect(local).not.toContain('private-page');
    await normal.close();
  });

  it('Open in tab opens a private page only in a private window still open, never in a normal one', { timeout: 120_000 }, async () => {
    const secret = browser.context.pages().find((page) => page.url() === privatePage())!;
    // Its tab has moved on: the page opens again, in that private window.
    await secret.goto(`${site.origin}/pages/blank?private-elsewhere`);
    const { view, cards } = await history((found) => found.some((card) => card.url === privateUrl() && card.openable));
    expect(cards.find((card) => card.url === privateUrl())?.openable).toBe(true);
    const [opened] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (page) => page.url() === privatePage(), timeout: POLL.timeout }),
      view.click(`[data-failure][data-url="${privateUrl()}"] [data-action="open-tab"]`),
    ]);
    expect((await allTabs()).filter((tab) => tab.url === privatePage())).toEqual([{ url: privatePage(), incognito: true }]);
    await opened.close();

    // The private window closes: the entry stays for this session, with nothing to open it in.
    await secret.close();
    await expect.poll(async () => (await allTabs()).some((tab) => tab.incognito), POLL).toBe(false);
    await view.reload();
    const after = await historyCards(view);
    // The positive signal: the normal entry still offers it.
    expect(after.find((card) => card.url === normalUrl())).toMatchObject({ private: false, openable: true });
    expect(after.find((card) => card.url === privateUrl())).toMatchObject({ private: true, openable: false });
    await view.close();
  });

  it('after a browser restart on the same profile the normal failure is back, the private one is not', { timeout: 120_000 }, async () => {
    await browser.close({ keepProfile: true });
    browser = await ExtensionBrowser.launch({ profile });
    const { view, cards } = await history((found) => found.some((card) => card.url === normalUrl()));
    expect(cards.map((card) => card.url)).toContain(normalUrl());
    expect(cards.map((card) => card.url)).not.toContain(privateUrl());
    expect(await view.content()).not.toContain('private-secret');
    await view.close();
    expect(await localStorageText()).not.toContain('private-secret');
  });
});
