// Team mode end to end: real Chromium sends the failures of my sites to Debian's real ClickHouse, started
// by the test on free ports with its own data directory. My site is `localhost`; `127.0.0.1` (the same
// server) is somebody else's site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { ExtensionBrowser } from '../support/extension-browser.mjs';
import { startClickHouse, TEAM_USERS } from '../servers/clickhouse.mjs';

const suite = chromiumSuite({ nginx: false });
let ch: Awaited<ReturnType<typeof startClickHouse>>;
let settingsPage: Page;

/** Team mode on, through the settings page's controls, with `localhost` as my site. */
async function teamSettings(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.evaluate(() => chrome.storage.sync.set({ mySites: ['localhost'] }));
  await page.locator('select[name="team-sink"]:not([disabled])').selectOption('clickhouse');
  await page.locator('[name="team-endpoint"]').fill(ch.origin);
  await page.locator('[name="team-user"]').fill('request_doctor_writer');
  await page.locator('[name="team-password"]').fill(TEAM_USERS.writer);
  return page;
}

beforeAll(async () => {
  ch = await startClickHouse();
  settingsPage = await teamSettings(suite.browser);
});
afterAll(() => ch?.close());

const myOrigin = () => suite.site.origin.replace('127.0.0.1', 'localhost');

interface Row { id: string; kind: string; recheck: string; host: string; path: string; method: string; code: string; status: number; stage: string; cause: string; resource_type: string; page_host: string; browser: string; install_id: string; query: string; url: string }
const rowsOf = async (where: string): Promise<Row[]> =>
  (await ch.query(`SELECT * FROM request_doctor.failures WHERE ${where} FORMAT JSONEachRow`)).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

/** A page at `origin` that fetches `path` and waits for its answer. */
async function failFrom(origin: string, path: string, browser = suite.browser, keep = false): Promise<Page> {
  const page = await browser.context.newPage();
  // A page address of its own: tabIdOf finds the tab by it.
  await page.goto(`${origin}/pages/blank?team=${encodeURIComponent(path)}`);
  await page.evaluate((url) => fetch(url).then((r) => r.status), path);
  if (!keep) await page.close();
  return page;
}

/** The card of the page's failure of `path`, opened in the report, once it says what the team saw. */
async function othersLine(page: Page, path: string): Promise<{ state: string | null; text: string | null }> {
  const { page: report } = await suite.browser.report(await suite.browser.tabIdOf(page), 1);
  const slot = report.locator(`[data-failure][data-url="${myOrigin()}${path}"] [data-team-others]:not([data-team-others=""]):not([data-team-others="asking"])`);
  await slot.waitFor({ state: 'attached' });
  const answer = { state: await slot.getAttribute('data-team-others'), text: await slot.textContent() };
  await report.close();
  return answer;
}

const queueOf = (page: Page) => page.evaluate(async () => (await chrome.storage.local.get('team-queue'))['team-queue'] as { rows: { path: string }[]; attempt: number } | undefined);

async function testConnection(): Promise<string> {
  await settingsPage.locator('button[data-action="team-test"]').click();
  const status = settingsPage.locator('[data-team-status]');
  await status.waitFor();
  return `${await status.getAttribute('data-team-status')}: ${await status.textContent()}`;
}

