// The server's own words (issue 30): webRequest never shows a response body, but a recheck reads its own
// answer; when that is a problem description (application/problem+json), its title and detail are quoted
// on the card as text. Any other body stays unread.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite({ nginx: false });

async function recheckedCard(path: string): Promise<{ page: Page; report: Page; url: string }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?server-words`);
  const tabId = await suite.browser.tabIdOf(page);
  const url = `${suite.site.origin}${path}`;
  await page.evaluate((target) => fetch(target, { credentials: 'omit' }).catch(() => {}), url);
  const { page: report } = await suite.browser.report(tabId, 1);
  const card = report.locator(`[data-failure][data-url="${url}"]`);
  await card.locator('button[data-action="recheck"]').click();
  await card.and(report.locator('[data-recheck="failing"]')).waitFor({ timeout: 45_000 });
  return { page, report, url };
}

it('a 409 answered with a problem description: its title and detail, quoted as text, as what the server said', async () => {
  const detail = 'The document was changed by someone else since you loaded it <img src=x onerror="document.title=1">';
  const { page, report, url } = await recheckedCard(`/status/409?type=json&detail=${encodeURIComponent(detail)}`);
  const words = report.locator(`[data-failure][data-url="${url}"] [data-server-words]`);
  expect(await words.locator('figcaption').textContent()).toBe('The server said:');
  expect(await words.locator('.server-title').textContent()).toBe('“Conflict”');
  expect(await words.locator('.server-detail').textContent()).toBe(`“${detail}”`);
  // Text, never HTML: no element came from the server's words.
  expect(await words.locator('img').count()).toBe(0);
  await Promise.all([report.close(), page.close()]);
});

it('a plain-text error body is not read, and nothing is quoted', async () => {
  const { page, report, url } = await recheckedCard('/status/409?plain');
  const card = report.locator(`[data-failure][data-url="${url}"]`);
  // The verdict is there (the positive signal); no server words with it.
  expect(await card.locator('.verdict').textContent()).toMatch(/Still failing/);
  expect(await card.locator('[data-server-words]').count()).toBe(0);
  await Promise.all([report.close(), page.close()]);
});
