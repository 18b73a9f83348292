// Real Firefox ESR with its interface in German (the `intl.locale.requested` pref and Debian's German
// language pack): the report for a 409, a DNS failure and a 503 with Retry-After speaks German, with none
// of the English left, and the data-* contract is the same as in English.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSite } from '../../servers/site.mjs';
import { FirefoxBrowser } from '../../support/firefox-browser.mjs';
import { localeTexts } from '../../support/locale-texts';

const UI_KEYS = ['forVisitor', 'forOwner', 'copyReport', 'stage_receive', 'stage_dns', 'details', 'whoseSide'];
const CATALOG = [['statuses', '409'], ['statuses', '503'], ['local', 'NAME_NOT_RESOLVED']] as const;
const german = localeTexts('de');

let firefox: FirefoxBrowser;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  site = await startSite({ nginx: false });
  firefox = await FirefoxBrowser.launch({ prefs: { 'intl.locale.requested': 'de' } });
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

it('Firefox in German: the report speaks German, with the same data-* contract', async () => {
  const control = await firefox.control();
  // Without the language pack Firefox stays in English whatever the pref says: fail here, not later.
  expect(await control.evaluate(() => browser.i18n.getUILanguage())).toMatch(/^de/);

  const page = await firefox.newPage();
  await page.goto(`${site.origin}/pages/blank?firefox-german`);
  const tabId = await firefox.tabIdOf(page);
  await page.evaluate(async (origin) => {
    await Promise.all([
      fetch(`${origin}/status/409`, { method: 'PUT', credentials: 'omit' }),
      fetch(`${origin}/status/503?h=Retry-After:120`, { credentials: 'omit' }),
      fetch('http://nonexistent.invalid/api').catch(() => {}),
    ]);
  }, site.origin);

  const report = await firefox.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  let failures = await firefox.readReport(report);
  for (let i = 0; i < 50 && failures.length < 3; i++) {
    await report.reload().catch(() => {});
    failures = await firefox.readReport(report);
  }
  expect(failures.map((f) => f.code).sort()).toEqual(['409', '503', 'NS_ERROR_UNKNOWN_HOST']);
  expect(failures.find((f) => f.code === 'NS_ERROR_UNKNOWN_HOST')?.stage).toBe('dns');
  expect(await report.evaluate(() => document.documentElement.lang)).toMatch(/^de/);

  // textContent: Firefox leaves content-visibility:auto cards that are off screen out of innerText.
  const text = await report.$eval('main', (main) => main.textContent ?? '');
  for (const [part, key] of CATALOG) expect(text).toContain(german.title(part, key));
  for (const phrase of german.expected(UI_KEYS)) expect(text).toContain(phrase);
  for (const phrase of german.english(UI_KEYS, CATALOG)) expect(text, `English left: ${phrase}`).not.toContain(phrase);
  // The Retry-After advice is worded in German too ("in 2 Minuten").
  expect(text).toContain('in 2 Minuten');
  await Promise.all([report.close(), page.close()]);
}, 120_000);
