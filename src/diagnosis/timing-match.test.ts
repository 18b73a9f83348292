// Matching a failure to its Resource Timing entry by URL and time, and saying why when there is none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOURCE_BUFFER_SIZE, timingsFor, wantedUrls, type FrameEntries } from './timing-match';
import type { ResourceEntry } from './timings';

const recorded = JSON.parse(readFileSync(new URL('../../test/fixtures/timings/chromium-resource-timing.json', import.meta.url), 'utf8'));
const real = (name: string): { url: string; timeOrigin: number; entry: ResourceEntry } => recorded.scenarios[name];

/** A copy of a real entry moved in time: the same URL requested at another moment. */
const at = (entry: ResourceEntry, startTime: number, wait: number): ResourceEntry => ({
  ...entry, startTime, fetchStart: startTime, domainLookupStart: startTime, domainLookupEnd: startTime, connectStart: startTime,
  connectEnd: startTime, requestStart: startTime + 1, responseStart: startTime + 1 + wait, responseEnd: startTime + 2 + wait, duration: wait + 2,
});

describe('timingsFor', () => {
  const slow = real('slow-first-byte-500');
  const frame: FrameEntries = { timeOrigin: slow.timeOrigin, count: 3, entries: [slow.entry] };
  const endOf = (e: ResourceEntry, origin = slow.timeOrigin): number => origin + e.responseEnd;

  it('finds the entry of the failure by URL and end time', () => {
    const t = timingsFor({ url: slow.url, timeStamp: endOf(slow.entry) + 4 }, [frame]);
    expect(t.steps.wait).toBeGreaterThanOrEqual(1400);
  });

  it('the same URL requested twice: each failure gets the entry that ended closest to it', () => {
    const early = at(slow.entry, 100, 50);
    const late = at(slow.entry, 5000, 900);
    const frames = [{ timeOrigin: slow.timeOrigin, count: 2, entries: [early, late] }];
    expect(timingsFor({ url: slow.url, timeStamp: endOf(early) + 3 }, frames).steps.wait).toBe(50);
    expect(timingsFor({ url: slow.url, timeStamp: endOf(late) - 2 }, frames).steps.wait).toBe(900);
  });

  it('the entry names the URL first asked for: a redirected failure is found through its first URL', () => {
    const t = timingsFor({ url: 'http://elsewhere.test/final', redirects: [slow.url], timeStamp: endOf(slow.entry) }, [frame]);
    expect(t.gap).toBeUndefined();
  });

  it('looks through every frame (a failure inside an iframe)', () => {
    const top: FrameEntries = { timeOrigin: slow.timeOrigin - 50, count: 10, entries: [] };
    expect(timingsFor({ url: slow.url, timeStamp: endOf(slow.entry) }, [top, frame]).gap).toBeUndefined();
  });

  it.each<[string, Parameters<typeof timingsFor>[0], FrameEntries[] | null, string]>([
    ['frames could not be read (error page, no access)', { url: slow.url, timeStamp: 1 }, null, 'unreadable'],
    ['every document is newer than the failure: the page navigated', { url: slow.url, timeStamp: slow.timeOrigin - 10 },
      [{ ...frame, entries: [] }], 'navigated'],
    ['a full buffer dropped the entry', { url: 'http://site.test/late', timeStamp: slow.timeOrigin + 9000 },
      [{ ...frame, count: RESOURCE_BUFFER_SIZE }], 'buffer-full'],
    ['a network error without an entry', { url: 'http://refused.test/x', error: 'net::ERR_CONNECTION_REFUSED', timeStamp: slow.timeOrigin + 10 },
      [frame], 'network-error'],
    ['no entry for another reason', { url: 'http://site.test/none', timeStamp: slow.timeOrigin + 10 }, [frame], 'no-entry'],
    ['an entry too far in time is another request', { url: slow.url, timeStamp: endOf(slow.entry) + 60_000 }, [frame], 'no-entry'],
  ])('%s → %s', (_name, failure, frames, gap) => {
    expect(timingsFor(failure, frames)).toEqual({ steps: {}, reused: false, sendInWait: false, gap, total: undefined });
  });

  it('a recorded entry of a refused connection gives the total and says it was a network error', () => {
    const refused = real('connection-refused');
    const t = timingsFor({ url: refused.url, error: 'net::ERR_CONNECTION_REFUSED', timeStamp: refused.timeOrigin + refused.entry.responseEnd },
      [{ timeOrigin: refused.timeOrigin, count: 2, entries: [refused.entry] }]);
    expect(t).toMatchObject({ steps: {}, gap: 'network-error' });
  });

  it('a cross-origin entry without Timing-Allow-Origin keeps its total and says why', () => {
    const cross = real('cross-origin-500-no-tao');
    const t = timingsFor({ url: cross.url, timeStamp: cross.timeOrigin + cross.entry.responseEnd },
      [{ timeOrigin: cross.timeOrigin, count: 2, entries: [cross.entry] }]);
    expect(t).toMatchObject({ steps: {}, gap: 'cross-origin' });
    expect(t.total).toBeCloseTo(cross.entry.duration);
  });
});

describe('wantedUrls', () => {
  it('asks for first URLs and final ones, once each, without fragments', () => {
    expect(wantedUrls([{ url: 'http://a/x#top', timeStamp: 0 }, { url: 'http://a/x', timeStamp: 1, redirects: ['http://a/start', 'http://a/mid'] }]))
      .toEqual(['http://a/x', 'http://a/start']);
  });
});