describe('team mode with ClickHouse', () => {
  it('Test connection finds the table, and failures of my sites arrive as rows with the right fields; others do not', async () => {
    expect(await testConnection()).toMatch(/^ok: /);
    // Somebody else's site first: once my later failure has arrived, this one would have too.
    await failFrom(suite.site.origin, '/status/404?other');
    await failFrom(myOrigin(), '/status/503?mine=1&token=secret');
    await expect.poll(() => rowsOf("path = '/status/503'"), { timeout: 40_000, interval: 500 }).toHaveLength(1);
    const [row] = await rowsOf("path = '/status/503'");
    expect(row).toMatchObject({
      host: 'localhost', method: 'GET', code: '503', status: 503, stage: 'receive', cause: 'http-5xx', resource_type: 'xmlhttprequest',
      page_host: 'localhost', browser: 'Chromium', query: '', url: `${myOrigin()}/status/503`,
    });
    expect(row!.install_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row!.id).toBe(`${row!.install_id}:0`);
    expect(await rowsOf("host = '127.0.0.1'")).toEqual([]);
  });

  it("a recheck's verdict arrives as a row of its own, beside the failure's", async () => {
    const page = await failFrom(myOrigin(), '/status/507?team-recheck', suite.browser, true);
    const { page: report } = await suite.browser.report(await suite.browser.tabIdOf(page), 1);
    const card = report.locator(`[data-failure][data-url="${myOrigin()}/status/507?team-recheck"]`);
    await card.locator('button[data-action="recheck"]').click();
    await card.and(report.locator('[data-recheck="failing"]')).waitFor({ timeout: 45_000 });
    await expect.poll(() => rowsOf("kind = 'recheck' AND path = '/status/507'"), { timeout: 40_000, interval: 500 }).toHaveLength(1);
    expect(await rowsOf("kind = 'recheck' AND path = '/status/507'")).toEqual([expect.objectContaining({ recheck: 'failing', code: '507', host: 'localhost' })]);
    expect(await rowsOf("kind = 'failure' AND path = '/status/507'")).toHaveLength(1);
    await Promise.all([report.close(), page.close()]);
  });

  it('with ClickHouse stopped, failures queue; after the worker and ClickHouse restart they arrive, each once, and the sink never shows as a failure', async () => {
    await ch.stop();
    for (const n of [1, 2, 3]) await failFrom(myOrigin(), `/status/500?down=${n}`);
    const helper = await suite.browser.context.newPage();
    await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
    // The batch went out after 10 s, found nobody, and waits for its backoff with the rows kept.
    await expect.poll(async () => (await queueOf(helper))?.attempt ?? 0, { timeout: 40_000, interval: 500 }).toBeGreaterThan(0);
    expect((await queueOf(helper))?.rows.filter((row) => row.path === '/status/500')).toHaveLength(3);

    await suite.browser.stopWorker();
    await ch.start();
    // The retry's alarm, fired now rather than after its 30 s: it wakes the worker, which reads its queue back.
    await helper.evaluate(() => chrome.alarms.create('team-send', { when: Date.now() }));
    await expect.poll(() => rowsOf("path = '/status/500'"), { timeout: 40_000, interval: 500 }).toHaveLength(3);
    const counted = await ch.query("SELECT count(), uniqExact(id) FROM request_doctor.failures WHERE path = '/status/500' FORMAT CSV");
    expect(counted.trim()).toBe('3,3');
    expect((await queueOf(helper))?.rows).toEqual([]);
    // The refused sends to the sink are the extension's own: in no tab's list, nor among requests without a tab.
    const port = String(ch.httpPort);
    expect((await suite.browser.failures(-1)).filter((failure) => failure.url.includes(port))).toEqual([]);
    await helper.close();
  });

  it('a wrong password makes Test connection name the 401, and nothing is lost', async () => {
    await settingsPage.locator('[name="team-password"]').fill('wrong');
    expect(await testConnection()).toMatch(/^error: .*401/);
    await failFrom(myOrigin(), '/status/502?while=wrong-password');
    const helper = await suite.browser.context.newPage();
    await helper.goto(`${suite.browser.reportUrl}?tab=-2`);
    await expect.poll(async () => (await queueOf(helper))?.attempt ?? 0, { timeout: 40_000, interval: 500 }).toBeGreaterThan(0);
    expect(await rowsOf("path = '/status/502'")).toEqual([]);
    // The right password: what waited goes at once.
    await settingsPage.locator('[name="team-password"]').fill(TEAM_USERS.writer);
    await expect.poll(() => rowsOf("path = '/status/502'"), { timeout: 20_000, interval: 500 }).toHaveLength(1);
    await helper.close();
  });

  it("a second browser profile's failure makes the first's card say it was also seen by 1 other browser; a stopped store is said so", async () => {
    await settingsPage.locator('[name="team-read-user"]').fill('request_doctor_reader');
    await settingsPage.locator('[name="team-read-password"]').fill(TEAM_USERS.reader);
    const second = await ExtensionBrowser.launch();
    try {
      await teamSettings(second);
      await failFrom(myOrigin(), '/status/418?second', second);
      await expect.poll(() => rowsOf("path = '/status/418'"), { timeout: 40_000, interval: 500 }).toHaveLength(1);
    } finally {
      await second.close();
    }
    const mine = await failFrom(myOrigin(), '/status/418?first', suite.browser, true);
    expect(await othersLine(mine, '/status/418?first')).toEqual({ state: 'seen', text: expect.stringMatching(/^Also seen by 1 other browser in the last hour, first at \d/) });
    // Nobody else saw this one.
    const alone = await failFrom(myOrigin(), '/status/417?alone', suite.browser, true);
    expect(await othersLine(alone, '/status/417?alone')).toMatchObject({ state: 'only-you' });

    await ch.stop();
    const down = await failFrom(myOrigin(), '/status/416?down', suite.browser, true);
    expect(await othersLine(down, '/status/416?down')).toMatchObject({ state: 'unreachable', text: expect.stringContaining('cannot be reached') });
    await ch.start();
  });
});
