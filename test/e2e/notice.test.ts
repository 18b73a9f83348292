// The in-page notification, end to end: content, coalescing, muting, isolation from the page.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { eventsSettled, fetchIn, hostCount, NOTICE_HOST, noticeFrames, setSettings, storedNotice, waitForNoNotice, waitForNotice as waitForAnyNotice } from '../support/chromium-notice';

const suite = chromiumSuite({ nginx: false });
let serial = 0;

async function blankPage(): Promise<Page> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?notice${++serial}`);
  await page.bringToFront();
  return page;
}

const noticeFrame = (page: Page): Frame | undefined => noticeFrames(suite.browser, page)[0];
const waitForNotice = (page: Page, text?: RegExp): Promise<Frame> => waitForAnyNotice(suite.browser, page, text);

describe('in-page notification', () => {
  it('a fetch 409 shows a notification naming 409 and the receive stage', async () => {
    const page = await blankPage();
    await fetchIn(page, `${suite.site.origin}/status/409`, 'PUT');
    const frame = await waitForNotice(page);
    const line = frame.locator('li[data-code="409"]');
    expect(await line.getAttribute('data-stage')).toBe('receive');
    // The title in words first; the host; then, quieter, the step (the server answered, with an error) and the code.
    expect(await line.textContent()).toBe('Your change conflicts with the current version127.0.0.1Server answered with an error409Details');
    expect(await frame.locator('h1').textContent()).toBe('This page loaded, but 1 API call failed, so parts of it may not work.');
    expect(await frame.locator('[role="status"]').count()).toBe(1);
    // Screen readers hear what failed, once per change; the notice itself is no live region (its buttons are not read out again).
    expect(await frame.locator('#notice').getAttribute('aria-live')).toBeNull();
    expect(await frame.locator('[role="status"]').textContent()).toBe('This page loaded, but 1 API call failed, so parts of it may not work. Your change conflicts with the current version, 127.0.0.1');
    await fetchIn(page, `${suite.site.origin}/status/409`, 'PUT');
    await waitForNotice(page, /2 requests failed/);
    // A repeat is one failure in the summary (as in the popup), counted on its line.
    await expect.poll(() => frame.locator('[role="status"]').textContent()).toBe('This page loaded, but 1 API call failed, so parts of it may not work. Your change conflicts with the current version, 127.0.0.1 2×');
    await page.close();
  });

  it('a page that itself answers 503 shows it (its failure comes before its commit, which must not wipe it)', async () => {
    for (let n = 0; n < 3; n++) {
      const page = await suite.browser.context.newPage();
      await page.bringToFront();
      await page.goto(`${suite.site.origin}/status/503?own-page=${n}`);
      const frame = await waitForNotice(page, /503/);
      expect(await frame.locator('li').evaluateAll((lines) => lines.map((li) => li.getAttribute('data-code')))).toEqual(['503']);
      await page.close();
    }
  });

  it('several failures close together coalesce into one notification', async () => {
    const page = await blankPage();
    await page.evaluate(async (origin) => {
      await Promise.all([
        fetch(`${origin}/status/503?a`), fetch(`${origin}/status/503?b`), fetch('http://nonexistent.invalid/api').catch(() => {}),
      ]);
    }, suite.site.origin);
    const frame = await waitForNotice(page, /3 requests failed/);
    expect(await frame.locator('li').allTextContents()).toEqual([
      'The site is temporarily unable to serve requests127.0.0.12×Server answered with an error503Details',
      "The site's name could not be foundnonexistent.invalidDNS lookupNAME NOT RESOLVEDDetails",
    ]);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('a storm of failures makes one updating notification', async () => {
    const page = await blankPage();
    await page.evaluate((origin) => Promise.all(Array.from({ length: 150 }, (_, i) => fetch(`${origin}/status/500?storm=${i}`))), suite.site.origin);
    const frame = await waitForNotice(page, /150 requests failed/);
    expect(await frame.locator('li').count()).toBe(1);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  });

  it('Details opens the full report for the tab', async () => {
    const page = await blankPage();
    const tabId = await suite.browser.tabIdOf(page);
    await fetchIn(page, `${suite.site.origin}/status/410`);
    const frame = await waitForNotice(page);
    const [report] = await Promise.all([suite.browser.context.waitForEvent('page'), frame.click('li button[data-action="details"]')]);
    await report.waitForSelector('[data-failure][data-code="410"]');
    expect(report.url()).toBe(`${suite.browser.reportUrl}?tab=${tabId}#failure=410@127.0.0.1`);
    await Promise.all([report.close(), page.close()]);
  });

  it('"and N more" opens the report, at its top', async () => {
    const page = await blankPage();
    const tabId = await suite.browser.tabIdOf(page);
    await page.evaluate((origin) => Promise.all([500, 501, 502, 503, 504, 505].map((code) => fetch(`${origin}/status/${code}?more`))), suite.site.origin);
    const frame = await waitForNotice(page, /and 1 more/);
    const [report] = await Promise.all([suite.browser.context.waitForEvent('page'), frame.click('button[data-action="report"]')]);
    await report.waitForSelector('[data-failure]');
    expect(report.url()).toBe(`${suite.browser.reportUrl}?tab=${tabId}`);
    await Promise.all([report.close(), page.close()]);
  });

  it('the close button and Esc dismiss it, without taking focus from the page', async () => {
    const page = await blankPage();
    await page.evaluate(() => {
      const input = document.createElement('input');
      document.body.append(input);
      input.focus();
    });
    await fetchIn(page, `${suite.site.origin}/status/500?close`);
    let frame = await waitForNotice(page);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    // Keyboard: the close button is reachable and works with Enter, and Esc closes too. The key is
    // pressed on the button (which focuses its frame first); the frame goes away with the key, so the
    // action's own promise may reject on the detached frame: only the outcome is awaited.
    const pressOnClose = (key: string): void => void frame.locator('button[data-action="close"]').press(key).catch(() => {});
    pressOnClose('Enter');
    await waitForNoNotice(page);
    await expect.poll(() => noticeFrame(page)).toBeUndefined();

    await fetchIn(page, `${suite.site.origin}/status/500?esc`);
    frame = await waitForNotice(page);
    pressOnClose('Escape');
    await waitForNoNotice(page);
    await page.close();
  });

  it('"Don\'t show on this site" mutes the site, and it is remembered', async () => {
    const page = await blankPage();
    await fetchIn(page, `${suite.site.origin}/status/500?mute`);
    const frame = await waitForNotice(page);
    await frame.click('button[data-action="mute"]');
    await waitForNoNotice(page);
    await page.reload();
    const tabId = await suite.browser.tabIdOf(page);
    await fetchIn(page, `${suite.site.origin}/status/500?after-mute`);
    // Positive signal first: the failure is recorded; the decision not to notify is stored with it.
    expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['500']);
    expect(await storedNotice(suite.browser, tabId)).toBeNull();
    expect(await hostCount(page)).toBe(0);
    const settings = await suite.browser.context.newPage();
    await settings.goto(`${suite.browser.reportUrl}?tab=-2`);
    expect(await settings.evaluate(() => chrome.storage.sync.get('mutedSites'))).toEqual({ mutedSites: ['127.0.0.1'] });
    await settings.evaluate(() => chrome.storage.sync.set({ mutedSites: [] }));
    await Promise.all([settings.close(), page.close()]);
  });
});

