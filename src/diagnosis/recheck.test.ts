import { describe, expect, it } from 'vitest';
import { classify, classifyCors } from './classify';
import { roughDuration } from './duration';
import { reachOf } from './trust';
import {
  cookieKindOf, failureKey, watchRefusal, isOwnRequest, judge, nextCheckAt, recheckPlan, watchable, watchExpired,
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
    expect(recheckPlan(status(503, { method }))).toMatchObject(plan);
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
    expect(recheckPlan(status(503, { url, type }))).toMatchObject(plan);
  });

  it('requests blocked inside the browser are not repeated', () => {
    expect(recheckPlan(netError('BLOCKED_BY_CLIENT', 'browser', { blocked: true }))).toEqual({ repeat: false, reason: 'blocked' });
  });
});

/** A failure as the classifier files it, from what the browser said. */
const seen = (error: string, extra: Partial<Original> = {}): Original => {
  const observation = { url: 'https://api.example.com/data', method: 'GET', type: 'xmlhttprequest', initiator: 'https://shop.example', error, ...extra };
  return { ...observation, ...classify(observation, { includeAborted: true })! };
};

describe('what the browser refused for security or policy is never repeated', () => {
  it.each([
    ['ORB', seen('net::ERR_BLOCKED_BY_ORB', { type: 'image' }), 'refused'],
    ['CORP/COEP', seen('net::ERR_BLOCKED_BY_RESPONSE', { type: 'script' }), 'refused'],
    ['CSP', seen('net::ERR_BLOCKED_BY_CSP', { type: 'sub_frame' }), 'refused'],
    ['an administrator', seen('net::ERR_BLOCKED_BY_ADMINISTRATOR'), 'refused'],
    ['another extension', seen('net::ERR_BLOCKED_BY_CLIENT'), 'blocked'],
    ['local network access', seen('net::ERR_CACHED_IP_ADDRESS_SPACE_BLOCKED_BY_LOCAL_NETWORK_ACCESS_POLICY'), 'refused'],
    ['private network access (older name)', seen('net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS'), 'refused'],
    ['an unsafe port', seen('net::ERR_UNSAFE_PORT'), 'refused'],
    ['cleartext not permitted', seen('net::ERR_CLEARTEXT_NOT_PERMITTED'), 'refused'],
    ['CORS: a cross-origin fetch that ended in a bare ERR_FAILED', seen('net::ERR_FAILED'), 'cors'],
    ['CORS: a cross-origin image (crossorigin) too', seen('net::ERR_FAILED', { type: 'image' }), 'cors'],
    ['CORS: another port is another origin', seen('net::ERR_FAILED', { url: 'http://127.0.0.1:8081/a', initiator: 'http://127.0.0.1:8080' }), 'cors'],
    ['ERR_FAILED with no initiator to compare: may be a refusal', seen('net::ERR_FAILED', { initiator: undefined }), 'cors'],
    ['Firefox: CORS (NS_ERROR_DOM_BAD_URI)', seen('NS_ERROR_DOM_BAD_URI'), 'cors'],
    ['CORS named from evidence', { ...seen('net::ERR_FAILED'), ...classifyCors('CORS_MISSING_ALLOW_ORIGIN'), cors: { rule: 'CORS_MISSING_ALLOW_ORIGIN', pageOrigin: 'https://shop.example' } }, 'cors'],
    ['an error status CORS hid', { ...seen('net::ERR_FAILED'), ...classify({ statusCode: 500 })!, error: undefined, statusCode: 500, cors: { rule: 'CORS_MISSING_ALLOW_ORIGIN', pageOrigin: 'https://shop.example' } }, 'cors'],
    ['Firefox: CORP', seen('NS_ERROR_DOM_CORP_FAILED', { type: 'image' }), 'refused'],
    ['Firefox: COEP', seen('NS_ERROR_DOM_COEP_FAILED', { type: 'image' }), 'refused'],
    ['Firefox: X-Frame-Options', seen('NS_ERROR_XFO_VIOLATION', { type: 'sub_frame' }), 'refused'],
    ['Firefox: safe browsing, no Chromium twin', seen('NS_ERROR_HARMFUL_URI'), 'refused'],
    ['Firefox: a policy block, no Chromium twin', seen('NS_ERROR_BLOCKED_BY_POLICY'), 'refused'],
  ] as const)('%s → %s', (_name, original, reason) => {
    expect(recheckPlan(original)).toEqual({ repeat: false, reason });
    expect(watchable(original)).toBe(false);
  });

  it.each([
    ['a same-origin ERR_FAILED', seen('net::ERR_FAILED', { url: 'https://shop.example/api', initiator: 'https://shop.example' })],
    ['a page that failed to load with ERR_FAILED (no CORS for navigations)', seen('net::ERR_FAILED', { type: 'main_frame', initiator: undefined })],
    ['a cross-origin refused connection', seen('net::ERR_CONNECTION_REFUSED')],
    ['a cross-origin DNS failure', seen('net::ERR_NAME_NOT_RESOLVED')],
    ['Firefox: a reset', seen('NS_ERROR_NET_RESET')],
  ])('%s is repeated', (_name, original) => {
    expect(recheckPlan(original).repeat).toBe(true);
  });
});

