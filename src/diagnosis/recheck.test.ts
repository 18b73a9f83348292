import { describe, expect, it } from 'vitest';
import {
  cookieKindOf, failureKey, isOwnRequest, judge, nextCheckAt, recheckPlan, roughDuration, watchable, watchExpired,
  watchGiveUpAt, WATCH_BACKOFF_MS, type Original, type TryOutcome,
} from './recheck';
import type { Classification, Observation } from './types';

const status = (code: number, extra: Partial<Original> = {}): Original => ({
  url: 'https://example.com/api', method: 'GET', type: 'xmlhttprequest', statusCode: code,
  stage: 'receive', code: String(code), severity: code >= 500 ? 'error' : 'warning', blocked: false, ...extra,
});
const netError = (name: string, stage: Classification['stage'], extra: Partial<Original> = {}): Original => ({
  url: 'https://example.com/api', method: 'GET', type: 'xmlhttprequest',
  stage, code: `net::ERR_${name}`, errorName: name, severity: 'error', blocked: false, ...extra,
});
const failed = (original: Original): TryOutcome => ({ kind: 'failed', failure: { ...original, tabId: -1, timeStamp: 0 } as Observation & Classification });

describe('method safety: which requests are repeated', () => {
  it.each([
    ['GET', { repeat: true, method: 'GET' }],
    ['HEAD', { repeat: true, method: 'HEAD' }],
    ['get', { repeat: true, method: 'GET' }],
    ['POST', { repeat: false, reason: 'unsafe-method' }],
    ['PUT', { repeat: false, reason: 'unsafe-method' }],
    ['PATCH', { repeat: false, reason: 'unsafe-method' }],
    ['DELETE', { repeat: false, reason: 'unsafe-method' }],
    ['OPTIONS', { repeat: false, reason: 'other-method' }],
    ['PROPFIND', { repeat: false, reason: 'other-method' }],
    ['', { repeat: false, reason: 'other-method' }],
  ])('%s → %j', (method, plan) => {
    expect(recheckPlan(status(503, { method }))).toEqual(plan);
  });

  it.each([
    ['wss://example.com/socket', 'websocket', { repeat: false, reason: 'websocket' }],
    ['ws://example.com/socket', 'other', { repeat: false, reason: 'websocket' }],
    ['https://example.com/socket', 'websocket', { repeat: false, reason: 'websocket' }],
    ['ftp://example.com/file', 'other', { repeat: false, reason: 'not-http' }],
    ['not a url', 'other', { repeat: false, reason: 'not-http' }],
    ['HTTP://EXAMPLE.COM/', 'image', { repeat: true, method: 'GET' }],
    [`https://example.com/?q=${'x'.repeat(5000)}`.slice(0, 4096) + '…', 'image', { repeat: false, reason: 'url-cut' }],
  ])('%s (%s) → %j', (url, type, plan) => {
    expect(recheckPlan(status(503, { url, type }))).toEqual(plan);
  });

  it('requests blocked inside the browser are not repeated', () => {
    expect(recheckPlan(netError('BLOCKED_BY_CLIENT', 'browser', { blocked: true }))).toEqual({ repeat: false, reason: 'blocked' });
  });
});

describe('verdicts', () => {
  const ok: TryOutcome = { kind: 'ok', status: 200 };
  it.each([
    ['works now', status(503), ok, undefined, { verdict: 'ok' }],
    ['same status again', status(503), failed(status(503)), failed(status(503)), { verdict: 'failing' }],
    ['same net error again', netError('NAME_NOT_RESOLVED', 'dns'), failed(netError('NAME_NOT_RESOLVED', 'dns')), failed(netError('NAME_NOT_RESOLVED', 'dns')), { verdict: 'failing' }],
    ['another status', status(500), failed(status(409)), failed(status(409)), { verdict: 'different' }],
    ['a net error instead of a status', status(502), failed(netError('CONNECTION_REFUSED', 'connect')), undefined, { verdict: 'different' }],
    ['timeout counts as failing whatever it was', status(500), { kind: 'timeout' } as TryOutcome, undefined, { verdict: 'failing' }],
    ['400 that works without cookies', status(400), failed(status(400)), ok, { verdict: 'ok-without-cookies', cookieKind: 'header-too-large' }],
    ['431 that works without cookies', status(431), failed(status(431)), ok, { verdict: 'ok-without-cookies', cookieKind: 'header-too-large' }],
    ['redirect loop', netError('TOO_MANY_REDIRECTS', 'receive'), failed(netError('TOO_MANY_REDIRECTS', 'receive')), ok, { verdict: 'ok-without-cookies', cookieKind: 'redirect-loop' }],
    ['401 stale session', status(401), failed(status(401)), ok, { verdict: 'ok-without-cookies', cookieKind: 'stale-session' }],
    ['403 stale session', status(403), failed(status(403)), ok, { verdict: 'ok-without-cookies', cookieKind: 'stale-session' }],
    ['500 that works without cookies names no kind', status(500), failed(status(500)), ok, { verdict: 'ok-without-cookies' }],
  ] as const)('%s', (_name, original, withCookies, withoutCookies, expected) => {
    expect(judge(original, withCookies, withoutCookies)).toEqual(expected);
  });

  it('cookie kinds only where the first failure says so', () => {
    expect(cookieKindOf(status(404))).toBeUndefined();
    expect(cookieKindOf(netError('CONNECTION_RESET', 'wait'))).toBeUndefined();
  });
});

