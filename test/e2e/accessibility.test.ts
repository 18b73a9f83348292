// axe-core on every page the extension shows, light and dark: zero violations of any impact, no rule disabled.
import { AxeBuilder } from '@axe-core/playwright';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { waitForNotice } from '../support/chromium-notice';
import { openDevtoolsPanel, recordedHar } from '../support/devtools-panel';

const suite = chromiumSuite({ nginx: false });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let serial = 0;

type Violation = { id: string; impact?: string | null; nodes: { target: unknown; failureSummary?: string }[] };
const summary = (violations: Violation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);

async function audit(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return summary(violations);
}

/** The notification lives in a frame inside a closed shadow root, out of reach from the page: run axe in the frame. */
async function auditFrame(frame: Frame): Promise<string[]> {
  // Its entrance fades in: colours read mid-animation are blended with the page (a contrast "failure" once in CI).
  await frame.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(() => (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run().then((r) => r.violations));
  return summary(violations);
}

async function failingTab(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?axe${++serial}`);
  await page.bringToFront();
  const tabId = await suite.browser.tabIdOf(page);
  await page.evaluate(async (origin) => {
    await Promise.all([
      fetch(`${origin}/status/409`, { method: 'PUT', credentials: 'omit' }),
      fetch(`${origin}/status/503?h=Retry-After:120&h=Server:nginx`, { credentials: 'omit' }),
      fetch('http://nonexistent.invalid/api').catch(() => {}),
      fetch('http://127.0.0.1:9/refused').catch(() => {}),
    ]);
  }, suite.site.origin);
  return { page, tabId };
}

describe.each(['light', 'dark'] as const)('accessibility, %s', { timeout: 180_000 }, (colorScheme) => {
  it('the history view with failures', async () => {
    const { page } = await failingTab();
    const view = await suite.browser.context.newPage();
    await view.emulateMedia({ colorScheme });
    await expect.poll(async () => {
      await view.goto(`${suite.browser.reportUrl}?view=history`);
      await view.waitForSelector('main[aria-busy="false"]');
      return view.locator('[data-failure]').count();
    }, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    expect(await audit(view)).toEqual([]);
    await Promise.all([view.close(), page.close()]);
  });

  it('the DevTools panel with the recorded failures', async () => {
    const panel = await openDevtoolsPanel(suite.browser);
    await panel.emulateMedia({ colorScheme });
    // Every entry of the recording is a failure, and each gets its card before axe runs.
    await expect.poll(() => panel.locator('[data-failure]').count()).toBe(recordedHar.log.entries.length);
    expect(await audit(panel)).toEqual([]);
    await panel.close();
  });

  it('the full report with failures', async () => {
    const { page, tabId } = await failingTab();
    const { page: report } = await suite.browser.report(tabId, 4);
    await report.emulateMedia({ colorScheme });
    await report.locator('details.tech').first().evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await audit(report)).toEqual([]);
    await Promise.all([report.close(), page.close()]);
  });

  it('the popup, empty', async () => {
    const popup = await suite.browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.emulateMedia({ colorScheme });
    await popup.goto(suite.browser.reportUrl);
    await popup.waitForSelector('main[aria-busy="false"], main:has-text(" ")');
    expect(await audit(popup)).toEqual([]);
    await popup.close();
  });

  it('the popup with more failures than its first screen, drawn from the URL and then by its modules', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?axe${++serial}`);
    const tabId = await suite.browser.tabIdOf(page);
    await page.evaluate((origin) => Promise.all(Array.from({ length: 30 }, (_, i) => fetch(`${origin}/status/404?line=${i}`, { credentials: 'omit' }))), suite.site.origin);
    await suite.browser.failures(tabId, 30);
    const url = await suite.browser.popupUrl(tabId);
    expect(url).toContain('#');
    const popup = await suite.browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.emulateMedia({ colorScheme });
    await popup.goto(url);
    await popup.waitForSelector('main[aria-busy="false"]');
    expect(await popup.locator('[data-failure]').count()).toBe(30);
    // Two scripts build lines here (the first screen's and the modules'): each toggle controls its own line's body.
    const controls = await popup.$$eval('.line', (lines) => lines.map((line) => {
      const id = line.querySelector('.line-toggle')?.getAttribute('aria-controls') ?? '';
      return document.getElementById(id)?.closest('.line') === line;
    }));
    expect(controls.filter((own) => !own)).toEqual([]);
    expect(await audit(popup)).toEqual([]);
    await Promise.all([popup.close(), page.close()]);
  });

  it('the options page', async () => {
    const options = await suite.browser.context.newPage();
    await options.emulateMedia({ colorScheme });
    await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
    await options.waitForSelector('#settings h2');
    expect(await audit(options)).toEqual([]);
    await options.close();
  });

  it('the in-page notification', async () => {
    const { page } = await failingTab();
    await page.emulateMedia({ colorScheme });
    const frame = await waitForNotice(suite.browser, page, undefined, 15_000);
    expect(await auditFrame(frame)).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  it('the options page shows the shortcut that opens the popup', async () => {
    const options = await suite.browser.context.newPage();
    await options.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html`);
    await options.waitForSelector('#shortcut');
    const keys = await options.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === '_execute_action')?.shortcut);
    expect(keys).toBe('Alt+Shift+E');
    expect(await options.locator('#shortcut').innerText()).toContain('Open Request Doctor: Alt+Shift+E');
    await options.close();
  });

  it('Tab reaches every card and its copy button in order, with a visible focus ring, and Enter copies', { timeout: 180_000 }, async () => {
    const { page, tabId } = await failingTab();
    const { page: report } = await suite.browser.report(tabId, 4);
    await report.bringToFront();
    const stops: { what: string; outline: string }[] = [];
    for (let i = 0; i < 60; i++) {
      await report.keyboard.press('Tab');
      stops.push(await report.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // A card's own stop is its line's disclosure button (the report shows every line open).
        const card = el.closest<HTMLElement>('[data-failure]');
        const what = card && (el === card || el.matches('.line-toggle')) ? `card ${card.dataset.code}` : el.matches('button[data-action="copy"]') ? 'copy' : el.tagName.toLowerCase();
        return { what, outline: getComputedStyle(el).outlineStyle };
      }));
    }
    const cards = stops.filter((s) => s.what.startsWith('card'));
    expect(new Set(cards.map((s) => s.what)).size).toBe(4);
    // Each card is followed by its own copy button before the next card.
    const order = stops.map((s) => s.what).filter((w) => w.startsWith('card') || w === 'copy').slice(0, 8);
    expect(order.filter((_, i) => i % 2 === 1)).toEqual(['copy', 'copy', 'copy', 'copy']);
    for (const stop of stops.filter((s) => s.what.startsWith('card') || s.what === 'copy')) expect(stop.outline).not.toBe('none');
    await report.locator('[data-failure] button[data-action="copy"]').first().focus();
    await report.keyboard.press('Enter');
    await report.waitForSelector('[data-failure] button[data-action="copy"]:text("Copied")');
    await Promise.all([report.close(), page.close()]);
  });
});

describe('notification and keyboard', () => {
  it('never takes focus, yet Tab past the page reaches its buttons, and Esc closes it', { timeout: 180_000 }, async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.site.origin}/pages/blank?axe-keys${++serial}`);
    await page.bringToFront();
    await page.evaluate(() => {
      const input = document.body.appendChild(document.createElement('input'));
      input.focus();
    });
    await page.evaluate((origin) => fetch(`${origin}/status/503`).catch(() => {}), suite.site.origin);
    const frame = await waitForNotice(suite.browser, page, undefined, 15_000);
    // Shown, and the page kept its focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    // The notification comes after the page's own controls in the tab order.
    await page.keyboard.press('Tab');
    await expect.poll(() => frame.evaluate(() => document.hasFocus() && document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll(':popover-open').length === 0);
    await page.close();
  });
});

describe('screen readers', () => {
  it('read the strip as one sentence', { timeout: 180_000 }, async () => {
    const { page, tabId } = await failingTab();
    const { page: report } = await suite.browser.report(tabId, 4);
    const sentence = (code: string) => report.locator(`[data-failure][data-code="${code}"] .strip p.visually-hidden`).textContent();
    expect(await sentence('503')).toBe('Failed at: Receive response; the steps before it passed (no TLS handshake: plain http).');
    expect(await sentence('net::ERR_NAME_NOT_RESOLVED')).toBe('Failed at the first step: DNS lookup.');
    // Port 9 is one Chromium refuses to use: stopped in the browser, before any step.
    expect(await sentence('net::ERR_UNSAFE_PORT')).toBe('Failed at the first step: Browser.');
    // The visual strip is hidden from assistive technology, so nothing is read twice.
    expect(await report.locator('[data-failure] ol.cycle[aria-hidden="true"]').count()).toBe(4);
    await Promise.all([report.close(), page.close()]);
  });
});
