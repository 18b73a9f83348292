// The DevTools panel's own code in real Chromium (see test/support/devtools-panel.ts for what stands in
// for DevTools): what DevTools logged before the panel opened, a request finishing later, a navigation.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';
import { openDevtoolsPanel, recordedHar } from '../support/devtools-panel';

const suite = chromiumSuite({ nginx: false });

const cards = (panel: Page) => panel.$$eval('[data-failure]', (elements) => elements.map((el) => ({
  code: el.getAttribute('data-code'), stage: el.getAttribute('data-stage'), url: el.getAttribute('data-url'),
  wait: el.querySelector('[data-step="wait"]')?.getAttribute('data-ms') ?? null,
})));

it('lists every failure DevTools logged, adds one that finishes later, and starts over on a navigation', async () => {
  const panel = await openDevtoolsPanel(suite.browser);
  const failing = recordedHar.log.entries.filter((entry) => entry.response.status === -1 || entry.response.status >= 400);
  await expect.poll(async () => (await cards(panel)).length).toBe(failing.length);
  const shown = await cards(panel);
  expect(shown.map((card) => card.url).sort()).toEqual(failing.map((entry) => entry.request.url).sort());
  // The nginx 503 after 2 s carries its wait on the strip, from the HAR's timings.
  const slow = shown.find((card) => card.url === 'http://nginx.test/slow-unavailable')!;
  expect([slow.code, slow.stage]).toEqual(['503', 'receive']);
  expect(Number(slow.wait)).toBeGreaterThanOrEqual(1800);
  expect(await panel.locator('h1').textContent()).toBe('Request Doctor');

  // A request that finishes while the panel is open: added on top.
  await panel.evaluate((entry) => {
    const events = (globalThis as unknown as { devtoolsEvents: { finished: ((e: unknown) => void)[] } }).devtoolsEvents;
    for (const listener of events.finished) listener({ ...entry, startedDateTime: new Date().toISOString(), request: { ...entry.request, url: 'http://site.test/late-502' }, response: { ...entry.response, status: 502 } });
  }, recordedHar.log.entries.find((entry) => entry.request.url.includes('/status/404'))!);
  await expect.poll(async () => (await cards(panel))[0]?.url).toBe('http://site.test/late-502');
  expect((await cards(panel))[0]?.code).toBe('502');

  // The inspected page navigates: the old failures go, and the panel says it has none yet.
  await panel.evaluate(() => {
    const events = (globalThis as unknown as { devtoolsEvents: { navigated: ((url: string) => void)[] } }).devtoolsEvents;
    for (const listener of events.navigated) listener('http://site.test/next');
  });
  await panel.waitForSelector('[data-empty]');
  expect(await cards(panel)).toEqual([]);
  await panel.close();
});

it('keeps the newest 500 cards of a page that fails on and on, and says where the older ones are', async () => {
  const panel = await openDevtoolsPanel(suite.browser);
  const failing = recordedHar.log.entries.filter((entry) => entry.response.status === -1 || entry.response.status >= 400);
  await expect.poll(async () => (await cards(panel)).length).toBe(failing.length);
  // 600 more failures, and as many successes, without a navigation (a single-page app polling a broken API).
  await panel.evaluate((entry) => {
    const events = (globalThis as unknown as { devtoolsEvents: { finished: ((e: unknown) => void)[] } }).devtoolsEvents;
    for (let n = 0; n < 600; n++) {
      for (const status of [200, 502]) {
        const late = { ...entry, startedDateTime: new Date(Date.now() + n).toISOString(), request: { ...entry.request, url: `http://site.test/poll-${status}-${n}` }, response: { ...entry.response, status } };
        for (const listener of events.finished) listener(late);
      }
    }
  }, recordedHar.log.entries.find((entry) => entry.request.url.includes('/status/404'))!);
  await expect.poll(async () => (await cards(panel))[0]?.url, { timeout: 30_000 }).toBe('http://site.test/poll-502-599');
  const shown = await cards(panel);
  expect(shown).toHaveLength(500);
  expect(shown.at(-1)?.url).toBe('http://site.test/poll-502-100');
  expect(await panel.locator('#dropped').textContent()).toBe(`Only the newest 500 failures are listed here; ${failing.length + 100} older ones are in DevTools' Network panel.`);
  await panel.close();
});