describe('what may be watched', () => {
  it.each([
    [status(500), true], [status(503), true], [status(599), true], [status(429), true], [status(408), true],
    [status(404), false], [status(409), false], [status(400), false], [status(999), false],
    [netError('NAME_NOT_RESOLVED', 'dns'), true], [netError('CONNECTION_REFUSED', 'connect'), true],
    [netError('CERT_DATE_INVALID', 'tls'), true], [netError('CONNECTION_RESET', 'wait'), true],
    [netError('TOO_MANY_REDIRECTS', 'receive'), false], [netError('BLOCKED_BY_CLIENT', 'browser', { blocked: true }), false],
    [status(503, { method: 'POST' }), false], [netError('NAME_NOT_RESOLVED', 'dns', { url: 'wss://example.com/' }), false],
  ])('%j → %s', (original, expected) => {
    expect(watchable(original)).toBe(expected);
  });
});

describe('watch schedule', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('backs off 30 s, 1 min, 2 min, 5 min, then every 10 min', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((attempt) => nextCheckAt(attempt, now) - now)).toEqual([30_000, 60_000, 120_000, 300_000, 600_000, 600_000, 600_000]);
    expect(WATCH_BACKOFF_MS).toHaveLength(5);
  });
  it.each([
    ['a longer Retry-After in seconds is the earliest next check', 0, '120', 120_000],
    ['a shorter Retry-After never brings the check forward', 3, '10', 300_000],
    ['Retry-After: 0 keeps the schedule', 0, '0', 30_000],
    ['an HTTP-date Retry-After', 1, new Date(now + 3_600_000).toUTCString(), 3_600_000],
    ['a date in the past keeps the schedule', 1, new Date(now - 60_000).toUTCString(), 60_000],
    ['junk keeps the schedule', 2, 'soon', 120_000],
  ])('%s', (_name, attempt, retryAfter, delay) => {
    expect(nextCheckAt(attempt, now, retryAfter) - now).toBe(delay);
  });
  it('a Retry-After of years waits only until the watch gives up, where it ends', () => {
    const giveUpAt = watchGiveUpAt(now, 24);
    expect(nextCheckAt(0, now, '99999999999', giveUpAt)).toBe(giveUpAt);
    expect(nextCheckAt(0, now, new Date(now + 400 * 86_400_000).toUTCString(), giveUpAt)).toBe(giveUpAt);
    // Within the time left, the server's wish still holds.
    expect(nextCheckAt(0, now, '3600', giveUpAt) - now).toBe(3_600_000);
    expect(watchExpired(now, giveUpAt, 24)).toBe(true);
  });
  it('odd attempt numbers never crash', () => {
    expect(nextCheckAt(-3, now) - now).toBe(30_000);
    expect(nextCheckAt(Number.NaN, now) - now).toBe(30_000);
  });
  it('gives up after the limit', () => {
    expect(watchExpired(now, now + 24 * 3_600_000 - 1, 24)).toBe(false);
    expect(watchExpired(now, now + 24 * 3_600_000, 24)).toBe(true);
    expect(watchExpired(now, now + 2 * 3_600_000, 1)).toBe(true);
  });
});

describe('the extension’s own requests', () => {
  const own = 'chrome-extension://abcdefghijklmnop';
  it.each([
    [{ initiator: own }, true],
    [{ initiator: `${own}/src/popup/index.html` }, true],
    [{ originUrl: 'moz-extension://1234-uuid/_generated_background_page.html' }, false],
    [{ initiator: 'chrome-extension://another' }, false],
    [{ initiator: `${own}.evil.test` }, false],
    [{ initiator: 'https://example.com' }, false],
    [{}, false],
  ])('%j → %s', (details, expected) => {
    expect(isOwnRequest(details, own)).toBe(expected);
  });
  it('Firefox: the event page as origin or document', () => {
    const firefox = 'moz-extension://1234-uuid';
    expect(isOwnRequest({ originUrl: `${firefox}/_generated_background_page.html` }, firefox)).toBe(true);
    expect(isOwnRequest({ documentUrl: `${firefox}/_generated_background_page.html` }, firefox)).toBe(true);
    expect(isOwnRequest({ originUrl: 'https://example.com/' }, '')).toBe(false);
  });
});

it('durations as people say them', () => {
  expect([0, 40_000, 14 * 60_000, 3 * 3_600_000, 3 * 86_400_000, Number.NaN].map(roughDuration)).toEqual([
    { value: 0, unit: 's' }, { value: 40, unit: 's' }, { value: 14, unit: 'min' }, { value: 3, unit: 'h' }, { value: 3, unit: 'd' }, { value: 0, unit: 's' },
  ]);
});

it('a failure is known by method, code and URL', () => {
  expect(failureKey({ method: 'GET', code: '503', url: 'https://a.test/' })).toBe('GET 503 https://a.test/');
});
