// Right after a real service-worker stop, the first events are handled with the person's settings and
// the stored state, never with the defaults or an empty memory.
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { fetchIn, hostCount, noticeFrames, resetSettings, setSettings, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
let serial = 0;

async function activePage(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?wake${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  return { page, tabId };
}

/** Stop the worker, then put the page in front again (the stop helper opens a tab of its own). */
async function stopWorkerBehind(page: Page): Promise<void> {
  await suite.browser.stopWorker();
  await page.bringToFront();
}

afterEach(() => resetSettings(suite.browser));

it('a muted site gets no notification from the failure that wakes the worker', async () => {
  await setSettings(suite.browser, { mutedSites: ['127.0.0.1'] });
  const { page, tabId } = await activePage();
  await stopWorkerBehind(page);
  await fetchIn(page, `${suite.site.origin}/status/500?muted-after-wake`);
  // Positive signal first: the woken worker recorded it.
  expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['500']);
  await page.bringToFront();
  // Then unmute and fail again: the notification that appears must hold only the second failure.
  await setSettings(suite.browser, { mutedSites: [] });
  await page.bringToFront();
  await fetchIn(page, `${suite.site.origin}/status/503?unmuted`);
  const frame = await waitForNotice(suite.browser, page, /503/);
  expect(await frame.locator('li').evaluateAll((lines) => lines.map((li) => li.getAttribute('data-code')))).toEqual(['503']);
  expect(await frame.locator('h1').textContent()).toBe('This page loaded, but 1 API call failed, so parts of it may not work.');
  expect(await frame.locator('.shown').textContent()).toBe('1 of 2 shown; the report lists all');
  await page.close();
});

it('"notifications off" is honoured by the worker that just woke up', async () => {
  await setSettings(suite.browser, { notify: 'off' });
  const { page, tabId } = await activePage();
  await stopWorkerBehind(page);
  await fetchIn(page, `${suite.site.origin}/status/500?off-after-wake`);
  expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['500']);
  await page.bringToFront();
  await setSettings(suite.browser, { notify: 'page-and-api' });
  await page.bringToFront();
  await fetchIn(page, `${suite.site.origin}/status/503?on-again`);
  const frame = await waitForNotice(suite.browser, page, /503/);
  expect(await frame.locator('li').evaluateAll((lines) => lines.map((li) => li.getAttribute('data-code')))).toEqual(['503']);
  await page.close();
});

it('"list cancelled requests" is honoured by the worker that just woke up', async () => {
  await setSettings(suite.browser, { showAborted: true });
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?abort-wake${++serial}`);
  const tabId = await suite.browser.tabIdOf(page);
  await stopWorkerBehind(page);
  await page.evaluate(async (url) => {
    const controller = new AbortController();
    const request = fetch(url, { signal: controller.signal }).catch(() => {});
    setTimeout(() => controller.abort(), 200);
    await request;
  }, `${suite.site.origin}/hang`);
  expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['net::ERR_ABORTED']);
  await page.close();
});

it('a page already showing a notification still shows exactly one after the worker woke up', async () => {
  const { page } = await activePage();
  await fetchIn(page, `${suite.site.origin}/status/500?before-stop`);
  const first = await waitForNotice(suite.browser, page, /500/);
  // Keep it open through the stop (it closes itself after 8 s unless focused).
  await first.locator('button[data-action="details"]').focus();
  await stopWorkerBehind(page);
  expect(await hostCount(page)).toBe(1);
  await fetchIn(page, `${suite.site.origin}/status/503?after-stop`);
  // The woken worker remembers the notification: it grows to two failures, in the same frame.
  await waitForNotice(suite.browser, page, /2 requests failed/);
  expect(await hostCount(page)).toBe(1);
  expect(noticeFrames(suite.browser, page)).toHaveLength(1);
  await page.close();
});

it('a worker stop right after failures, before anything was read back, loses none of them', async () => {
  const { page, tabId } = await activePage();
  const urls = Array.from({ length: 30 }, (_, i) => `${suite.site.origin}/status/${[404, 500, 502][i % 3]}?pending=${i}`);
  await page.evaluate((list) => Promise.all(list.map((u) => fetch(u).catch(() => {}))), urls);
  // No report is opened in between: whatever was still being written must survive the stop.
  await suite.browser.stopWorker();
  const failures = await suite.browser.failures(tabId, urls.length);
  expect(failures.map((f) => f.url).sort()).toEqual([...urls].sort());
  expect(failures.reduce((sum, f) => sum + f.count, 0)).toBe(urls.length);
  await page.close();
});
