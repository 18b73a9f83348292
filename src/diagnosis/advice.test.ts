import { describe, expect, it } from 'vitest';
import { adviceFor } from './advice';
import { ADVICE_RULES, MODIFIER_IDS } from './advice-rules';
import { say as sayIn } from './advice-words';
import { facts } from './catalog/assemble';
import { fullCatalog } from './catalog/full';
import type { AdviceKey } from './catalog/types';
import type { Classification, Observation } from './types';

const catalog = await fullCatalog({ language: 'en', locale: 'en-GB' });
const say = (key: AdviceKey, values?: Record<string, string | number>) => sayIn(catalog, key, values);
const at1403 = new Date(2026, 10, 25, 14, 3, 0).getTime();
type Failure = Observation & Classification;
const failure = (code: string, extra: Partial<Failure> = {}): Failure => ({
  url: 'https://shop.example.com/api/cart', method: 'GET', type: 'xmlhttprequest', tabId: 1, timeStamp: at1403,
  initiator: 'https://shop.example.com', stage: 'receive', code, severity: 'warning', blocked: false, ...extra,
});
const advice = (code: string, extra: Partial<Failure> = {}) => adviceFor(failure(code, extra), catalog);
const all = (a: ReturnType<typeof adviceFor>) => [...a.notes, ...a.visitor, ...a.owner].join('\n');

describe('the rule table', () => {
  it('every rule id named in facts.json exists', () => {
    const known = new Set([...ADVICE_RULES.filter((r) => r.forStatus).map((r) => r.id), ...MODIFIER_IDS]);
    const named = Object.values(facts.statuses).flatMap((entry) => entry.advice ?? []);
    expect(named.filter((id) => !known.has(id))).toEqual([]);
  });
  it('every status rule is switched on by some status', () => {
    const named = new Set(Object.values(facts.statuses).flatMap((entry) => entry.advice ?? []));
    expect([...ADVICE_RULES.filter((r) => r.forStatus).map((r) => r.id), ...MODIFIER_IDS].filter((id) => !named.has(id))).toEqual([]);
  });
});

describe('rule retryAfter', () => {
  it('Retry-After seconds on 429 gives the wait and the clock time', () =>
    expect(advice('429', { headers: { 'retry-after': '120' } }).visitor[0]).toBe(
      'The server asked to wait before trying again: try again in 2 minutes (at 14:05).'));
  it('the clock time follows the locale', async () => {
    const us = await fullCatalog({ language: 'en', locale: 'en-US' });
    expect(adviceFor(failure('429', { headers: { 'retry-after': '120' } }), us).visitor[0]).toContain('(at 2:05 PM)');
  });
  it('a wait of days names the date', () =>
    expect(advice('429', { headers: { 'retry-after': String(3 * 86400) } }).visitor[0]).toMatch(/in 3 days \(at 28 Nov 2026, 14:03\)/));
  it.each([['0'], ['Mon, 01 Jan 2001 00:00:00 GMT']])('Retry-After %s (now, or in the past) says try now', (value) =>
    expect(advice('429', { headers: { 'retry-after': value } }).visitor[0]).toBe(say('retryNow')));
  it.each([['later please'], ['-5'], ['May 2']])('an unreadable Retry-After (%s) is quoted, not trusted', (value) =>
    expect(advice('429', { headers: { 'retry-after': value } }).visitor[0]).toContain(`"${value}"`));
  it.each([['9223372036854775807'], ['9'.repeat(400)], ['Fri, 31 Dec 9999 23:59:59 GMT']])('a Retry-After of more than a year (%s) says so, and the card does not break', (value) =>
    expect(advice('503', { headers: { 'retry-after': value } }).visitor[0]).toBe(say('retryFar')));
});

describe('modifier maintenance', () => {
  it('Retry-After on 503 reads as maintenance', () =>
    expect(all(advice('503', { headers: { 'retry-after': '7200' } }))).toMatch(/maintenance.*try again in 2 hours/s));
  it('not on 429', () => expect(all(advice('429', { headers: { 'retry-after': '7200' } }))).not.toContain('maintenance'));
});

