// One type scale on every page (issue 30): body about 13 px, secondary 12, titles 14 and more; no text
// under 12 px, and a card's notes never louder than its explanation. Measured as Chromium renders it.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { openDevtoolsPanel } from '../support/devtools-panel';

const suite = chromiumSuite({ nginx: false });

interface Sizes { smallest: { px: number; what: string }; body: number }

/** The smallest font size of any element holding visible text of its own, and the body's size. */
const measure = (page: Page): Promise<Sizes> => page.evaluate(() => {
  let smallest = { px: Infinity, what: '' };
  for (const element of document.querySelectorAll<HTMLElement>('body *')) {
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    // Read out only (visually hidden) or not shown: not part of what is read on screen.
    if (!ownText || !element.checkVisibility() || element.closest('.visually-hidden') || element.getClientRects()[0]!.width <= 1) continue;
    const px = parseFloat(getComputedStyle(element).fontSize);
    if (px < smallest.px) smallest = { px, what: `${element.tagName}.${element.className}: ${element.textContent!.slice(0, 40)}` };
  }
  return { smallest, body: parseFloat(getComputedStyle(document.body).fontSize) };
});

const sizeOf = (page: Page, selector: string) => page.$eval(selector, (el) => {
  const style = getComputedStyle(el);
  return { px: parseFloat(style.fontSize), weight: Number(style.fontWeight) };
});

it('the report with every card open, and a POST that is not rechecked: nothing under 12 px, notes no louder than the explanation', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?type-scale`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(async (origin) => {
    await fetch(`${origin}/status/409`, { method: 'POST', credentials: 'omit' });
    await fetch(`${origin}/status/503?h=Retry-After:120`, { credentials: 'omit' });
    await fetch('http://nonexistent.invalid/api').catch(() => {});
  }, suite.site.origin);
  const { page: report } = await suite.browser.report(tabId, 3);
  await report.waitForFunction(() => document.querySelectorAll('.line.open .what').length === 3);
  // A POST is not repeated: the card says why, as a secondary note.
  await report.locator('[data-code="409"] .skip-reason').waitFor();
  const sizes = await measure(report);
  expect(sizes.body).toBe(13);
  expect(sizes.smallest.px, sizes.smallest.what).toBeGreaterThanOrEqual(12);
  const what = await sizeOf(report, '[data-code="409"] .what');
  const skip = await sizeOf(report, '[data-code="409"] .skip-reason');
  expect(skip.px).toBeLessThanOrEqual(what.px);
  expect(skip.weight).toBeLessThanOrEqual(what.weight);
  expect((await sizeOf(report, '#summary-sentence')).px).toBeGreaterThanOrEqual(14);
  expect((await sizeOf(report, '.line-title')).px).toBeGreaterThanOrEqual(13);
  // The History shows the same failures as cards.
  await report.goto(`chrome-extension://${suite.browser.extensionId}/src/popup/index.html?view=history`);
  await report.waitForSelector('[data-failure] h3:not(:empty)');
  const history = await measure(report);
  expect(history.smallest.px, history.smallest.what).toBeGreaterThanOrEqual(12);
  await Promise.all([report.close(), page.close()]);
});

it('the settings page and the DevTools panel: body 13 px, nothing under 12 px', async () => {
  const options = await suite.browser.context.newPage();
  await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
  await options.waitForSelector('#settings h2');
  const sizes = await measure(options);
  expect(sizes.body).toBe(13);
  expect(sizes.smallest.px, sizes.smallest.what).toBeGreaterThanOrEqual(12);
  expect((await sizeOf(options, 'h2')).px).toBeGreaterThanOrEqual(14);
  await options.close();
  const panel = await openDevtoolsPanel(suite.browser);
  await panel.waitForSelector('[data-failure] .what');
  const panelSizes = await measure(panel);
  expect(panelSizes.body).toBe(13);
  expect(panelSizes.smallest.px, panelSizes.smallest.what).toBeGreaterThanOrEqual(12);
  await panel.close();
});
