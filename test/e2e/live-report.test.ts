// The report keeps up with its tab's stored log. Chromium can deliver a storage change to a page before the
// answer to a read the page sent earlier (measured: 42 of 200 page loads against a busy writer), so a report
// that let that read win would show the older log until the next change, maybe forever.
import { expect, it } from 'vitest';
import type { FailureView } from '../support/extension-browser.mjs';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();

it('a change written right after the report sends its first read is what the report shows', async () => {
  // A real stored failure to copy: the shape the report expects.
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?live`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(() => fetch('/status/500').catch(() => {}));
  const [sample]: FailureView[] = await suite.browser.failures(tabId, 1);
  expect(sample?.code).toBe('500');
  const { page: report } = await suite.browser.report(tabId, 1);
  const stored = await report.evaluate(async (key) => (await chrome.storage.session.get(key))[key] as string, `tab:${tabId}`);
  // A tab id no browser tab has: only this test writes it.
  const fakeTab = 900_000;
  const key = `tab:${fakeTab}`;
  const logOf = (count: number): string => {
    const log = JSON.parse(stored) as { failures: { count: number }[] };
    return JSON.stringify({ tabId: fakeTab, failures: [{ ...log.failures[0], tabId: fakeTab, count }] });
  };
  // The write is sent from the report itself right behind its read (as a worker's batch could land).
  await report.addInitScript(({ key, value }) => {
    const area = chrome.storage.session;
    const get = area.get.bind(area) as (...args: unknown[]) => unknown;
    let written = false;
    area.get = ((...args: unknown[]) => {
      const answer = get(...args);
      if (!written && JSON.stringify(args[0]).includes(key)) {
        written = true;
        void area.set({ [key]: value });
      }
      return answer;
    }) as typeof area.get;
  }, { key, value: logOf(2) });
  for (let trial = 0; trial < 15; trial++) {
    await report.evaluate(([k, v]) => chrome.storage.session.set({ [k]: v }), [key, logOf(1)] as const);
    await report.goto(`${suite.browser.reportUrl}?tab=${fakeTab}&trial=${trial}`);
    const shown = await report
      .waitForFunction(() => document.querySelector('[data-failure]')?.getAttribute('data-count') === '2', null, { timeout: 3_000 })
      .then(() => 'the log as written last')
      .catch(async () => `count ${await report.getAttribute('[data-failure]', 'data-count')} in trial ${trial}`);
    expect(shown).toBe('the log as written last');
  }
  await report.evaluate((k) => chrome.storage.session.remove(k), key);
  await Promise.all([report.close(), page.close()]);
});

it('a report left open names the page its tab moved on to', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?first-page`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(() => fetch('/status/500?first').catch(() => {}));
  const { page: report } = await suite.browser.report(tabId, 1);
  await expect.poll(() => report.textContent('#page')).toContain('?first-page');
  // The tab goes on to another page, where something fails too: the report lists it under that page.
  await page.goto(`${suite.site.origin}/pages/blank?second-page`);
  await page.evaluate(() => fetch('/status/502?second').catch(() => {}));
  await report.locator(`[data-failure][data-url="${suite.site.origin}/status/502?second"]`).waitFor();
  await expect.poll(() => report.textContent('#page')).toContain('?second-page');
});

it('a new failure in the tab leaves the report as the person left it: focus and open details', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?kept`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(() => Promise.all(['/status/500?kept-a', '/status/503?kept-b'].map((u) => fetch(u).catch(() => {}))));
  const { page: report } = await suite.browser.report(tabId, 2);
  const card = (query: string) => report.locator(`[data-failure][data-url="${suite.site.origin}/status/${query}"]`);
  // Someone opened the technical details of one card and is on its Copy button.
  await card('500?kept-a').locator('details.tech > summary').click();
  await card('500?kept-a').locator('[data-action="copy"]').focus();
  await report.evaluate(() => ((document.activeElement as HTMLElement & { kept?: boolean }).kept = true));
  // The tab fails again: a new line arrives, and the other card's count goes up (that line is rebuilt).
  await card('503?kept-b').locator('[data-action="recheck"]').waitFor();
  await page.evaluate(() => Promise.all(['/status/502?kept-c', '/status/503?kept-b'].map((u) => fetch(u).catch(() => {}))));
  await card('502?kept-c').waitFor();
  await report.locator(`[data-failure][data-url$="kept-b"][data-count="2"]`).waitFor();
  await report.waitForSelector('main[aria-busy="false"]');
  expect(await report.evaluate(() => {
    const focused = document.activeElement as HTMLElement & { kept?: boolean };
    return { same: focused.kept === true, action: focused.getAttribute('data-action') };
  })).toEqual({ same: true, action: 'copy' });
  expect(await card('500?kept-a').locator('details.tech').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  await Promise.all([report.close(), page.close()]);
});

it('focus on a line whose failure repeats moves to the same button of its new line', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?repeat`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(() => fetch('/status/500?repeat').catch(() => {}));
  const { page: report } = await suite.browser.report(tabId, 1);
  await report.locator('[data-failure] [data-action="recheck"]').focus();
  await page.evaluate(() => fetch('/status/500?repeat').catch(() => {}));
  await report.locator('[data-failure][data-count="2"]').waitFor();
  await expect.poll(() => report.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('recheck');
  await Promise.all([report.close(), page.close()]);
});
