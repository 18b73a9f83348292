// Frames: failures inside same-origin and cross-origin iframes belong to the tab, an iframe navigating
// does not clear the page's failures, and the notification appears once, in the top frame only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startSite } from '../servers/site.mjs';
import { chromiumSuite } from '../support/chromium-suite';
import { eventsSettled, hostCount, noticeFrames, setSettings, storedNotice, waitForNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
/** A second server on another port: its pages are cross-origin to the suite's. */
let other: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  other = await startSite({ nginx: false });
});
afterAll(async () => {
  await other?.close();
});

/** Add an iframe to the page and wait until its own fetch has settled. */
async function addFrame(page: Page, src: string, name: string): Promise<Frame> {
  await page.evaluate(([url, id]) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    frame.name = id;
    document.body.append(frame);
  }, [src, name] as const);
  const frame = await expect.poll(() => page.frame({ name }) ?? undefined).toBeDefined().then(() => page.frame({ name })!);
  await frame.waitForFunction(() => document.title === 'fetched');
  return frame;
}

it('iframe failures (same-origin and cross-origin) are the tab\'s; an iframe navigating keeps them; one notification, on top', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?frames`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  const same = `${suite.site.origin}/status/500?same-origin-frame`;
  const cross = `${other.origin}/status/503?cross-origin-frame`;
  const sameFrame = await addFrame(page, `${suite.site.origin}/pages/fetch?u=${encodeURIComponent(same)}`, 'same');
  await addFrame(page, `${other.origin}/pages/fetch?u=${encodeURIComponent(cross)}`, 'cross');
  // One notification, in the top document; none inside either iframe. Awaited before the report is read:
  // the report opens in a tab of its own, and failures of a tab that is not active are never notified.
  await waitForNotice(suite.browser, page, /2 requests failed/);
  expect(await hostCount(page)).toBe(1);
  for (const frame of page.frames().filter((f) => f !== page.mainFrame() && !noticeFrames(suite.browser, page).includes(f))) {
    expect(await frame.evaluate(() => document.querySelectorAll('request-doctor-notice').length)).toBe(0);
  }
  expect((await suite.browser.failures(tabId, 2)).map((f) => f.url).sort()).toEqual([same, cross].sort());
  await page.bringToFront();

  // The same-origin iframe navigates (a sub-frame commit): the page's failures stay.
  await sameFrame.goto(`${suite.site.origin}/pages/fetch?u=${encodeURIComponent(`${suite.site.origin}/status/502?after-frame-navigation`)}`);
  await sameFrame.waitForFunction(() => document.title === 'fetched');
  const after = await suite.browser.failures(tabId, 3);
  expect(after.map((f) => f.code).sort()).toEqual(['500', '502', '503']);
  expect(noticeFrames(suite.browser, page)).toHaveLength(1);
  await page.close();
});

it("the notification names, and muting means, the page's site, not that of an iframe whose request failed first", async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?site-of-frame`);
  await page.bringToFront();
  // The same server under another name: a cross-site iframe, whose requests name it as their initiator.
  const widget = other.origin.replace('127.0.0.1', 'localhost');
  await addFrame(page, `${widget}/pages/fetch?u=${encodeURIComponent(`${widget}/status/503?widget`)}`, 'widget');
  const notice = await waitForNotice(suite.browser, page, /503/);
  expect(await notice.locator('[data-action="mute"]').textContent()).toMatch(/127\.0\.0\.1/);

  // With the page's site muted, the iframe's failures are not notified either.
  await setSettings(suite.browser, { mutedSites: ['127.0.0.1'] });
  const muted = await suite.browser.context.newPage();
  await muted.goto(`${suite.site.origin}/pages/blank?site-of-frame-muted`);
  await muted.bringToFront();
  await addFrame(muted, `${widget}/pages/fetch?u=${encodeURIComponent(`${widget}/status/502?widget-muted`)}`, 'widget');
  await eventsSettled(suite.browser, suite.site.origin);
  expect((await suite.browser.failures(await suite.browser.tabIdOf(muted), 1)).map((f) => f.code)).toEqual(['502']);
  expect(await storedNotice(suite.browser, await suite.browser.tabIdOf(muted))).toBeNull();
  await setSettings(suite.browser, { mutedSites: [] });
  await Promise.all([muted.close(), page.close()]);
});
