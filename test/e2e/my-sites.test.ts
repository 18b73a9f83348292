// "Sites I work on" end to end in real Chromium, with two host names of the local test server:
// 127.0.0.1 and localhost. The badge and the notice follow "react to"; the report lists everything, mine first.
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { fetchIn, resetSettings, setSettings, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
let serial = 0;
const localhost = (): string => suite.site.origin.replace('127.0.0.1', 'localhost');

async function storedCount(tabId: number): Promise<number> {
  const helper = await suite.browser.context.newPage();
  await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
  const count = await helper.evaluate((key) => chrome.storage.session.get(key).then((items) =>
    items[key] ? (JSON.parse(items[key] as string).failures as unknown[]).length : 0), `tab:${tabId}`);
  await helper.close();
  return count;
}

/** A page on `origin` whose own host answers 500 and the other host 404; both recorded before it returns. */
async function failBoth(origin: string): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${origin}/pages/blank?my-sites${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  await fetchIn(page, `${localhost()}/status/404?to-localhost`);
  await fetchIn(page, `${suite.site.origin}/status/500?to-127`);
  await expect.poll(() => storedCount(tabId)).toBe(2);
  return { page, tabId };
}

const noticeLines = async (page: Page, text: RegExp): Promise<string[]> =>
  (await waitForNotice(suite.browser, page, text)).locator('li').evaluateAll((lines) => lines.map((li) => `${li.getAttribute('data-code')} ${li.getAttribute('data-host')}`).sort());

afterEach(() => resetSettings(suite.browser));

it('typed in the settings page: applied on change, a line that is no host named where it was typed', async () => {
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
  await options.fill('textarea[name="my-sites"]', `http://localhost:3000/app\nnot a host!\n`);
  await options.locator('textarea[name="my-sites"]').blur();
  await expect.poll(() => options.evaluate(() => chrome.storage.sync.get('mySites').then((items) => items.mySites))).toEqual(['localhost']);
  expect(await options.locator('#my-sites-error').textContent()).toContain('not a host!');
  expect(await options.locator('textarea[name="my-sites"]').getAttribute('aria-invalid')).toBe('true');
  expect(await options.locator('input[name="reactTo"]:checked').getAttribute('value')).toBe('all');
  await options.close();
});

it('react to all failures: both counted and notified; the report lists my site first', async () => {
  await setSettings(suite.browser, { mySites: ['localhost'], reactTo: 'all' });
  const { page, tabId } = await failBoth(suite.site.origin);
  expect(await noticeLines(page, /2 requests failed/)).toEqual(['404 localhost', '500 127.0.0.1']);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('2');
  const { page: report } = await suite.browser.report(tabId, 2);
  // The 500 on 127.0.0.1 is newer, so without "my sites first" it would lead.
  expect(await report.locator('.group h2').evaluateAll((headings) => headings.map((h) => h.firstChild?.textContent))).toEqual(['localhost', '127.0.0.1']);
  await report.close();
  await page.close();
});

it('react to failures on my sites only: nothing on another site\'s page, everything on mine', async () => {
  await setSettings(suite.browser, { mySites: ['localhost'], reactTo: 'my-sites' });
  const mine = await failBoth(localhost());
  expect(await noticeLines(mine.page, /2 requests failed/)).toEqual(['404 localhost', '500 127.0.0.1']);
  await expect.poll(() => suite.browser.badge(mine.tabId)).toBe('2');
  await mine.page.close();
  const other = await failBoth(suite.site.origin);
  // Recorded (failBoth waited for both) and listed, but neither counted nor notified.
  await expect.poll(() => suite.browser.badge(other.tabId)).toBe('');
  expect(await suite.browser.failures(other.tabId, 2)).toHaveLength(2);
  // Then react to all and fail once more: the notice that appears holds only that failure, never the two before.
  await setSettings(suite.browser, { reactTo: 'all' });
  await other.page.bringToFront();
  await fetchIn(other.page, `${suite.site.origin}/status/503?now-counted`);
  expect(await noticeLines(other.page, /\b1 API call failed/)).toEqual(['503 127.0.0.1']);
  await other.page.close();
});

it('react to requests to my sites from any page: only the request to localhost counts and notifies', async () => {
  await setSettings(suite.browser, { mySites: ['localhost'], reactTo: 'to-my-sites' });
  const { page, tabId } = await failBoth(suite.site.origin);
  expect(await noticeLines(page, /\b1 API call failed/)).toEqual(['404 localhost']);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('1');
  expect(await suite.browser.failures(tabId, 2)).toHaveLength(2);
  await page.close();
});

it('third parties kept quiet: counted on the badge, never notified', async () => {
  await setSettings(suite.browser, { quietThirdParties: true });
  const { page, tabId } = await failBoth(suite.site.origin);
  expect(await noticeLines(page, /\b1 API call failed/)).toEqual(['500 127.0.0.1']);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('2');
  await page.close();
});
