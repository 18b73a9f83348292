// The notification in plain words, in each shipped language: its heading is the page summary sentence the
// popup shows, each line is its failure's title, nothing in it is cut, and Details lands on that card.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { waitForNotice } from '../support/chromium-notice';
import { localeTexts } from '../support/locale-texts';

const locales = readdirSync(new URL('../../public/_locales/', import.meta.url));
/** Where each code's title is in the catalog. */
const TITLES: Record<string, readonly [string, string]> = {
  '409': ['statuses', '409'], '503': ['statuses', '503'], 'net::ERR_NAME_NOT_RESOLVED': ['local', 'NAME_NOT_RESOLVED'],
};

/** Elements of the notice whose text overflows them, and whether the frame has to scroll to show all of it. */
const cutIn = (frame: Frame): Promise<{ cut: string[]; scrolls: boolean }> =>
  frame.evaluate(() => ({
    cut: [...document.querySelectorAll<HTMLElement>('#notice *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline')
      .map((el) => `${el.tagName}.${el.className}: ${el.textContent}`),
    scrolls: document.documentElement.scrollHeight > innerHeight + 1 || document.documentElement.scrollWidth > innerWidth + 1,
  }));

describe.each(locales)('the notification in %s', (locale) => {
  const suite = chromiumSuite({ nginx: false }, { language: locale });
  const { own, title } = localeTexts(locale);
  let serial = 0;

  /** A tab whose API calls fail three ways (and, with `image`, an image the notice leaves out by default). */
  async function failingPage(image = false): Promise<{ page: Page; tabId: number; frame: Frame }> {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?words-${locale}-${++serial}`);
    await page.bringToFront();
    await page.evaluate(async ([origin, withImage]) => {
      const image = withImage ? new Promise((done) => Object.assign(new Image(), { onerror: done, onload: done, src: `${origin}/img/404.gif` })) : null;
      await Promise.all([
        fetch(`${origin}/status/409`, { method: 'PUT', credentials: 'omit' }),
        fetch(`${origin}/status/503`, { credentials: 'omit' }),
        fetch('http://nonexistent.invalid/api').catch(() => {}),
        image,
      ]);
    }, [suite.site.origin, image] as const);
    const tabId = await suite.browser.tabIdOf(page);
    await suite.browser.failures(tabId, image ? 4 : 3);
    const frame = await waitForNotice(suite.browser, page, /nonexistent/);
    await expect.poll(() => frame.locator('li').count()).toBe(3);
    return { page, tabId, frame };
  }

  it("its heading is the popup's summary sentence, and each line holds its failure's title", async () => {
    const { page, tabId, frame } = await failingPage();
    const { page: report } = await suite.browser.report(tabId, 3);
    const sentence = await report.locator('[data-summary] .verdict').textContent();
    expect(sentence).toMatch(/\S/);
    expect(await frame.locator('h1').textContent()).toBe(sentence);
    for (const line of await frame.locator('li').all()) {
      const [part, key] = TITLES[(await line.getAttribute('data-code'))!]!;
      expect(await line.locator('.title').textContent()).toBe(title(part, key));
    }
    // The badge counts the same three: the count line says so, with nothing left out.
    expect(await frame.locator('.shown').textContent()).toBe(own.noticeMany!.message.replace('$COUNT$', '3'));
    await Promise.all([report.close(), page.close()]);
  });

  it('an image the notice leaves out is said: the heading sums what it lists, the count line how many of all', async () => {
    const { page, frame } = await failingPage(true);
    const shown = own.noticeShownOf!.message.replace('$SHOWN$', '3').replace('$ALL$', '4').replace('$WHY$', own.noticeLeftOutImages!.message);
    await expect.poll(() => frame.locator('.shown').textContent()).toBe(shown);
    expect(await frame.locator('h1').textContent()).toBe(own.summaryBreaks!.message.replace('$LIST$', own.kind_api_many!.message.replace('$COUNT$', '3')));
    await page.close();
  });

  it('nothing in it is cut, its own buttons included, and the frame needs no scrolling', async () => {
    const { page, frame } = await failingPage(true);
    // The frame takes its content's height once it has measured it.
    await expect.poll(() => cutIn(frame)).toEqual({ cut: [], scrolls: false });
    // Its own buttons lie wholly inside the frame (German cut its mute button before).
    const outside = await frame.evaluate(() => [...document.querySelectorAll('button')].filter((button) => {
      const box = button.getBoundingClientRect();
      return box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight;
    }).map((button) => button.textContent));
    expect(outside).toEqual([]);
    await page.close();
  });

  it('Details lands on its card in the report: open, marked and in view', async () => {
    const { page, tabId, frame } = await failingPage();
    // The line lowest in the report, so that landing on it takes scrolling.
    const { failures, page: probe } = await suite.browser.report(tabId, 3);
    await probe.close();
    const last = failures.at(-1)!.code;
    const [report] = await Promise.all([
      suite.browser.context.waitForEvent('page'),
      frame.locator(`li[data-code="${last}"] button[data-action="details"]`).click(),
    ]);
    const card = report.locator(`.line.target[data-code="${last}"]`);
    await card.waitFor();
    expect(await report.locator('.line.target').count()).toBe(1);
    expect(await card.locator('.line-toggle').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => card.evaluate((el) => {
      const { top, bottom } = el.getBoundingClientRect();
      return top >= 0 && top < innerHeight && bottom > 0;
    })).toBe(true);
    expect(await report.evaluate(() => scrollY)).toBeGreaterThan(0);
    await Promise.all([report.close(), page.close()]);
  });
});
