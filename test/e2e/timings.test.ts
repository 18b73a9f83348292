// Step timings on the report's strip, end to end: real Chromium, real Node and nginx servers, the
// figures read from the page's own Resource Timing entries when the report opens.
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { chromiumSuite } from '../support/chromium-suite';

const suite = chromiumSuite();
let serial = 0;

interface StepView { step: string; ms: number | null; reused: boolean }
interface TimingView { steps: Record<string, StepView>; line: string; gap: string | null; story: string }

async function blankPage(): Promise<{ page: Page; tabId: number }> {
  const page = await suite.browser.context.newPage();
  await page.goto(`${suite.site.origin}/pages/blank?timings${++serial}`);
  return { page, tabId: await suite.browser.tabIdOf(page) };
}

const fetchIn = (where: Page | Frame, url: string) =>
  where.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.text(), () => 'network error'), url);

/** Open the report of the tab, wait until its timings are read, and read the card of `url`. */
async function timingsOf(tabId: number, url: string): Promise<TimingView> {
  const { page } = await suite.browser.report(tabId, 1);
  try {
    const card = page.locator(`[data-failure][data-url="${url}"]`);
    await card.waitFor({ timeout: 15_000 });
    await page.waitForSelector('main[data-timings="ready"]', { timeout: 15_000 });
    await card.locator('.timing').waitFor({ timeout: 15_000 });
    return await card.evaluate((el) => ({
      steps: Object.fromEntries([...el.querySelectorAll<HTMLElement>('[data-step]')].map((s) => [s.dataset.step!, {
        step: s.dataset.step!, ms: s.dataset.ms === undefined ? null : Number(s.dataset.ms), reused: s.dataset.reused === 'true',
      }])),
      line: el.querySelector('.timing')?.textContent ?? '',
      gap: el.querySelector('.timing')?.getAttribute('data-timing-gap') ?? null,
      story: el.querySelector('.timing-story')?.textContent ?? '',
    }));
  } finally {
    await page.close();
  }
}

const withMs = (view: TimingView): string[] => Object.values(view.steps).filter((s) => s.ms !== null).map((s) => s.step);

describe('step timings on the strip', () => {
  it('a 503 that nginx returns after its upstream waited 2 s: wait ≥ 1,800 ms and the sentence names the server', async () => {
    const { page, tabId } = await blankPage();
    const url = suite.site.urls.slowUnavailable!;
    await fetchIn(page, url);
    const view = await timingsOf(tabId, url);
    expect(view.steps.wait!.ms).toBeGreaterThanOrEqual(1800);
    expect(view.steps.tls!.ms).toBeNull(); // plain http: no TLS step, no made-up 0
    expect(view.steps.send!.ms).toBeNull(); // Resource Timing cannot split send from wait
    expect(withMs(view)).toEqual(expect.arrayContaining(['dns', 'connect', 'wait', 'receive']));
    expect(view.story).toMatch(/^The server \(nginx\) took 2\.\d s to answer; everything before took \d+ ms\.$/);
    expect(view.line).toMatch(/Total 2\.\d s/);
    expect(view.gap).toBeNull();
    await page.close();
  });

  it('a slow first byte from the Node server', async () => {
    const { page, tabId } = await blankPage();
    const url = suite.site.urls.slowFirstByte;
    await fetchIn(page, url);
    const view = await timingsOf(tabId, url);
    expect(view.steps.wait!.ms).toBeGreaterThanOrEqual(1400);
    expect(view.story).toMatch(/^The server took 1\.\d s to answer/);
    await page.close();
  });

  it('a 404 image answered at once: every step it went through has a figure, and no sentence', async () => {
    const { page, tabId } = await blankPage();
    const url = `${suite.site.origin}/img/404.gif?t=${serial}`;
    await page.evaluate((src) => new Promise((done) => { const i = new Image(); i.onload = i.onerror = done; i.src = src; }), url);
    const view = await timingsOf(tabId, url);
    expect(withMs(view).sort()).toEqual(['connect', 'dns', 'receive', 'wait']);
    expect(view.steps.wait!.ms).toBeLessThan(1000);
    // A reused connection says so on dns and connect, with 0 there.
    for (const step of ['dns', 'connect']) if (view.steps[step]!.reused) expect(view.steps[step]!.ms).toBe(0);
    expect(view.story).toBe('');
    await page.close();
  });

  it('a cross-origin 500 without Timing-Allow-Origin: only the total, and why', async () => {
    const { page, tabId } = await blankPage();
    const url = suite.site.urls.crossOriginError!;
    await fetchIn(page, url);
    const view = await timingsOf(tabId, url);
    expect(withMs(view)).toEqual([]);
    expect(view.gap).toBe('cross-origin');
    expect(view.line).toMatch(/^Total \d+ ms.*does not send Timing-Allow-Origin/);
    await page.close();
  });

  it('a cross-origin 500 with Timing-Allow-Origin: *: per-step timings', async () => {
    const { page, tabId } = await blankPage();
    const url = suite.site.urls.crossOriginErrorTao!;
    await fetchIn(page, url);
    const view = await timingsOf(tabId, url);
    expect(withMs(view)).toEqual(expect.arrayContaining(['dns', 'connect', 'wait', 'receive']));
    expect(view.gap).toBeNull();
    await page.close();
  });

  it('a failure inside an iframe is read from that frame', async () => {
    const { page, tabId } = await blankPage();
    const url = `${suite.site.origin}/slow?ms=600&status=502&frame=${serial}`;
    await page.evaluate((src) => new Promise((done) => {
      const frame = document.createElement('iframe');
      frame.onload = done;
      frame.src = src;
      document.body.append(frame);
    }), `${suite.site.origin}/pages/blank?inner${serial}`);
    const inner = page.frames().find((f) => f.url().includes(`inner${serial}`))!;
    await fetchIn(inner, url);
    // The top document never requested it: only the iframe's entries can give these figures.
    expect(await page.evaluate((u) => performance.getEntriesByName(u).length, url)).toBe(0);
    const view = await timingsOf(tabId, url);
    expect(view.steps.wait!.ms).toBeGreaterThanOrEqual(500);
    await page.close();
  });

  it('a page that made more than 250 requests: the entry is missing and the reason is shown', async () => {
    const { page, tabId } = await blankPage();
    await page.evaluate(async (origin) => {
      for (let k = 0; k < 260; k += 20) {
        await Promise.all(Array.from({ length: 20 }, (_, j) => fetch(`${origin}/ok/b${k + j}.json`).then((r) => r.text())));
      }
    }, suite.site.origin);
    const url = `${suite.site.origin}/status/500?after-250`;
    await fetchIn(page, url);
    const view = await timingsOf(tabId, url);
    expect(withMs(view)).toEqual([]);
    expect(view.gap).toBe('buffer-full');
    expect(view.line).toContain('250 requests');
    await page.close();
  });

  it('a refused connection: no step figures, and it says the browser records none', async () => {
    const { page, tabId } = await blankPage();
    const url = `${suite.site.refusedOrigin}/pixel.gif?t=${serial}`;
    await fetchIn(page, url);
    const view = await timingsOf(tabId, url);
    expect(withMs(view)).toEqual([]);
    expect(view.gap).toBe('network-error');
    await page.close();
  });
});
