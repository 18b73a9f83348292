// Real Resource Timing entries (Chromium 156, Firefox ESR 153) and real HARs from both, recorded by
// scripts/record-timings.mjs and scripts/record-firefox-har.mjs against the local servers, mapped onto the strip.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHar, fromResourceTiming, type HarEntry, type ResourceEntry } from './timings';

type Recorded = { scenarios: Record<string, { url: string; timeOrigin: number; entry: ResourceEntry | null }> };
const load = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../../test/fixtures/timings/${file}`, import.meta.url), 'utf8'));
const browsers = { chromium: load<Recorded>('chromium-resource-timing.json'), firefox: load<Recorded>('firefox-resource-timing.json') };
const entry = (browser: keyof typeof browsers, name: string): ResourceEntry => browsers[browser].scenarios[name]!.entry!;

describe.each(['chromium', 'firefox'] as const)('Resource Timing → steps (%s)', (browser) => {
  it('a 503 that nginx relays after its upstream waited 2 s: the wait holds the 2 s', () => {
    const t = fromResourceTiming(entry(browser, 'nginx-503-after-2s-tao'));
    expect(t.steps.wait).toBeGreaterThanOrEqual(1800);
    expect(t.steps.receive).toBeGreaterThanOrEqual(0);
    expect(t.steps.tls).toBeUndefined(); // plain http: no TLS, and no made-up 0
    expect(t.steps.send).toBeUndefined(); // Resource Timing cannot split sending from waiting
    expect(t.sendInWait).toBe(true);
    expect(t.gap).toBeUndefined();
    expect(t.total).toBeGreaterThanOrEqual(t.steps.wait!);
  });

  it('a slow first byte from the Node server', () => {
    const t = fromResourceTiming(entry(browser, 'slow-first-byte-500'));
    expect(t.steps.wait).toBeGreaterThanOrEqual(1400);
  });

  it('a 404 image answered at once on the connection the page already had: reused', () => {
    const t = fromResourceTiming(entry(browser, 'image-404'));
    expect(t.reused).toBe(true);
    expect([t.steps.dns, t.steps.connect]).toEqual([0, 0]);
    expect(t.steps.wait).toBeLessThan(1000);
  });

  it('a fetch that opened a new connection is not called reused', () => {
    const t = fromResourceTiming(entry(browser, 'fetch-404-new-connection'));
    expect(t.reused).toBe(false);
    expect(t.steps.dns! + t.steps.connect! + t.queued!).toBeGreaterThan(0);
  });

  it('cross-origin without Timing-Allow-Origin: the total only, never zeros for the steps', () => {
    const t = fromResourceTiming(entry(browser, 'cross-origin-500-no-tao'));
    expect(t).toMatchObject({ steps: {}, gap: 'cross-origin', reused: false });
    expect(t.total).toBeGreaterThan(0);
  });

  it('cross-origin with Timing-Allow-Origin: *: every step', () => {
    const t = fromResourceTiming(entry(browser, 'cross-origin-500-tao'));
    expect(t.gap).toBeUndefined();
    expect(Object.keys(t.steps).sort()).toEqual(['connect', 'dns', 'receive', 'wait']);
  });

  it('a page whose own document was a 404: its navigation entry maps the same way', () => {
    const t = fromResourceTiming(entry(browser, 'main-frame-404'));
    expect(t.gap).toBeUndefined();
    expect(t.steps.wait).toBeGreaterThanOrEqual(0);
    expect(t.queued).toBeGreaterThanOrEqual(0);
  });

  it.each(['connection-refused', 'dns-failure'])('%s: the entry has no steps', (name) => {
    const recorded = browsers[browser].scenarios[name]!.entry;
    // Both browsers keep an entry for a request that got no answer, with every step field zeroed.
    expect(recorded).not.toBeNull();
    expect(fromResourceTiming(recorded!).steps).toEqual({});
  });
});

describe('Resource Timing → steps: the arithmetic', () => {
  const base: ResourceEntry = {
    name: 'https://a.test/x', startTime: 100, duration: 400, fetchStart: 102, domainLookupStart: 110, domainLookupEnd: 130,
    connectStart: 130, secureConnectionStart: 150, connectEnd: 190, requestStart: 195, responseStart: 480, responseEnd: 500,
  };
  it.each<[string, Partial<ResourceEntry>, object]>([
    ['dns, connect without TLS, tls, send+wait, receive, queued', {}, { steps: { dns: 20, connect: 20, tls: 40, wait: 285, receive: 20 }, queued: 15, total: 400, reused: false }],
    ['no TLS (plain http)', { secureConnectionStart: 0 }, { steps: { dns: 20, connect: 60, wait: 285, receive: 20 } }],
    ['garbage numbers never crash and never go negative', { responseEnd: Number.NaN, domainLookupEnd: 0 }, { steps: { dns: 0, receive: 0 } }],
  ])('%s', (_name, patch, expected) => {
    expect(fromResourceTiming({ ...base, ...patch })).toMatchObject(expected);
  });
});

// Chromium's HAR as Playwright records it from Chromium's network events; Firefox's as its DevTools
// hands it to an extension (`devtools.network.getHAR()`), recorded by scripts/record-firefox-har.mjs.
const hars = { chromium: load<{ log: { entries: HarEntry[] } }>('chromium-playwright.har'), firefox: load<{ log: { entries: HarEntry[] } }>('firefox-devtools.har') };
const harEntry = (browser: keyof typeof hars, part: string): HarEntry => hars[browser].log.entries.find((e) => e.request.url.includes(part))!;

describe.each(['chromium', 'firefox'] as const)('HAR → steps (%s)', (browser) => {
  it('the 2 s nginx 503: wait ≥ 1,800 ms, send separate, plain http has no TLS step', () => {
    const t = fromHar(harEntry(browser, '/slow-unavailable'));
    expect(t.steps.wait).toBeGreaterThanOrEqual(1800);
    expect(t.steps.send).toBeGreaterThanOrEqual(0);
    expect(t.steps.tls).toBeUndefined();
    expect(t.sendInWait).toBe(false);
  });

  it.each(['refused.test', 'nonexistent.invalid'])('a request that got no answer (%s) has no steps, only why', (host) => {
    const t = fromHar(harEntry(browser, host));
    expect(t).toMatchObject({ steps: {}, gap: 'network-error', reused: false });
  });
});

describe('HAR → steps: what differs between the browsers', () => {
  it('Chromium: dns and connect of -1 mean the connection was reused', () => {
    expect(fromHar(harEntry('chromium', '/img/404.gif'))).toMatchObject({ reused: true, steps: { dns: 0, connect: 0 } });
  });

  it('Firefox writes 0, not -1, for connection steps that did not happen: 0 ms figures, never called reused', () => {
    const t = fromHar(harEntry('firefox', '/img/404.gif'));
    expect(harEntry('firefox', '/img/404.gif').timings).toMatchObject({ dns: 0, connect: 0, ssl: 0 });
    expect(t).toMatchObject({ reused: false, steps: { dns: 0, connect: 0 } });
    expect(t.steps.wait).toBeGreaterThan(0);
  });

  it('no answer: Chromium\'s total is kept; Firefox\'s (a sum of zeros) is not a measurement', () => {
    expect(fromHar(harEntry('chromium', 'refused.test')).total).toBeGreaterThan(0);
    const firefox = harEntry('firefox', 'refused.test');
    expect(firefox).toMatchObject({ response: { status: 0 }, timings: { dns: 0, connect: 0, send: 0, wait: 0, receive: 0 } });
    expect(fromHar(firefox).total).toBeUndefined();
  });
});

describe('HAR → steps: the arithmetic', () => {
  it.each<[string, HarEntry['timings'], object]>([
    ['ssl is counted inside connect', { blocked: 3, dns: 10, connect: 50, ssl: 30, send: 1, wait: 200, receive: 5 },
      { queued: 3, steps: { dns: 10, connect: 20, tls: 30, send: 1, wait: 200, receive: 5 }, reused: false }],
    ['reused https connection', { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 9, receive: 1 },
      { queued: undefined, steps: { dns: 0, connect: 0, tls: 0, send: 0, wait: 9, receive: 1 }, reused: true }],
  ])('%s', (_name, timings, expected) => {
    const entry: HarEntry = { startedDateTime: '2026-01-01T00:00:00Z', time: 219, request: { method: 'GET', url: 'https://a.test/' }, response: { status: 500 }, timings };
    expect(fromHar(entry)).toMatchObject(expected);
  });

  it.each<[string, HarEntry['response'], HarEntry['timings'], object]>([
    ['status 0 with zeros for every step: no steps, no total', { status: 0 }, { blocked: 4, dns: 0, connect: 0, ssl: 0, send: 0, wait: 0, receive: 0 },
      { steps: {}, total: undefined, gap: 'network-error' }],
    ['status 0 with -1 steps: the total is known', { status: 0 }, { send: -1, wait: -1, receive: -1 }, { steps: {}, total: 219, gap: 'network-error' }],
    ['status 0 even with step figures is still no answer', { status: 0 }, { dns: 1, connect: 2, send: 0, wait: 0, receive: 0 }, { steps: {}, total: 219, gap: 'network-error' }],
  ])('%s', (_name, response, timings, expected) => {
    const entry: HarEntry = { startedDateTime: '2026-01-01T00:00:00Z', time: 219, request: { method: 'GET', url: 'http://a.test/' }, response, timings };
    expect(fromHar(entry)).toMatchObject(expected);
  });
});
