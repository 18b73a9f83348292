// The popup at a glance: the page summary, one line per failure in the toolbar popup, details on demand,
// and the report with every card open. The popup is the real one (action.openPopup), driven by puppeteer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Page as PopupPage } from 'puppeteer-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();
let serial = 0;

/** A fresh tab on the site; `failures` makes its requests fail, and resolves once the report lists `expect` of them. */
async function tabWith(failures: (page: Page) => Promise<unknown>, expect: number): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?glance${++serial}`);
  await failures(page);
  const tabId = await suite.browser.tabIdOf(page);
  await suite.browser.failures(tabId, expect);
  return { page, tabId };
}

/** An image, a script and a fetch that fail, as a page would make them. */
const imageScriptFetch = (page: Page) =>
  page.evaluate(async (origin) => {
    const settle = (el: HTMLImageElement | HTMLScriptElement) => new Promise((done) => { el.onload = el.onerror = done; });
    const img = new Image();
    img.src = `${origin}/img/404.gif`;
    const script = document.createElement('script');
    script.src = `${origin}/status/500?script`;
    document.head.append(script);
    await Promise.all([settle(img), settle(script), fetch(`${origin}/status/502`, { credentials: 'omit' }).catch(() => {})]);
  }, suite.site.origin);

interface SummaryView { status: string | null; kinds: string | null; text: string }
const readSummary = (): SummaryView => {
  const el = document.querySelector('[data-summary]')!;
  return { status: el.getAttribute('data-page-status'), kinds: el.getAttribute('data-failed-kinds'), text: el.textContent ?? '' };
};

/** The summary once every failure is on the page (the report page of Playwright, or the popup of puppeteer). */
async function summaryOf(page: Page | PopupPage): Promise<SummaryView> {
  const ready = () => document.querySelector('[data-summary][data-page-status]') !== null && document.querySelector('main[aria-busy="false"]') !== null;
  if ('isClosed' in page && 'target' in page) await (page as PopupPage).waitForFunction(ready);
  else await (page as Page).waitForFunction(ready);
  return (page as Page).evaluate(readSummary);
}

const lineStates = (popup: PopupPage) =>
  popup.$$eval('[data-failure]', (lines) => lines.map((line) => ({
    code: line.getAttribute('data-code'),
    expanded: line.querySelector('.line-toggle')?.getAttribute('aria-expanded'),
    text: line.querySelector('.what')?.textContent ?? '',
  })));
const focusedCode = (popup: PopupPage) => popup.evaluate(() => document.activeElement?.closest('[data-failure]')?.getAttribute('data-code'));

describe('page summary', () => {
  it('a failing image, script and fetch: partial, with those kinds, in the report and the popup', async () => {
    const { page, tabId } = await tabWith(imageScriptFetch, 3);
    const { page: report } = await suite.browser.report(tabId, 3);
    const summary = await summaryOf(report);
    expect(summary).toMatchObject({ status: 'partial', kinds: 'script,api,image' });
    expect(summary.text).toContain('1 script, 1 API call and 1 image failed, so parts of it may not work');
    // The likely side comes from the catalog, after the first paint.
    await report.waitForFunction(() => document.querySelector('.likely-side')?.textContent !== '');
    await report.close();
    const popup = await suite.browser.toolbarPopup(page);
    expect(await summaryOf(popup)).toMatchObject({ status: 'partial', kinds: 'script,api,image' });
    await popup.close();
    await page.close();
  });

  it('a main-frame 503: failed, and its line opens by itself in the popup', async () => {
    const { page, tabId } = await tabWith(async (p) => {
      await p.goto(`${suite.site.origin}/status/503?page`);
      await p.evaluate((url) => fetch(url, { credentials: 'omit' }).catch(() => {}), `${suite.site.origin}/status/500?api`);
    }, 2);
    const { page: report } = await suite.browser.report(tabId, 2);
    expect(await summaryOf(report)).toMatchObject({ status: 'failed', kinds: 'document,api' });
    expect((await summaryOf(report)).text).toContain('The page itself failed: the server answered 503.');
    await report.close();
    const popup = await suite.browser.toolbarPopup(page);
    await summaryOf(popup);
    const lines = await lineStates(popup);
    expect(lines.map((l) => [l.code, l.expanded])).toEqual([['503', 'true'], ['500', 'false']]);
    expect(lines[0]!.text).not.toBe('');
    await popup.close();
    await page.close();
  });

  it('a line beside the open card gets its own title, not its step\'s fallback', async () => {
    // The open 503 card needs the statuses part of the catalog; the DNS line needs another part.
    const { page, tabId } = await tabWith(async (p) => {
      await p.goto(`${suite.site.origin}/status/503?titles`);
      await p.evaluate((url) => fetch(url).catch(() => {}), 'http://nonexistent.invalid/titles.gif');
    }, 2);
    const { page: report } = await suite.browser.report(tabId, 2);
    const titleIn = (view: Page | PopupPage) => (view as Page).$eval('[data-failure][data-code="net::ERR_NAME_NOT_RESOLVED"] .line-title', (el) => el.textContent);
    const reportTitle = await titleIn(report);
    await report.close();
    const popup = await suite.browser.toolbarPopup(page);
    await summaryOf(popup);
    expect(await titleIn(popup)).toBe(reportTitle);
    expect(reportTitle).toMatch(/name|address|DNS/i);
    await popup.close();
    await page.close();
  });

  it('a clean page: ok', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/clean?n=6`);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
    const { page: report } = await suite.browser.report(await suite.browser.tabIdOf(page));
    expect(await summaryOf(report)).toMatchObject({ status: 'ok', kinds: '' });
    await report.close();
    await page.close();
  });
});

