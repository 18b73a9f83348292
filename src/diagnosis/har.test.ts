// A HAR entry (DevTools' onRequestFinished / getHAR) becomes the same failure record the background keeps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harFailure } from './har';
import type { HarEntry } from './timings';

const { log } = JSON.parse(readFileSync(new URL('../../test/fixtures/timings/chromium-playwright.har', import.meta.url), 'utf8')) as { log: { entries: HarEntry[] } };
const byUrl = (part: string): HarEntry => log.entries.find((e) => e.request.url.includes(part))!;

describe('harFailure', () => {
  it('a real 503 relayed by nginx: stage, code, status line, server header, ip, time', () => {
    const entry = byUrl('/slow-unavailable');
    const failure = harFailure(entry, 7)!;
    expect(failure).toMatchObject({ stage: 'receive', code: '503', statusCode: 503, tabId: 7, ip: '127.0.0.1', count: 1 });
    expect(failure.statusLine).toMatch(/^HTTP\/1\.1 503/);
    expect(failure.headers?.server).toBe('nginx');
    expect(failure.timeStamp).toBeCloseTo(Date.parse(entry.startedDateTime) + entry.time);
  });

  it('a real 404 image', () => {
    expect(harFailure(byUrl('/img/404.gif'), 1)).toMatchObject({ stage: 'receive', code: '404', url: 'http://site.test/img/404.gif' });
  });

  const base: HarEntry = { startedDateTime: '2026-12-01T10:00:00.000Z', time: 12, request: { method: 'GET', url: 'https://a.test/x' }, response: { status: 200 }, timings: {} };
  it.each<[string, Partial<HarEntry>, object | null]>([
    ['Chromium\'s _error names the network error', { response: { status: 0, _error: 'net::ERR_CONNECTION_REFUSED' } },
      { stage: 'connect', code: 'net::ERR_CONNECTION_REFUSED' }],
    ['_resourceType becomes the webRequest type', { response: { status: 500 }, _resourceType: 'fetch' }, { type: 'xmlhttprequest', code: '500' }],
    ['a failure without any error name is still listed', { response: { status: 0 } }, { code: 'net::ERR_FAILED' }],
    ['a success is no failure', {}, null],
    ['a cancelled request is not shown (as in the popup)', { response: { status: 0, _error: 'net::ERR_ABORTED' } }, null],
    ['status 999 and odd fields never crash', { response: { status: 999, statusText: '', httpVersion: 'h2' }, startedDateTime: 'nonsense', _resourceType: '?' },
      { code: '999', statusLine: 'HTTP/1.1 999', type: 'other' }],
  ])('%s', (_name, patch, expected) => {
    const failure = harFailure({ ...base, ...patch }, 3);
    if (expected === null) expect(failure).toBeNull();
    else expect(failure).toMatchObject(expected);
  });
});
