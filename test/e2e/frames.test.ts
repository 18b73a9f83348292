// Frames: failures inside same-origin and cross-origin iframes belong to the tab, an iframe navigating
// does not clear the page's failures, and the notification appears once, in the top frame only, with the
// failures of the page's own origin: another origin's frame changes nothing the page can see.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startSite } from '../servers/site.mjs';
import { chromiumSuite } from '../support/chromium-suite';
import { eventsSettled, fetchIn, hostCount, settledSize, inContentScript, NOTICE_HOST, noticeFrames, setSettings, storedNotice, waitForNotice } from '../support/chromium-notice';

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

it('iframe failures (same-origin and cross-origin) are the tab\'s; an iframe navigating keeps them; one notification, on top, of the page\'s origin', async () => {
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
  // It lists the page's own failure, and says the other site's frame is left out (the badge counts it).
  const notice = await waitForNotice(suite.browser, page, /1 of 2 shown; other sites' frames: see the report/);
  expect(await notice.locator('li').evaluateAll((lines) => lines.map((li) => li.getAttribute('data-code')))).toEqual(['500']);
  expect(await hostCount(page)).toBe(1);
  for (const frame of page.frames().filter((f) => f !== page.mainFrame() && !noticeFrames(suite.browser, page).includes(f))) {
    expect(await frame.evaluate((selector) => document.querySelectorAll(selector).length, NOTICE_HOST)).toBe(0);
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

const codesIn = (notice: Frame): Promise<string[]> =>
  notice.locator('li').evaluateAll((lines) => lines.map((li) => `${li.getAttribute('data-code')} ${li.getAttribute('data-host')}`));

it("the notification names, and muting means, the page's site; another site's iframe whose request failed first is left out", async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?site-of-frame`);
  await page.bringToFront();
  // The same server under another name: a cross-site iframe, whose requests name it as their initiator.
  const widget = other.origin.replace('127.0.0.1', 'localhost');
  await addFrame(page, `${widget}/pages/fetch?u=${encodeURIComponent(`${widget}/status/503?widget`)}`, 'widget');
  await fetchIn(page, `${suite.site.origin}/status/500?site-of-frame`);
  const notice = await waitForNotice(suite.browser, page, /1 of 2 shown; other sites' frames/);
  expect(await notice.locator('[data-action="mute"]').textContent()).toMatch(/127\.0\.0\.1/);
  expect(await codesIn(notice)).toEqual(['500 127.0.0.1']);

  // With the page's site muted, the failures of its frames are not notified either.
  await setSettings(suite.browser, { mutedSites: ['127.0.0.1'] });
  const muted = await suite.browser.context.newPage();
  await muted.goto(`${suite.site.origin}/pages/blank?site-of-frame-muted`);
  await muted.bringToFront();
  await addFrame(muted, `${suite.site.origin}/pages/fetch?u=${encodeURIComponent(`${suite.site.origin}/status/502?frame-muted`)}`, 'own');
  await eventsSettled(suite.browser, suite.site.origin);
  expect((await suite.browser.failures(await suite.browser.tabIdOf(muted), 1)).map((f) => f.code)).toEqual(['502']);
  expect(await storedNotice(suite.browser, await suite.browser.tabIdOf(muted))).toBeNull();
  await setSettings(suite.browser, { mutedSites: [] });
  await Promise.all([muted.close(), page.close()]);
});

it("another origin's frame failing changes neither the notification's size nor anything the page's content script hears", async () => {
  // The extension page that listens in the tab's content-script context; opened first, the tab stays in front.
  const ext = await suite.browser.context.newPage();
  await ext.goto(`${suite.browser.reportUrl}?tab=-2`);
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?geometry`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.bringToFront();
  await inContentScript(ext, tabId, () => {
    const heard: unknown[] = [];
    (globalThis as { heard?: unknown[] }).heard = heard;
    chrome.runtime.onMessage.addListener((message) => void heard.push(message));
  });
  await fetchIn(page, `${suite.site.origin}/status/500?geometry`);
  await waitForNotice(suite.browser, page, /1 request failed/);

  // Another site's frame: its own load fails, and two of its fetches fail with other codes. Listed, each
  // would be a line of its own.
  const widget = other.origin.replace('127.0.0.1', 'localhost');
  await addFrame(page, `${widget}/pages/fetch?u=${encodeURIComponent(`${widget}/status/503?geometry`)}`, 'w1');
  await addFrame(page, `${widget}/pages/fetch?u=${encodeURIComponent(`${widget}/status/401?geometry`)}`, 'w2');
  await page.evaluate((src) => document.body.append(Object.assign(document.createElement('iframe'), { src })), `${widget}/status/404?geometry-frame`);
  const failures = await suite.browser.failures(tabId, 4);
  expect(failures.map((f) => f.code).sort()).toEqual(['401', '404', '500', '503']);
  // Positive signal: a later failure of the page's own origin is drawn. The frame's are not in it.
  await page.bringToFront();
  await fetchIn(page, `${suite.site.origin}/status/500?geometry-again`);
  // The count line's words name the other site's failures; it is one line whatever it says.
  const notice = await waitForNotice(suite.browser, page, /2 of 5 shown; other sites' frames/);
  expect(await codesIn(notice)).toEqual(['500 127.0.0.1']);
  const drawn = await settledSize(suite.browser, page);

  // The content script heard the notification come and change, and nothing about any failure.
  const heard = await inContentScript(ext, tabId, () => JSON.stringify((globalThis as { heard?: unknown[] }).heard));
  const messages = JSON.parse(heard) as Record<string, unknown>[];
  expect(messages.map((m) => m.type)).toContain('show-notice');
  expect(messages.map((m) => m.type)).toContain('notice-changed');
  for (const message of messages) {
    expect(Object.keys(message).sort()).toEqual(message.type === 'show-notice' ? ['height', 'position', 'type'] : ['type']);
  }
  expect(heard).not.toMatch(/localhost|127\.0\.0\.1|500|503|401|404/);

  // The same own failures on a page without the other site's frames: a notification of the same size.
  const control = await suite.browser.context.newPage();
  await control.goto(`${suite.site.origin}/pages/blank?geometry-control`);
  await control.bringToFront();
  await fetchIn(control, `${suite.site.origin}/status/500?geometry`);
  await fetchIn(control, `${suite.site.origin}/status/500?geometry-again`);
  await waitForNotice(suite.browser, control, /2 requests failed on this page/);
  expect(await settledSize(suite.browser, control)).toEqual(drawn);
  await Promise.all([ext.close(), page.close(), control.close()]);
});