describe('rule allow', () => {
  it('Allow on 405 lists the accepted methods and the one used', () =>
    expect(advice('405', { method: 'DELETE', headers: { allow: 'GET, HEAD' } }).notes).toContain(
      'The server accepts only GET, HEAD at this address; this request used DELETE.'));
  it('a huge Allow list is shortened', () => {
    const allow = Array.from({ length: 500 }, (_, i) => `M${i}`).join(', ');
    const note = advice('405', { headers: { allow } }).notes[0]!;
    expect(note.length).toBeLessThan(200);
    expect(note).toContain('…');
  });
  it('a 405 without Allow tells the owner', () => expect(advice('405').owner).toContain(say('allowedMissing')));
  it('an empty Allow is an answer: no method is allowed here', () => {
    const out = advice('405', { headers: { allow: '' } });
    expect(out.notes).toContain(say('allowedNone'));
    expect(out.owner).not.toContain(say('allowedMissing'));
  });
  it('Allow listing the very method refused says the configuration contradicts itself', () =>
    expect(advice('405', { method: 'GET', headers: { allow: 'GET, HEAD' } }).notes).toContain(
      'The server lists GET among the methods it accepts (GET, HEAD) and still refused it with 405: its configuration contradicts itself.'));
  it('Allow separated by spaces is read', () =>
    expect(advice('405', { method: 'POST', headers: { allow: 'GET HEAD' } }).notes).toContain(
      'The server accepts only GET, HEAD at this address; this request used POST.'));
});

