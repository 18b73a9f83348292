// Chromium with its interface in each shipped language: popup/report, options page, notification and the
// copied report speak that language, with none of the English left where a translation differs.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { waitForNotice } from '../support/chromium-notice';
import { localeTexts, titleOf } from '../support/locale-texts';

const locales = readdirSync(new URL('../../public/_locales/', import.meta.url));
const UI_KEYS = ['forVisitor', 'forOwner', 'copyReport', 'stage_receive', 'stage_dns', 'details', 'whoseSide'];
const OPTION_KEYS = ['optionsNotifications', 'optionNotify', 'optionPosition', 'optionsReport', 'optionStripQuery', 'mutedLegend'];
const CATALOG = [['statuses', '409'], ['statuses', '503'], ['local', 'NAME_NOT_RESOLVED']] as const;

describe.each(locales)('interface language %s', (locale) => {
  const suite = chromiumSuite({ nginx: false }, { language: locale });
  const { own, language, expected, english: englishOf } = localeTexts(locale);
  const english = (keys: string[], titles = false) => englishOf(keys, titles ? CATALOG : []);
  let serial = 0;

  async function failingPage(): Promise<{ page: Page; tabId: number }> {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?lang-${locale}-${++serial}`);
    await page.bringToFront();
    const tabId = await suite.browser.tabIdOf(page);
    await page.evaluate(async (origin) => {
      await Promise.all([
        fetch(`${origin}/status/409`, { method: 'PUT', credentials: 'omit' }),
        fetch(`${origin}/status/503?h=Retry-After:120`, { credentials: 'omit' }),
        fetch('http://nonexistent.invalid/api').catch(() => {}),
      ]);
    }, suite.site.origin);
    return { page, tabId };
  }

  const langOf = (target: Page | Frame) => target.evaluate(() => document.documentElement.lang);

  it('the browser runs in this language, and the report speaks it', async () => {
    const { page, tabId } = await failingPage();
    const { failures, page: report } = await suite.browser.report(tabId, 3);
    const uiLanguage = await report.evaluate(() => chrome.i18n.getUILanguage());
    expect(uiLanguage.toLowerCase().startsWith(locale.toLowerCase().replace('_', '-'))).toBe(true);
    expect(await langOf(report)).toBe(uiLanguage);
    expect(failures.map((f) => f.code).sort()).toEqual(['409', '503', 'net::ERR_NAME_NOT_RESOLVED']);
    const text = await report.locator('main').innerText();
    for (const [part, key] of CATALOG) expect(text).toContain(titleOf(language, part, key));
    for (const phrase of expected(UI_KEYS)) expect(text).toContain(phrase);
    for (const phrase of english(UI_KEYS, true)) expect(text, `English left: ${phrase}`).not.toContain(phrase);
    // The data-* contract does not depend on the language.
    expect(failures.find((f) => f.code === 'net::ERR_NAME_NOT_RESOLVED')?.stage).toBe('dns');
    await Promise.all([report.close(), page.close()]);
  });

  it('a recheck\'s verdict and the explanation of its new answer speak it too', async () => {
    const { page, tabId } = await failingPage();
    const { page: report } = await suite.browser.report(tabId, 3);
    const card = report.locator(`[data-failure][data-url="${suite.site.origin}/status/503?h=Retry-After:120"]`);
    await card.locator('button[data-action="recheck"]').click();
    const answer = card.locator('.recheck-failure');
    await answer.waitFor({ timeout: 45_000 });
    const text = await answer.innerText();
    expect(text).toContain(titleOf(language, 'statuses', '503'));
    if (titleOf(language, 'statuses', '503') !== titleOf('en', 'statuses', '503')) expect(text).not.toContain(titleOf('en', 'statuses', '503'));
    await Promise.all([report.close(), page.close()]);
  });

  it('the options page speaks it', async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
    await options.waitForSelector('#settings h2');
    const uiLanguage = await options.evaluate(() => chrome.i18n.getUILanguage());
    expect(await langOf(options)).toBe(uiLanguage);
    const text = await options.locator('body').innerText();
    for (const phrase of expected(OPTION_KEYS)) expect(text).toContain(phrase);
    for (const phrase of english(OPTION_KEYS)) expect(text, `English left: ${phrase}`).not.toContain(phrase);
    await options.close();
  });

  it('the in-page notification speaks it', async () => {
    const { page } = await failingPage();
    const frame = await waitForNotice(suite.browser, page, undefined, 15_000);
    expect(await langOf(frame)).toBe(await frame.evaluate(() => chrome.i18n.getUILanguage()));
    const text = await frame.locator('#notice').innerText();
    // An HTTP error's step says the server answered (as in the popup); the titles come from the catalog in this language.
    for (const phrase of expected(['noticeDetails', 'chipServerError', 'stage_dns'])) expect(text).toContain(phrase);
    for (const [part, key] of CATALOG) expect(text).toContain(titleOf(language, part, key));
    for (const phrase of english(['noticeDetails', 'chipServerError', 'stage_dns', 'noticeClose'], true)) expect(text, `English left: ${phrase}`).not.toContain(phrase);
    await page.close();
  });

  it('the copied report speaks it', async () => {
    const { page, tabId } = await failingPage();
    const { page: report } = await suite.browser.report(tabId, 3);
    await report.bringToFront();
    const copy = report.locator('[data-failure][data-code="409"] button[data-action="copy"]');
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe(own.copied!.message);
    await suite.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.site.origin });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // Labels are checked in their Markdown form: "Request" alone is also part of the product's name.
    const labels = ['reportRequest', 'reportFailedAt', 'forOwner'];
    for (const label of expected(labels)) expect(copied).toContain(`**${label}:**`);
    for (const label of english(labels)) expect(copied, `English left: ${label}`).not.toContain(`**${label}:**`);
    for (const phrase of expected(['stage_receive'])) expect(copied).toContain(phrase);
    for (const phrase of english(['stage_receive'])) expect(copied, `English left: ${phrase}`).not.toContain(phrase);
    expect(copied).toContain(titleOf(language, 'statuses', '409'));
    await Promise.all([report.close(), page.close()]);
  });
});
