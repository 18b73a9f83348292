// Nothing cut (issue 30): the demo's failures in the real toolbar popup, and in the report at half the
// popup's width (the popup's 460 px at 200 % zoom: the report page is fluid, so it is laid out at 230 px),
// in each shipped language. URLs and hosts lose their middle in the text itself, never by CSS.
import { expect, it, describe } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as PopupPage } from 'puppeteer-core';
import { chromiumSuite } from '../support/chromium-suite';

/** Elements of the header, the page summary and the lines whose content is wider than their box. */
const cutElements = (): string[] => {
  const cut: string[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('.top, .top *, .bar, .bar *, .filters, .filters *, .page-summary *, .line-toggle, .line-toggle *')) {
    if (element.closest('.visually-hidden') || !element.checkVisibility() || element instanceof SVGElement) continue;
    if (element.scrollWidth > element.clientWidth && getComputedStyle(element).display !== 'inline') cut.push(`${element.className}: ${element.textContent}`);
  }
  for (const title of document.querySelectorAll('.line-title, .failure h3')) {
    const style = getComputedStyle(title);
    if (style.textOverflow === 'ellipsis' || style.whiteSpace === 'nowrap') cut.push(`title on one row: ${title.textContent}`);
  }
  if (document.querySelector('.bar')!.scrollWidth > document.body.clientWidth) cut.push('the bar is wider than the page');
  return cut;
};

const titled = () => document.querySelector('main[aria-busy="false"]') !== null &&
  [...document.querySelectorAll('.line-title')].every((title) => title.textContent !== '');

describe.each(['en', 'de', 'es'])('%s', (language) => {
  const suite = chromiumSuite({ nginx: false }, { language });

  it('the demo in the popup, and in the report at 200 % of the popup: no line or header element is cut', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/demo`);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
    const tabId = await suite.browser.tabIdOf(page);
    await suite.browser.failures(tabId, 10);
    const popup: PopupPage = await suite.browser.toolbarPopup(page);
    await popup.waitForFunction(titled);
    expect(await popup.evaluate(() => document.querySelectorAll('.line').length)).toBeGreaterThanOrEqual(10);
    expect(await popup.evaluate(cutElements)).toEqual([]);
    await popup.close();

    const report: Page = await suite.browser.context.newPage();
    await report.setViewportSize({ width: 230, height: 600 });
    await report.goto(`${suite.browser.reportUrl}?tab=${tabId}`);
    await report.waitForFunction(titled);
    // Closed, as the popup shows them.
    await report.click('#collapse-all');
    await report.waitForSelector('.line-toggle[aria-expanded="false"]');
    expect(await report.evaluate(() => document.body.clientWidth)).toBe(230);
    expect(await report.evaluate(cutElements)).toEqual([]);
    // An opened card: the visitor's advice first, the owner's behind its own disclosure, the technical details last.
    await report.click('[data-code="409"] .line-toggle');
    const body = await report.$eval('[data-code="409"] .line-body', (element) => ({
      last: element.lastElementChild?.matches('details.tech'), ownerOpen: element.querySelector<HTMLDetailsElement>('details.owner')?.open,
      visitorFirst: element.querySelector('.advice')?.firstElementChild?.matches('section.steps'),
    }));
    expect(body).toEqual({ last: true, ownerOpen: false, visitorFirst: true });
    // The History with its export buttons, at the popup's width.
    await report.setViewportSize({ width: 460, height: 600 });
    await report.goto(`chrome-extension://${suite.browser.extensionId}/src/popup/index.html?view=history`);
    await report.waitForSelector('[data-failure] h3:not(:empty)');
    expect(await report.evaluate(cutElements)).toEqual([]);
    await Promise.all([report.close(), page.close()]);
  });
});
