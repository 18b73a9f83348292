import { describe, expect, it } from 'vitest';
import { adviceFor } from './advice';
import { advice as texts } from './catalog/en/advice';
import type { Classification, Observation } from './types';

const at1403 = new Date(2026, 10, 25, 14, 3, 0).getTime();
type Failure = Observation & Classification;
const failure = (code: string, extra: Partial<Failure> = {}): Failure => ({
  url: 'https://shop.example.com/api/cart', method: 'GET', type: 'xmlhttprequest', tabId: 1, timeStamp: at1403,
  initiator: 'https://shop.example.com', stage: 'receive', code, severity: 'warning', blocked: false, ...extra,
});
const all = (a: ReturnType<typeof adviceFor>) => [...a.notes, ...a.visitor, ...a.owner].join('\n');

describe('advice from headers', () => {
  it('Retry-After seconds on 429 gives the wait and the clock time', () => {
    expect(adviceFor(failure('429', { headers: { 'retry-after': '120' } }), texts).visitor[0]).toBe(
      'The server asked to wait before trying again: try again in 2 min (at 14:05).');
  });
  it('Retry-After on 503 reads as maintenance', () =>
    expect(all(adviceFor(failure('503', { headers: { 'retry-after': '7200' } }), texts))).toMatch(/maintenance.*try again in 2 h/s));
  it.each([['-5'], ['Mon, 01 Jan 2001 00:00:00 GMT']])('Retry-After %s (in the past) says try now', (value) =>
    expect(adviceFor(failure('429', { headers: { 'retry-after': value } }), texts).visitor[0]).toBe(texts.retryNow()));
  it('an unreadable Retry-After is quoted, not trusted', () =>
    expect(adviceFor(failure('429', { headers: { 'retry-after': 'later please' } }), texts).visitor[0]).toContain('"later please"'));
  it('Allow on 405 lists the accepted methods and the one used', () =>
    expect(adviceFor(failure('405', { method: 'DELETE', headers: { allow: 'GET, HEAD' } }), texts).notes).toContain(
      'The server accepts only GET, HEAD at this address; this request used DELETE.'));
  it('a huge Allow list is shortened', () => {
    const allow = Array.from({ length: 500 }, (_, i) => `M${i}`).join(', ');
    const note = adviceFor(failure('405', { headers: { allow } }), texts).notes[0]!;
    expect(note.length).toBeLessThan(200);
    expect(note).toContain('…');
  });
  it('a 405 without Allow tells the owner', () =>
    expect(adviceFor(failure('405'), texts).owner).toContain(texts.allowedMissing()));
  it('WWW-Authenticate Basic on 401 names scheme and realm', () =>
    expect(adviceFor(failure('401', { headers: { 'www-authenticate': 'Basic realm="Staff area"' } }), texts).notes[0]).toBe(
      'The server asks for Basic sign-in for "Staff area".'));
  it('a rejected bearer token says so', () =>
    expect(all(adviceFor(failure('401', { headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' } }), texts))).toContain('rejected: expired'));
  it('Proxy-Authenticate on 407 blames the proxy', () =>
    expect(adviceFor(failure('407', { headers: { 'proxy-authenticate': 'Basic realm="corp"' } }), texts).notes[0]).toBe(texts.authProxy('Basic')));
  it('401 and 403 are told apart', () => {
    expect(adviceFor(failure('401'), texts).notes).toContain(texts.unauthorizedVsForbidden());
    expect(adviceFor(failure('403'), texts).notes).toContain(texts.forbiddenVsUnauthorized());
  });
});

describe('who answered', () => {
  it('a 502 from nginx is the proxy failing to reach the server behind it', () => {
    const a = adviceFor(failure('502', { headers: { server: 'nginx/1.22.1' } }), texts);
    expect(a.layer).toBe('nginx (nginx/1.22.1)');
    expect(a.notes).toContain(texts.proxyNoAnswer('nginx (nginx/1.22.1)'));
    expect(a.owner[0]).toBe(texts.ownerOriginFix());
  });
  it('a Cloudflare 522 names Cloudflare and the origin fix, and shows the ray id', () => {
    const a = adviceFor(failure('522', { headers: { 'cf-ray': '8c2f-AMS', server: 'cloudflare' } }), texts);
    expect(a.notes[0]).toBe(texts.proxyNoAnswer('Cloudflare'));
    expect(a.requestIds).toEqual([['cf-ray', '8c2f-AMS']]);
  });
  it('a 500 from the app is just who answered', () =>
    expect(adviceFor(failure('500', { headers: { 'x-powered-by': 'Express' } }), texts).notes).toContain(texts.answeredBy('an application on Express')));
  it('JSON errors are API errors', () =>
    expect(adviceFor(failure('422', { headers: { 'content-type': 'application/problem+json' } }), texts).notes).toContain(texts.bodyApi()));
});

describe('context', () => {
  it.each(['PUT', 'PATCH', 'DELETE'])('409 on %s is an edit conflict', (method) =>
    expect(all(adviceFor(failure('409', { method }), texts))).toContain(`This ${method} changes data`));
  it('409 on GET is not called an edit conflict', () => expect(all(adviceFor(failure('409'), texts))).not.toContain('changes data'));
  it('412 on PUT tells the owner about ETags', () => expect(adviceFor(failure('412', { method: 'PUT' }), texts).owner).toContain(texts.ownerPrecondition()));
  it('a favicon 404 is harmless', () =>
    expect(adviceFor(failure('404', { url: 'https://shop.example.com/favicon.ico', type: 'image' }), texts).notes).toContain(texts.faviconMissing()));
  it('a page 404 vs a part of the page', () => {
    expect(adviceFor(failure('404', { type: 'main_frame' }), texts).notes).toContain(texts.pageMissing());
    expect(adviceFor(failure('404', { type: 'script' }), texts).notes).toContain(texts.subresourceMissing('script'));
  });
  it('413 on an upload tells the visitor to send less', () =>
    expect(adviceFor(failure('413', { method: 'POST' }), texts).visitor[0]).toBe(texts.uploadTooLarge()));
  it('451 is legal', () => expect(adviceFor(failure('451'), texts).notes).toContain(texts.legal()));
  it('a third-party host is named', () =>
    expect(adviceFor(failure('500', { url: 'https://cdn.other.net/x.js' }), texts).notes).toContain(texts.thirdParty('cdn.other.net')));
  it('a sub-domain of the same site is not third party', () =>
    expect(all(adviceFor(failure('500', { url: 'https://api.example.com/x' }), texts))).not.toContain('another company'));
});

describe('Firefox', () => {
  it('a Firefox reset says it may also be an empty response', () =>
    expect(adviceFor(failure('NS_ERROR_NET_RESET', { stage: 'wait', error: 'NS_ERROR_NET_RESET', errorName: 'CONNECTION_RESET' }), texts).notes).toContain(texts.resetOrEmpty()));
  it('a Chromium reset does not', () =>
    expect(adviceFor(failure('net::ERR_CONNECTION_RESET', { stage: 'wait', error: 'net::ERR_CONNECTION_RESET', errorName: 'CONNECTION_RESET' }), texts).notes).not.toContain(texts.resetOrEmpty()));
});

describe('redirect loops', () => {
  const loop = (a: string, b: string) => Array.from({ length: 20 }, (_, i) => (i % 2 ? b : a));
  const looped = (redirects: string[]) =>
    adviceFor(failure('net::ERR_TOO_MANY_REDIRECTS', { errorName: 'TOO_MANY_REDIRECTS', url: redirects[0]!, redirects }), texts);
  it('http/https ping-pong', () => expect(looped(loop('http://a.example.com/', 'https://a.example.com/')).notes).toContain(texts.loopSchemes()));
  it('www ping-pong', () => expect(looped(loop('https://example.com/', 'https://www.example.com/')).notes).toContain(texts.loopWww()));
  it('trailing slash ping-pong', () => expect(looped(loop('https://example.com/a', 'https://example.com/a/')).notes).toContain(texts.loopSlash()));
  it('a URL redirecting to itself hints at blocked cookies', () =>
    expect(looped(loop('https://example.com/login', 'https://example.com/login')).notes).toContain(texts.loopSame()));
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
  ])('%j', (extra) => expect(() => adviceFor(failure('429', extra as Partial<Failure>), texts)).not.toThrow());
});