describe('one line per failure in the toolbar popup', () => {
  it('Enter opens a line, Escape closes it, arrows move, only one is open, a click opens', async () => {
    const { page } = await tabWith(imageScriptFetch, 3);
    const popup = await suite.browser.toolbarPopup(page);
    await summaryOf(popup);
    // Collapsed: each line holds its title, but not the card's text. (Once in CI, 2026-12-02, the popup
    // was complete with 2 of the 3 lines when first read: it follows the log, so wait for all three.)
    await popup.waitForFunction(() => document.querySelectorAll('.line').length === 3 &&
      [...document.querySelectorAll('.line-title')].every((t) => t.textContent !== ''));
    expect((await lineStates(popup)).map((l) => [l.expanded, l.text])).toEqual([['false', ''], ['false', ''], ['false', '']]);

    const tops = () => popup.$$eval('.line-toggle', (toggles) => toggles.map((toggle) => toggle.getBoundingClientRect().top));
    const collapsedTops = await tops();
    await popup.focus('.line-toggle');
    const first = await focusedCode(popup);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[aria-expanded="true"]');
    // No jump: the opened line stays where it was; only what is below it moves down.
    expect((await tops())[0]).toBe(collapsedTops[0]);
    let lines = await lineStates(popup);
    expect(lines.find((l) => l.code === first)).toMatchObject({ expanded: 'true' });
    expect(lines.find((l) => l.code === first)!.text).not.toBe('');

    await popup.keyboard.press('ArrowDown');
    const second = await focusedCode(popup);
    expect(second).not.toBe(first);
    await popup.keyboard.press(' ');
    await popup.waitForFunction((code) => document.querySelector(`[data-code="${code}"] .line-toggle`)?.getAttribute('aria-expanded') === 'true', {}, second);
    lines = await lineStates(popup);
    expect(lines.filter((l) => l.expanded === 'true').map((l) => l.code)).toEqual([second]);

    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => !document.querySelector('[aria-expanded="true"]'));
    expect(await focusedCode(popup)).toBe(second);
    // The popup is still there: Escape closed the line, not the popup.
    expect(popup.isClosed()).toBe(false);
    // Escape on another (closed) line's toggle closes the open line and leaves the focus where it is.
    await popup.keyboard.press(' ');
    await popup.waitForSelector('[aria-expanded="true"]');
    await popup.keyboard.press('ArrowDown');
    const third = await focusedCode(popup);
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => !document.querySelector('[aria-expanded="true"]'));
    expect(await focusedCode(popup)).toBe(third);

    await popup.click(`[data-code="${first}"] .line-toggle`);
    await popup.waitForFunction((code) => document.querySelector(`[data-code="${code}"] .line-toggle`)?.getAttribute('aria-expanded') === 'true', {}, first);
    await popup.close();
    await page.close();
  });
});

describe('the report', () => {
  it('shows every card open, with a control to collapse all', async () => {
    const { page, tabId } = await tabWith(imageScriptFetch, 3);
    const { page: report, failures } = await suite.browser.report(tabId, 3);
    expect(failures).toHaveLength(3);
    const states = () => report.$$eval('[data-failure]', (cards) => cards.map((c) => [
      c.querySelector('.line-toggle')?.getAttribute('aria-expanded'), (c.querySelector('.what')?.textContent ?? '') !== '',
      c.querySelectorAll('.advice li').length > 0, c.checkVisibility(),
    ]));
    expect(await states()).toEqual([['true', true, true, true], ['true', true, true, true], ['true', true, true, true]]);
    await report.click('#collapse-all');
    await report.waitForFunction(() => !document.querySelector('[aria-expanded="true"]'));
    await report.click('#collapse-all');
    await report.waitForFunction(() => document.querySelectorAll('[aria-expanded="true"]').length === 3);
    await report.close();
    await page.close();
  });
});

/** axe-core (the engine @axe-core/playwright runs) in the real popup, which only puppeteer can reach. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axeViolations(popup: PopupPage): Promise<string[]> {
  if (!(await popup.evaluate(() => 'axe' in window))) await popup.evaluate(axeSource);
  return popup.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run();
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('accessibility (axe-core)', () => {
  it('the popup has no violations with its lines collapsed and with one open, in light and dark', async () => {
    const { page } = await tabWith(imageScriptFetch, 3);
    const popup = await suite.browser.toolbarPopup(page);
    await summaryOf(popup);
    await popup.waitForFunction(() => [...document.querySelectorAll('.line-title')].every((t) => t.textContent !== ''));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('.line-toggle');
    await popup.waitForSelector('[aria-expanded="true"]');
    await popup.waitForFunction(() => document.querySelector('.line.open .what')?.textContent !== '');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the report has no violations with every card open', { timeout: 150_000 }, async () => {
    const { page, tabId } = await tabWith(imageScriptFetch, 3);
    const { page: report } = await suite.browser.report(tabId, 3);
    const { violations } = await new AxeBuilder({ page: report }).analyze();
    expect(violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await report.close();
    await page.close();
  });
});