describe('what gets no notification', () => {
  it('a clean page gets nothing injected', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/clean?n=50`);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
    await eventsSettled(suite.browser, suite.site.origin);
    expect(await storedNotice(suite.browser, await suite.browser.tabIdOf(page))).toBeNull();
    expect(await hostCount(page)).toBe(0);
    expect(noticeFrame(page)).toBeUndefined();
    await page.close();
  });

  it('a failure in a background tab is not notified', async () => {
    const page = await blankPage();
    const front = await blankPage();
    await fetchIn(page, `${suite.site.origin}/status/500?background`);
    // Positive signal: a later failure in the front tab is notified; the background one was rendered (or not) first.
    await fetchIn(front, `${suite.site.origin}/status/503?front`);
    await waitForNotice(front, /503/);
    expect(await hostCount(page)).toBe(0);
    await Promise.all([front.close(), page.close()]);
  });

  it('an aborted fetch is not notified', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/abort`);
    await page.waitForFunction(() => document.title === 'aborted');
    await eventsSettled(suite.browser, suite.site.origin);
    expect(await storedNotice(suite.browser, await suite.browser.tabIdOf(page))).toBeNull();
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });
});

describe('isolation from the page', () => {
  it('page scripts cannot find the failing URL anywhere in their DOM', async () => {
    const page = await blankPage();
    const secret = `${suite.site.origin}/status/500?secret-${Date.now()}`;
    await fetchIn(page, secret);
    await waitForNotice(page);
    const found = await page.evaluate(([needle, selector]) => {
      const seen: string[] = [];
      const walk = (root: Document | ShadowRoot | Element): void => {
        seen.push(root instanceof Document ? root.documentElement.outerHTML : (root as Element).innerHTML ?? '');
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el instanceof HTMLIFrameElement) {
            try { if (el.contentDocument) walk(el.contentDocument); } catch { /* cross-origin: unreadable, as intended */ }
          }
        }
      };
      walk(document);
      const host = document.querySelector(selector);
      return { inDom: seen.join('\n').includes(needle) || document.body.innerText.includes(needle), hostShadow: host?.shadowRoot ?? null, hostExists: !!host };
    }, [secret.slice(secret.indexOf('/status')), NOTICE_HOST] as const);
    expect(found).toEqual({ inDom: false, hostShadow: null, hostExists: true });
    await page.close();
  });

  it('a page cannot look it up by a fixed name: each notification is named anew, and carries nothing that names it', async () => {
    /** Causes a failure, waits for its notification and returns how a page script sees the host. */
    const shown = async (page: Page, label: string): Promise<string> => {
      await fetchIn(page, `${suite.site.origin}/status/500?unnamed-${label}`);
      // Positive signal first: the notification frame is up, so its host is in the page.
      await waitForNotice(page);
      const host = await page.evaluate((selector) => {
        const element = document.querySelector(selector)!;
        return {
          name: element.localName, attributes: element.getAttributeNames().sort(), underRoot: element.parentNode === document.documentElement,
          sameName: document.getElementsByTagName(element.localName).length, fixedName: document.querySelectorAll('request-doctor-notice').length,
        };
      }, NOTICE_HOST);
      expect(host).toMatchObject({ attributes: ['popover', 'style'], underRoot: true, sameName: 1, fixedName: 0 });
      expect(host.name).toMatch(/^[a-z]+-[a-z]+$/);
      return host.name;
    };
    const first = await blankPage();
    const names = [await shown(first, 'a')];
    const second = await blankPage();
    names.push(await shown(second, 'b'));
    // Closed and shown again on the same page: a new host, with a new name.
    await (await waitForNotice(second)).locator('button[data-action="close"]').click().catch(() => {});
    await waitForNoNotice(second);
    names.push(await shown(second, 'c'));
    expect(new Set(names).size).toBe(3);
    await Promise.all([first.close(), second.close()]);
  });

  it('hostile page styles can neither hide nor restyle it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/hostile`);
    await page.bringToFront();
    const frame = await waitForNotice(page, /409/);
    const box = await page.evaluate((selector) => {
      const host = document.querySelector(selector)!;
      const rect = host.getBoundingClientRect();
      const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
      return { width: Math.round(rect.width), right: Math.round(innerWidth - rect.right), bottom: Math.round(innerHeight - rect.bottom), onTop: top === host };
    }, NOTICE_HOST);
    expect(box).toEqual({ width: 380, right: 16, bottom: 16, onTop: true });
    expect(await frame.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('13px');
    // And nothing of ours leaks into the page's own styles.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('cover')!).backgroundColor)).toBe('rgb(255, 0, 0)');
    await page.close();
  });

  it('works on a page with a strict CSP and Trusted Types enforced', async () => {
    const page = await suite.browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await page.goto(`${suite.site.origin}/pages/strict`);
    await page.bringToFront();
    const frame = await waitForNotice(page, /409/);
    expect(await frame.locator('li[data-code="409"]').count()).toBe(1);
    expect(violations.filter((v) => /Content Security Policy|Trusted Type/i.test(v))).toEqual([]);
    await page.close();
  });
});