describe('never onto a more private network than the page’s', () => {
  const get = (url: string, extra: Partial<Original> = {}): Original => status(503, { url, ...extra });
  it.each([
    ['a public page’s request to the router', get('http://192.168.1.1/', { initiator: 'https://evil.example' }), undefined, 'private-address'],
    ['… found through the tab’s page when there is no initiator', get('http://192.168.1.1/'), 'https://evil.example/page', 'private-address'],
    ['… to loopback in a numeric form', get('http://2130706433:8080/admin', { initiator: 'https://evil.example' }), undefined, 'private-address'],
    ['… to IPv6 loopback', get('http://[::1]/', { initiator: 'https://evil.example' }), undefined, 'private-address'],
    ['… to an IPv4-mapped private address', get('http://[::ffff:10.0.0.1]/', { initiator: 'https://evil.example' }), undefined, 'private-address'],
    ['… to localhost', get('http://app.localhost/', { initiator: 'https://evil.example' }), undefined, 'private-address'],
    ['… to a cloud metadata address', get('http://169.254.169.254/latest', { initiator: 'https://evil.example' }), undefined, 'private-address'],
    ['… to a public name that answered from a private address (ip)', get('https://rebind.example/', { initiator: 'https://evil.example', ip: '10.0.0.7' }), undefined, 'private-address'],
    ['a private-network page’s request to loopback', get('http://127.0.0.1:9000/', { initiator: 'http://192.168.1.10' }), undefined, 'private-address'],
    ['an iframe from the LAN inside a public page still counts the top page', get('http://192.168.1.1/a', { initiator: 'http://192.168.1.1' }), 'https://evil.example/', 'private-address'],
    ['no page known at all: counted as public', get('http://10.0.0.1/'), undefined, 'private-address'],
  ] as const)('%s → %s', (_name, original, pageUrl, reason) => {
    expect(recheckPlan(original, pageUrl)).toEqual({ repeat: false, reason });
    expect(watchable(original, pageUrl)).toBe(false);
  });

  it.each([
    ['a LAN page’s request to the LAN', get('http://192.168.1.1/api', { initiator: 'http://192.168.1.1' }), 'http://192.168.1.1/', 'private'],
    ['a local page’s request to the LAN', get('http://nas.local/api', { initiator: 'http://localhost:3000' }), 'http://localhost:3000/', 'local'],
    ['a loopback page’s own request', get('http://127.0.0.1:8080/api', { initiator: 'http://127.0.0.1:8080' }), undefined, 'local'],
    ['a router page that failed to load: it is the page', get('http://192.168.1.1/', { type: 'main_frame', initiator: 'https://search.example' }), 'https://search.example/', 'private'],
    ['a page that failed to load from a name that answered from the LAN', get('https://intranet.example/', { type: 'main_frame', ip: '10.1.1.1' }), undefined, 'private'],
    ['a public page’s public request', get('https://cdn.example/a.js', { initiator: 'https://shop.example' }), 'https://shop.example/', 'public'],
    ['a page’s request to its own host, seen at a loopback address: the page was there too', get('http://dev.example:8080/api', { initiator: 'http://dev.example:8080', ip: '127.0.0.1' }), 'http://dev.example:8080/', 'local'],
  ] as const)('%s → repeated, reaching at most %s', (_name, original, pageUrl, reach) => {
    expect(recheckPlan(original, pageUrl)).toMatchObject({ repeat: true, reach });
    expect(reachOf(original, pageUrl)).toBe(reach);
  });
});

