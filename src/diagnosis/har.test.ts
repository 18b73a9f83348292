// A HAR entry (DevTools' onRequestFinished / getHAR) becomes the same failure record the background keeps.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harFailure, harPageUrl } from './har';
import type { HarEntry } from './timings';

const load = (file: string): HarEntry[] => (JSON.parse(readFileSync(new URL(`../../test/fixtures/timings/${file}`, import.meta.url), 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
const log = { entries: load('chromium-playwright.har') };
const byUrl = (part: string): HarEntry => log.entries.find((e) => e.request.url.includes(part))!;
// Firefox's HAR as its DevTools gives it to an extension (scripts/record-firefox-har.mjs).
const firefox = load('firefox-devtools.har');
const fxEntry = (part: string, dest?: string): HarEntry => firefox.find((e) => e.request.url.includes(part)
  && (dest === undefined || e.request.headers?.some((h) => h.name === 'Sec-Fetch-Dest' && h.value === dest)))!;

describe('harFailure', () => {
  it('a real 503 relayed by nginx: stage, code, status line, server header, ip, time', () => {
    const entry = byUrl('/slow-unavailable');
    const failure = harFailure(entry, 7)!;
    expect(failure).toMatchObject({ stage: 'receive', code: '503', statusCode: 503, tabId: 7, ip: '127.0.0.1', count: 1 });
    expect(failure.statusLine).toMatch(/^HTTP\/1\.1 503/);
    expect(failure.headers?.server).toBe('nginx');
    expect(failure.timeStamp).toBeCloseTo(Date.parse(entry.startedDateTime) + entry.time);
  });

  it('an error status the browser then cancelled (status and _error both) is that status, not a dropped cancel', () => {
    const entry = byUrl('/img/404.gif');
    const cancelled = { ...entry, _resourceType: 'stylesheet', response: { ...entry.response, status: 500, statusText: 'Internal Server Error', _error: 'net::ERR_ABORTED' } };
    expect(harFailure(cancelled, 1)).toMatchObject({ type: 'stylesheet', code: '500', stage: 'receive', statusCode: 500, error: undefined });
    // A cancel with no answer before it stays what it was: nothing to list.
    expect(harFailure({ ...cancelled, response: { ...cancelled.response, status: 0 } }, 1)).toBeNull();
  });

  it('a real 404 image', () => {
    expect(harFailure(byUrl('/img/404.gif'), 1)).toMatchObject({ stage: 'receive', code: '404', url: 'http://site.test/img/404.gif' });
  });

  it('Firefox: a real 503 relayed by nginx, the same record', () => {
    const entry = fxEntry('/slow-unavailable');
    const failure = harFailure(entry, 7)!;
    expect(failure).toMatchObject({ stage: 'receive', code: '503', statusCode: 503, type: 'xmlhttprequest', ip: '127.0.0.1', count: 1 });
    expect(failure.statusLine).toBe('HTTP/1.1 503 Service Unavailable');
    expect(failure.headers?.server).toBe('nginx');
    expect(failure.timeStamp).toBeCloseTo(Date.parse(entry.startedDateTime) + entry.time);
  });

  it('Firefox has no _resourceType: the type comes from the request\'s Sec-Fetch-Dest', () => {
    expect(fxEntry('/img/404.gif')._resourceType).toBeUndefined();
    expect(harFailure(fxEntry('/img/404.gif'), 1)).toMatchObject({ type: 'image', code: '404' });
    expect(harFailure(fxEntry('/status/404', 'document'), 1)).toMatchObject({ type: 'main_frame', code: '404' });
    expect(harFailure(fxEntry('/status/404', 'empty'), 1)).toMatchObject({ type: 'xmlhttprequest', code: '404' });
  });

  it('Firefox names no network error (status 0, nothing else): a generic failure, no ip', () => {
    for (const host of ['refused.test', 'nonexistent.invalid']) {
      const entry = fxEntry(host);
      expect(entry.response).toMatchObject({ status: 0, statusText: '' });
      expect(entry.response._error).toBeUndefined();
      expect(harFailure(entry, 1)).toMatchObject({ code: 'net::ERR_FAILED', statusCode: undefined, ip: undefined });
    }
    expect(harFailure(fxEntry('refused.test'), 1)?.type).toBe('xmlhttprequest');
    expect(harFailure(fxEntry('nonexistent.invalid'), 1)?.type).toBe('other'); // Firefox sent no Sec-Fetch-Dest here
  });

  it('the inspected page is the document\'s request, in both browsers\' HAR', () => {
    expect(harPageUrl(log.entries)).toBe('http://site.test/status/404');
    expect(harPageUrl(firefox)).toBe('http://site.test/status/404');
    expect(harPageUrl(firefox.filter((e) => e !== fxEntry('/status/404', 'document')))).toBeUndefined();
  });

  const base: HarEntry = { startedDateTime: '2026-12-01T10:00:00.000Z', time: 12, request: { method: 'GET', url: 'https://a.test/x' }, response: { status: 200 }, timings: {} };
  it.each<[string, Partial<HarEntry>, object | null]>([
    ['Chromium\'s _error names the network error', { response: { status: 0, _error: 'net::ERR_CONNECTION_REFUSED' } },
      { stage: 'connect', code: 'net::ERR_CONNECTION_REFUSED' }],
    ['_resourceType becomes the webRequest type', { response: { status: 500 }, _resourceType: 'fetch' }, { type: 'xmlhttprequest', code: '500' }],
    ['without _resourceType, Sec-Fetch-Dest gives the type', { response: { status: 500 }, request: { method: 'GET', url: 'https://a.test/x', headers: [{ name: 'sec-fetch-dest', value: 'Style' }] } },
      { type: 'stylesheet' }],
    ['_resourceType wins over Sec-Fetch-Dest', { response: { status: 500 }, _resourceType: 'script', request: { method: 'GET', url: 'https://a.test/x', headers: [{ name: 'Sec-Fetch-Dest', value: 'image' }] } },
      { type: 'script' }],
    ['an unknown Sec-Fetch-Dest is other', { response: { status: 500 }, request: { method: 'GET', url: 'https://a.test/x', headers: [{ name: 'Sec-Fetch-Dest', value: 'webidentity' }] } },
      { type: 'other' }],
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