it('two identical requests started in the same millisecond are two cards; one handed over twice while it opens is one', async () => {
  const panel = await openDevtoolsPanel(suite.browser);
  const failing = recordedHar.log.entries.filter((entry) => entry.response.status === -1 || entry.response.status >= 400);
  await expect.poll(async () => (await cards(panel)).length).toBe(failing.length);
  // A request of DevTools' log, handed over again as it finishes (the panel was opening): still one card.
  const logged = recordedHar.log.entries.find((entry) => entry.request.url.includes('/status/404'))!;
  await panel.evaluate((entry) => {
    const events = (globalThis as unknown as { devtoolsEvents: { finished: ((e: unknown) => void)[] } }).devtoolsEvents;
    for (const listener of events.finished) listener(entry);
  }, logged);
  // Then two identical 500s that started in the same millisecond (Promise.all of one fetch twice).
  await panel.evaluate((entry) => {
    const events = (globalThis as unknown as { devtoolsEvents: { finished: ((e: unknown) => void)[] } }).devtoolsEvents;
    const twin = { ...entry, startedDateTime: new Date().toISOString(), request: { ...entry.request, url: 'http://site.test/twin-500' }, response: { ...entry.response, status: 500 } };
    for (const listener of events.finished) listener(twin);
    for (const listener of events.finished) listener({ ...twin });
  }, logged);
  await expect.poll(async () => (await cards(panel)).filter((card) => card.url === 'http://site.test/twin-500').length).toBe(2);
  expect((await cards(panel)).filter((card) => card.url === logged.request.url)).toHaveLength(failing.filter((entry) => entry.request.url === logged.request.url).length);
  // Screen readers hear how many failed, not every card: the list is no live region, a status line counts.
  expect(await panel.locator('#failures').getAttribute('aria-live')).toBeNull();
  expect(await panel.locator('#announce[role="status"]').textContent()).toBe(`${failing.length + 2} failed`);
  // In Chromium, no word about Firefox's Network panel.
  expect(await panel.locator('#firefox-network').isHidden()).toBe(true);
  await panel.close();
});

it('in Firefox it says that DevTools reports requests only once its Network panel has been opened', async () => {
  const panel = await openDevtoolsPanel(suite.browser, { asFirefox: true });
  const note = panel.locator('#firefox-network');
  await note.waitFor();
  expect(await note.textContent()).toMatch(/only once its Network panel has been opened/);
  await panel.close();
});

it("a page that failed to load keeps its card when the browser's error page for it is navigated to; another page clears it", async () => {
  const panel = await openDevtoolsPanel(suite.browser);
  const failing = recordedHar.log.entries.filter((entry) => entry.response.status === -1 || entry.response.status >= 400);
  await expect.poll(async () => (await cards(panel)).length).toBe(failing.length);
  const logged = recordedHar.log.entries.find((entry) => entry.request.url.includes('/status/404'))!;
  const fire = (what: 'finished' | 'navigated', value: unknown) => panel.evaluate(([kind, arg]) => {
    const events = (globalThis as unknown as { devtoolsEvents: Record<string, ((x: unknown) => void)[]> }).devtoolsEvents;
    for (const listener of events[kind]!) listener(arg);
  }, [what, value] as const);
  // The document's own request is refused; then Chromium navigates to its error page, at that same URL.
  const down = 'http://down.test/';
  await fire('finished', { ...logged, _resourceType: 'document', startedDateTime: new Date().toISOString(),
    request: { ...logged.request, url: down }, response: { ...logged.response, status: 0, statusText: '', _error: 'net::ERR_CONNECTION_REFUSED' } });
  await expect.poll(async () => (await cards(panel))[0]?.url).toBe(down);
  await fire('navigated', down);
  await expect.poll(async () => (await cards(panel)).map((card) => [card.url, card.code])).toEqual([[down, 'net::ERR_CONNECTION_REFUSED']]);
  await fire('navigated', 'http://site.test/elsewhere');
  await panel.waitForSelector('[data-empty]');
  expect(await cards(panel)).toEqual([]);
  await panel.close();
});