describe('cookies only where the page could have sent them', () => {
  const get = (url: string, extra: Partial<Original> = {}): Original => status(503, { url, ...extra });
  it.each([
    ['the page’s own API', get('https://api.shop.example/cart', { initiator: 'https://www.shop.example' }), 'https://www.shop.example/', 'include', undefined],
    ['a shared second level is no one site', get('https://b.co.uk/x', { initiator: 'https://a.co.uk' }), 'https://a.co.uk/', 'omit', 'third-party'],
    ['… while one under it is', get('https://api.shop.co.uk/x', { initiator: 'https://www.shop.co.uk' }), 'https://www.shop.co.uk/', 'include', undefined],
    ['a third-party request', get('https://tracker.example/p', { initiator: 'https://shop.example' }), 'https://shop.example/', 'omit', 'third-party'],
    ['a third-party iframe’s own request: the top page decides', get('https://widget.example/api', { initiator: 'https://widget.example' }), 'https://shop.example/', 'omit', 'third-party'],
    ['127.0.0.1 and localhost are two sites', get('http://localhost:8080/a', { initiator: 'http://127.0.0.1:8080' }), 'http://127.0.0.1:8080/', 'omit', 'third-party'],
    ['no page known', get('https://shop.example/a'), undefined, 'omit', 'third-party'],
    ['a page that failed to load is its own first party', get('https://shop.example/', { type: 'main_frame', initiator: 'https://search.example' }), undefined, 'include', undefined],
    ['a private window: never, even first-party', get('https://shop.example/a', { initiator: 'https://shop.example', private: true }), 'https://shop.example/', 'omit', 'private-window'],
    ['a private window’s third-party request', get('https://cdn.example/a', { initiator: 'https://shop.example', private: true }), 'https://shop.example/', 'omit', 'private-window'],
  ] as const)('%s → %s', (_name, original, pageUrl, credentials, cookiesLeftOut) => {
    const plan = recheckPlan(original, pageUrl);
    expect(plan).toMatchObject({ repeat: true, credentials });
    expect(plan.repeat && plan.cookiesLeftOut).toBe(cookiesLeftOut);
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
    ['a redirect now (not followed)', status(503), { kind: 'redirected', status: 302, to: 'https://sso.example.com/' } as TryOutcome, undefined, { verdict: 'redirected' }],
    ['a failure without a try without cookies (there were none)', status(401), failed(status(401)), undefined, { verdict: 'failing' }],
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

describe('what may not be watched, and why', () => {
  it.each([
    ['a private window’s failure, however watchable', status(503, { initiator: 'https://example.com', private: true }), 'private'],
    ['a private window’s failure that is not watchable either', status(404, { private: true }), 'private'],
    ['a request that is not repeated', status(503, { method: 'POST' }), 'not-watchable'],
    ['a status that is the request’s own fault', status(404), 'not-watchable'],
    ['a public page’s request to the LAN', status(503, { url: 'http://192.168.1.1/', initiator: 'https://evil.example' }), 'not-watchable'],
    ['a watchable failure of a normal window', status(503, { initiator: 'https://example.com' }), undefined],
    ['…with private: false', status(503, { initiator: 'https://example.com', private: false }), undefined],
  ] as const)('%s → %s', (_name, original, refusal) => {
    expect(watchRefusal(original, 'https://example.com/')).toBe(refusal);
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
