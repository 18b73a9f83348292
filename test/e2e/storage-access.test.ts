// What the extension stores is closed to content scripts (a compromised renderer runs as one): a script in
// the extension's isolated world of a page can read neither storage.local nor storage.session.
import { expect, it } from 'vitest';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

it('a content script cannot read storage.local or storage.session; the worker can', async () => {
  const worker = suite.browser.worker()!;
  // Something in each area, so a refusal cannot be mistaken for an empty area.
  await worker.evaluate(() => Promise.all([chrome.storage.local.set({ probe: 'local' }), chrome.storage.session.set({ probe: 'session' })]));
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?storage-access`);
  const tabId = await suite.browser.tabIdOf(page);
  const seen = await worker.evaluate(async (tab) => {
    const [injected] = await chrome.scripting.executeScript({
      target: { tabId: tab },
      world: 'ISOLATED',
      func: async () => {
        const read = async (area: 'local' | 'session') => {
          try {
            return JSON.stringify(await chrome.storage[area].get('probe'));
          } catch (error) {
            return `refused: ${(error as Error).message}`;
          }
        };
        // The positive signal: this is the extension's content script world.
        return { extensionId: chrome.runtime.id, local: await read('local'), session: await read('session') };
      },
    });
    return injected!.result as { extensionId: string; local: string; session: string };
  }, tabId);
  expect(seen.extensionId).toBe(suite.browser.extensionId);
  expect(seen.local).toMatch(/^refused: /);
  expect(seen.session).toMatch(/^refused: /);
  // The worker still reads both.
  expect(await worker.evaluate(async () => [(await chrome.storage.local.get('probe')).probe, (await chrome.storage.session.get('probe')).probe])).toEqual(['local', 'session']);
  await worker.evaluate(() => Promise.all([chrome.storage.local.remove('probe'), chrome.storage.session.remove('probe')]));
  await page.close();
});
