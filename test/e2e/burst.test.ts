// A page firing 5,000 failing requests at once (300 distinct URLs: 404, 500 and refused in turn):
// the worker keeps answering, nothing is lost to the caps, and the page gets one calm notification.
import { expect, it } from 'vitest';
import { chromiumSuite } from '../support/chromium-suite';
import { hostCount, noticeFrames, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
const TOTAL = 5000;
const DISTINCT = 300;

it('5,000 failures in a burst: all counted, badge 99+, one notification updated at most once a second', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/burst`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  const helper = await suite.browser.context.newPage();
  await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
  await page.bringToFront();

  // The first failure opens the notification; keep it open (the pointer rests on it) and watch every redraw.
  expect(await page.evaluate(() => (window as unknown as { burst: (n: number, d: number) => Promise<{ failed: number }> }).burst(1, 1))).toMatchObject({ failed: 1 });
  const frame = await waitForNotice(suite.browser, page, /1 request failed/);
  const box = (await page.locator(':popover-open').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const watchedFrom = Date.now();
  await frame.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { redraws: number[] }).redraws = times;
    new MutationObserver(() => times.push(Date.now())).observe(document.getElementById('notice')!, { childList: true });
  });

  const burst = page.evaluate(([n, d]) => (window as unknown as { burst: (n: number, d: number) => Promise<{ failed: number; ms: number }> }).burst(n, d), [TOTAL - 1, DISTINCT] as const);
  // While the burst is being handled, the worker still answers a message (a round trip through its handler map).
  const answered = await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'clear-tab', tabId: -987 }).then(() => 'answered'));
  expect(answered).toBe('answered');
  // Sampled through the burst: never more than one notification; its redraw times read while its frame lives.
  let hosts = 0;
  let redraws: number[] = [];
  let settledInPage = false;
  const sampling = (async () => {
    while (!settledInPage) {
      hosts = Math.max(hosts, await hostCount(page).catch(() => 0));
      redraws = await frame.evaluate(() => (window as unknown as { redraws: number[] }).redraws).catch(() => redraws);
      await page.waitForTimeout(500);
    }
  })();
  const { failed, ms } = await burst.finally(() => (settledInPage = true));
  await sampling;
  expect(failed).toBe(TOTAL - 1);
  // Not asserted: on a busy 2-core machine Chromium alone needs more than 10 s for 5,000 fetches.
  console.log(`burst: ${TOTAL - 1} failing fetches settled in the page after ${Math.round(ms)} ms`);

  // Storage settles with every failure accounted for: listed counts plus what the caps dropped.
  const stored = () => helper.evaluate(async (key) => {
    const text = (await chrome.storage.session.get(key))[key] as string | undefined;
    const log = text === undefined ? undefined : (JSON.parse(text) as { failures: { count: number }[]; dropped?: number });
    return { rows: log?.failures.length ?? 0, sum: (log?.failures ?? []).reduce((s, f) => s + f.count, log?.dropped ?? 0), dropped: log?.dropped ?? 0 };
  }, `tab:${tabId}`);
  await expect.poll(async () => (await stored()).sum, { timeout: 120_000, interval: 250 }).toBe(TOTAL);
  const settled = await stored();
  // Bounded: at most 200 rows kept, far under storage.session's quota.
  expect(settled.rows).toBeLessThanOrEqual(200);
  expect(settled.dropped).toBeGreaterThan(0);
  expect(await helper.evaluate(() => chrome.storage.session.getBytesInUse(null))).toBeLessThan(4_000_000);

  // One notification at a time, redrawn at most once a second.
  expect(hosts).toBe(1);
  expect(await hostCount(page)).toBeLessThanOrEqual(1);
  expect(noticeFrames(suite.browser, page).length).toBeLessThanOrEqual(1);
  redraws = await frame.evaluate(() => (window as unknown as { redraws: number[] }).redraws).catch(() => redraws);
  expect(redraws.length).toBeGreaterThan(0);
  // Sent at least 1 s apart; a busy renderer may deliver two close together, so the bound is on the number.
  expect(redraws.length).toBeLessThanOrEqual(Math.ceil((redraws.at(-1)! - watchedFrom) / 1000) + 2);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('99+');

  // The report opens and its rows (with the note of dropped ones) add up to exactly what the page made.
  const { failures, page: report } = await suite.browser.report(tabId, 1, 30_000);
  const dropped = Number(await report.locator('[data-dropped]').getAttribute('data-dropped'));
  expect(dropped).toBe(settled.dropped);
  expect(failures.reduce((sum, f) => sum + f.count, 0) + dropped).toBe(TOTAL);
  // Which kinds are still listed depends on which settled last (the cap keeps the most recent).
  for (const failure of failures) expect(['404', '500', 'net::ERR_CONNECTION_REFUSED']).toContain(failure.code);
  await Promise.all([report.close(), helper.close(), page.close()]);
}, 400_000);
