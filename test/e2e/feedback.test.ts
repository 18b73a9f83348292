// Feedback and plain words (issue 30): the settings page at a glance (each label beside its control and no
// smaller than its help, choices in plain words, "Saved" after a change), the shortcuts page, and "Copied".
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

async function openSettings(): Promise<Page> {
  const options = await suite.browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 800 });
  await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
  await options.waitForSelector('#settings h2');
  return options;
}

it('labels sit beside their controls, at least as large as their help; the choices are plain words', async () => {
  const options = await openSettings();
  const layout = await options.$$eval('#settings label:has(select)', (labels) => labels.map((label) => {
    const text = label.querySelector(':scope > span')!;
    const words = document.createRange();
    words.selectNodeContents(text.firstChild!);
    const select = label.querySelector('select')!;
    const hint = label.querySelector('.hint');
    return {
      gap: select.getBoundingClientRect().left - words.getBoundingClientRect().right,
      labelPx: parseFloat(getComputedStyle(text).fontSize), hintPx: hint ? parseFloat(getComputedStyle(hint).fontSize) : 0,
    };
  }));
  expect(layout.length).toBeGreaterThanOrEqual(4);
  for (const { gap, labelPx, hintPx } of layout) {
    expect(gap).toBeLessThanOrEqual(40);
    expect(labelPx).toBeGreaterThanOrEqual(hintPx);
  }
  const choices = await options.$$eval('#minSeverity option', (list) => list.map((option) => option.textContent));
  expect(choices.sort()).toEqual(['Also “not found”', 'Everything', 'Only serious problems']);
  // The choices and their labels are plain words (the ignore-rule editor's help may show the syntax a rule takes).
  const words = await options.$$eval('label, option, legend, h2', (list) =>
    list.filter((element) => !element.closest('#rule-editor')).map((element) => element.textContent).join('\n'));
  expect(words).not.toMatch(/storage\.local|\(fetch, XHR\)|4xx/);
  await options.close();
});

it('a change says "Saved" in a status message', async () => {
  const options = await openSettings();
  await options.selectOption('#position', 'top-left');
  await options.waitForFunction(() => document.getElementById('saved')?.textContent === 'Saved');
  expect(await options.getAttribute('#saved', 'role')).toBe('status');
  expect(await options.evaluate(() => chrome.storage.sync.get('position'))).toEqual({ position: 'top-left' });
  await options.selectOption('#position', 'bottom-right');
  await options.close();
});

it("the shortcut line opens Chromium's page of extension shortcuts", async () => {
  const options = await openSettings();
  const [shortcuts] = await Promise.all([suite.browser.context.waitForEvent('page'), options.click('#shortcut-page')]);
  await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
  await Promise.all([shortcuts.close(), options.close()]);
});

it('Copy report says "Copied" on the button and in a status message', async () => {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?copied`);
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate((url) => fetch(url, { credentials: 'omit' }), `${suite.site.origin}/status/500?copied`);
  const { page: report } = await suite.browser.report(tabId, 1);
  await report.click('[data-failure] button[data-action="copy"]');
  await report.waitForFunction(() => document.querySelector('[data-failure] button[data-action="copy"]')?.textContent === 'Copied');
  await report.waitForFunction(() => document.querySelector('#announce[role="status"]')?.textContent === 'Copied');
  await Promise.all([report.close(), page.close()]);
});