describe('calm by default', () => {
  it('by default dismisses itself after 8 s, but not while it has focus', async () => {
    await setSettings(suite.browser, { noticeSeconds: 8 });
    onTestFinished(() => setSettings(suite.browser, { noticeSeconds: 0 }));
    const page = await blankPage();
    await fetchIn(page, `${suite.site.origin}/status/500?auto-dismiss`);
    await waitForNotice(page);
    await waitForNoNotice(page, 12_000);

    await fetchIn(page, `${suite.site.origin}/status/500?held`);
    const frame = await waitForNotice(page);
    await frame.locator('button[data-action="details"]').focus();
    // Passing over it with the mouse and leaving again does not end the hold its focus has.
    const box = await page.locator(NOTICE_HOST).boundingBox();
    await page.mouse.move(box!.x + 20, box!.y + 20);
    await page.mouse.move(1, 1);
    // A new failure redraws it: the keyboard stays on the same button.
    await fetchIn(page, `${suite.site.origin}/status/502?held-more`);
    // The first notification was dismissed: this one lists the two since, and says so.
    await waitForNotice(page, /2 of 3 shown; the report lists all/);
    expect(await frame.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-code') + ' ' + document.activeElement?.getAttribute('data-action'))).toBe('500 details');
    await page.waitForTimeout(9000);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  }, 40_000);

  it('a redraw keeps the focus on the same line when two hosts fail with the same code', async () => {
    const page = await blankPage();
    const other = suite.site.origin.replace('127.0.0.1', 'localhost');
    await fetchIn(page, `${suite.site.origin}/status/503?twin-host`);
    await fetchIn(page, `${other}/status/503?twin-host`);
    const frame = await waitForNotice(page, /2 requests failed/);
    await frame.locator('li', { hasText: 'localhost' }).locator('button[data-action="details"]').focus();
    await fetchIn(page, `${suite.site.origin}/status/404?twin-host-more`);
    await waitForNotice(page, /3 requests failed/);
    expect(await frame.evaluate(() => document.activeElement?.closest('li')?.querySelector('.host')?.textContent)).toMatch(/^localhost/);
    await page.close();
  });

  it('set to "Until I close them", it stays without focus past the 8 s', async () => {
    const page = await blankPage();
    await fetchIn(page, `${suite.site.origin}/status/500?stays`);
    await waitForNotice(page);
    await page.waitForTimeout(9000);
    expect(await hostCount(page)).toBe(1);
    await page.close();
  }, 30_000);

  it('a new "stay for" applies to the notification already on screen', async () => {
    const page = await blankPage();
    await fetchIn(page, `${suite.site.origin}/status/500?changed-setting`);
    await waitForNotice(page);
    // Shown with "until I close them"; then 8 s is chosen while it is on screen.
    await setSettings(suite.browser, { noticeSeconds: 8 });
    onTestFinished(() => setSettings(suite.browser, { noticeSeconds: 0 }));
    await waitForNoNotice(page, 12_000);
    await page.close();
  }, 30_000);

  it('follows dark mode and reduced motion', async () => {
    const page = await blankPage();
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await fetchIn(page, `${suite.site.origin}/status/500?dark`);
    const frame = await waitForNotice(page);
    const style = await frame.evaluate(() => {
      const notice = getComputedStyle(document.getElementById('notice')!);
      return { background: notice.backgroundColor, animation: notice.animationName };
    });
    expect(style).toEqual({ background: 'rgb(31, 36, 43)', animation: 'none' });
    await page.close();
  });
});
