// A calm page (issue 30): its only failure is a missing favicon, which breaks nothing. The toolbar shows no
// count, and the popup says so without an alarm colour anywhere.
import { expect, it } from 'vitest';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

it('only a favicon 404: no badge count, a muted count and no red in the popup', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?calm`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate((url) => new Promise((done) => Object.assign(new Image(), { onload: done, onerror: done, src: url })), `${suite.site.origin}/missing/favicon.ico`);
  expect((await suite.browser.failures(tabId, 1)).map((f) => f.code)).toEqual(['404']);
  // The toolbar was set for this failure (its popup URL hands it over; the badge is set in the same step), then read.
  await expect.poll(() => suite.browser.popupUrl(tabId)).toContain('favicon.ico');
  expect(await suite.browser.badge(tabId)).toBe('');
  const popup = await suite.browser.toolbarPopup(page);
  await popup.waitForFunction(() => document.querySelector('.line-title')?.textContent !== '' && document.querySelector('#summary')?.textContent !== '');
  const seen = await popup.evaluate(() => {
    const fail = getComputedStyle(document.documentElement).getPropertyValue('--fail').trim();
    const red = (element: Element | null) => {
      const probe = document.createElement('span');
      probe.style.color = fail;
      document.body.append(probe);
      const failColour = getComputedStyle(probe).color;
      probe.remove();
      const style = getComputedStyle(element!);
      return [style.color, style.backgroundColor, style.borderLeftColor].includes(failColour);
    };
    return {
      verdict: document.getElementById('summary-sentence')!.textContent,
      count: document.getElementById('summary')!.textContent,
      alarm: ['#summary', '#summary-sentence', '.failure.line', '.chip'].filter((selector) => red(document.querySelector(selector))),
    };
  });
  expect(seen.verdict).toMatch(/breaks nothing/);
  expect(seen.count).toBe('1 failed');
  expect(seen.alarm).toEqual([]);
  await popup.close();
  // Something that breaks: the count is back, with both.
  await page.evaluate((url) => fetch(url, { credentials: 'omit' }), `${suite.site.origin}/status/500?calm`);
  await expect.poll(() => suite.browser.badge(tabId)).toBe('2');
  await page.close();
});