describe('rule challenge', () => {
  it('WWW-Authenticate Basic on 401 names scheme and realm', () =>
    expect(advice('401', { headers: { 'www-authenticate': 'Basic realm="Staff area"' } }).notes[0]).toBe(
      'The server asks for Basic sign-in for "Staff area".'));
  it('a rejected bearer token says so', () =>
    expect(all(advice('401', { headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' } }))).toContain('rejected: expired'));
  it('Proxy-Authenticate on 407 blames the proxy (modifier proxyChallenge)', () =>
    expect(advice('407', { headers: { 'proxy-authenticate': 'Basic realm="corp"' } }).notes[0]).toBe(say('authProxy', { scheme: 'Basic' })));
});

describe('rules unauthorizedVsForbidden and forbiddenVsUnauthorized', () => {
  it('401 and 403 are told apart', () => {
    expect(advice('401').notes).toContain(say('unauthorizedVsForbidden'));
    expect(advice('403').notes).toContain(say('forbiddenVsUnauthorized'));
    expect(advice('403').notes).not.toContain(say('unauthorizedVsForbidden'));
  });
});

describe('rule whoAnswered', () => {
  it('a 502 from nginx is the proxy failing to reach the server behind it (modifier proxyNoAnswer)', () => {
    const a = advice('502', { headers: { server: 'nginx/1.22.1' } });
    expect(a.layer).toEqual({ id: 'nginx', detail: 'nginx/1.22.1', proxy: true });
    expect(a.notes).toContain(say('proxyNoAnswer', { layer: 'nginx (nginx/1.22.1)' }));
    expect(a.owner[0]).toBe(say('ownerOriginFix'));
  });
  it('a 500 from the app is just who answered', () =>
    expect(advice('500', { headers: { 'x-powered-by': 'Express' } }).notes).toContain('The error came from: application on Express.'));
  it('an origin error that came through a CDN does not blame the CDN', () => {
    const notes = advice('404', { headers: { 'cf-ray': '8a1b-AMS', server: 'cloudflare' } }).notes.join(' ');
    expect(notes).toContain('The answer came through Cloudflare');
    expect(notes).not.toContain('The error came from: Cloudflare');
  });
});

describe('rule requestIds', () => {
  it('a Cloudflare 522 shows the ray id', () =>
    expect(advice('522', { headers: { 'cf-ray': '8c2f-AMS', server: 'cloudflare' } }).requestIds).toEqual([['cf-ray', '8c2f-AMS']]));
});

describe('rule body', () => {
  it('JSON errors are API errors', () =>
    expect(advice('422', { headers: { 'content-type': 'application/problem+json' } }).notes).toContain(say('bodyApi')));
});

describe('rule editConflict', () => {
  it.each(['PUT', 'PATCH', 'DELETE'])('409 on %s is an edit conflict', (method) => expect(all(advice('409', { method }))).toContain(`This ${method} changes data`));
  it('409 on GET is not called an edit conflict', () => expect(all(advice('409'))).not.toContain('changes data'));
});

describe('rule precondition', () => {
  it('412 on PUT tells the owner about ETags', () => expect(advice('412', { method: 'PUT' }).owner).toContain(say('ownerPrecondition')));
  it('409 does not', () => expect(advice('409', { method: 'PUT' }).owner).not.toContain(say('ownerPrecondition')));
});

describe('rule missing', () => {
  it('a favicon 404 is harmless', () =>
    expect(advice('404', { url: 'https://shop.example.com/favicon.ico', type: 'image' }).notes).toContain(say('faviconMissing')));
  it('a page 404 vs a part of the page', () => {
    expect(advice('404', { type: 'main_frame' }).notes).toContain(say('pageMissing'));
    expect(advice('404', { type: 'script' }).notes).toContain('The page itself loaded, but one of its parts (a script) is missing: the page may look or work partly broken.');
  });
  it.each([
    ['image', 'an image'], ['imageset', 'an image'], ['xmlhttprequest', 'a data request (fetch/XHR)'], ['beacon', 'a tracking or report ping'],
    ['sub_frame', 'an embedded frame'], ['other', 'a file'], ['toString', 'a file'], ['', 'a file'], ['x'.repeat(5000), 'a file'],
  ])('a missing part of type %j is named in words, never as the raw type', (type, words) => {
    expect(advice('404', { type }).notes.join(' ')).toContain(`(${words})`);
  });
  it('in German too', async () => {
    const de = await fullCatalog({ language: 'de', locale: 'de-DE' });
    expect(adviceFor(failure('404', { type: 'stylesheet' }), de).notes.join(' ')).toContain('(ein Stylesheet)');
  });
});

describe('rule uploadTooLarge', () => {
  it('413 on an upload tells the visitor to send less', () => expect(advice('413', { method: 'POST' }).visitor[0]).toBe(say('uploadTooLarge')));
});

describe('rule legal', () => {
  it('451 is legal', () => expect(advice('451').notes).toContain(say('legal')));
});

describe('rule thirdParty', () => {
  it('a third-party host is named', () =>
    expect(advice('500', { url: 'https://cdn.other.net/x.js' }).notes).toContain(say('thirdParty', { host: 'cdn.other.net' })));
  it('a sub-domain of the same site is not third party', () =>
    expect(all(advice('500', { url: 'https://api.example.com/x' }))).not.toContain('another company'));
});

describe('rule resetOrEmpty', () => {
  it('a Firefox reset says it may also be an empty response', () =>
    expect(advice('NS_ERROR_NET_RESET', { stage: 'wait', error: 'NS_ERROR_NET_RESET', errorName: 'CONNECTION_RESET' }).notes).toContain(say('resetOrEmpty')));
  it('a Chromium reset does not', () =>
    expect(advice('net::ERR_CONNECTION_RESET', { stage: 'wait', error: 'net::ERR_CONNECTION_RESET', errorName: 'CONNECTION_RESET' }).notes).not.toContain(say('resetOrEmpty')));
});

describe('rule redirects', () => {
  const loop = (a: string, b: string) => Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a));
  const looped = (redirects: string[]) => advice('net::ERR_TOO_MANY_REDIRECTS', { errorName: 'TOO_MANY_REDIRECTS', url: redirects[0]!, redirects });
  it('counts the chain with the right plural', () => {
    expect(advice('404', { redirects: ['https://a.example.com/'] }).notes).toContain('The request went through 1 redirect before this answer.');
    expect(advice('404', { redirects: ['https://a.example.com/', 'https://b.example.com/'] }).notes).toContain('The request went through 2 redirects before this answer.');
  });
  it('http/https ping-pong', () => expect(looped(loop('http://a.example.com/', 'https://a.example.com/')).notes).toContain(say('loopSchemes')));
  it('www ping-pong', () => expect(looped(loop('https://example.com/', 'https://www.example.com/')).notes).toContain(say('loopWww')));
  it('trailing slash ping-pong', () => expect(looped(loop('https://example.com/a', 'https://example.com/a/')).notes).toContain(say('loopSlash')));
  it('a URL redirecting to itself hints at blocked cookies', () =>
    expect(looped(loop('https://example.com/login', 'https://example.com/login')).notes).toContain(say('loopSame')));
  it('names the repeating URLs', () =>
    expect(looped(loop('https://example.com/a', 'https://example.com/b')).notes.join()).toContain('https://example.com/a → https://example.com/b'));
});

describe('bad input never throws', () => {
  it.each([
    [{ headers: { 'retry-after': '\u0000\u0001' } }],
    [{ headers: { allow: '\ud800' }, code: '405' }],
    [{ headers: { 'www-authenticate': '='.repeat(10_000) }, code: '401' }],
    [{ url: 'not a url', initiator: '::::' }],
    [{ redirects: ['%%%', ''], errorName: 'TOO_MANY_REDIRECTS' }],
    [{ code: '999', headers: { server: '' } }],
  ])('%j', (extra) => expect(() => adviceFor(failure('429', extra as Partial<Failure>), catalog)).not.toThrow());
});
