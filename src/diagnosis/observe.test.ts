import { describe, expect, it } from 'vitest';
import { keptAnswer, MAX_URL_LENGTH, observe, type RequestDetails } from './observe';

const base: RequestDetails = { url: 'https://a.test/x', method: 'GET', type: 'image', tabId: 3, timeStamp: 5 };

describe('observe', () => {
  it('a success is null', () => expect(observe({ ...base, statusCode: 200 })).toBeNull());
  describe('an error answer the browser then gave up on', () => {
    const answer: RequestDetails = { ...base, type: 'stylesheet', statusCode: 500, statusLine: 'HTTP/1.1 500 Internal Server Error', responseHeaders: [{ name: 'Retry-After', value: '60' }] };
    it.each(['net::ERR_ABORTED', 'net::ERR_FAILED', 'NS_BINDING_ABORTED'])('after %s is that status, with its headers, at the error\'s time', (error) => {
      const failure = observe({ ...base, type: 'stylesheet', error, timeStamp: 9 }, undefined, undefined, answer);
      expect(failure).toMatchObject({ code: '500', stage: 'receive', statusLine: 'HTTP/1.1 500 Internal Server Error', headers: { 'retry-after': '60' }, timeStamp: 9, lastSeen: 9 });
      expect(failure?.error).toBeUndefined();
    });
    it('without one, a cancel is still not a failure', () => expect(observe({ ...base, error: 'net::ERR_ABORTED' })).toBeNull());
  });
  it('keeps only the relevant headers, lower-cased', () => {
    const failure = observe({
      ...base, statusCode: 503,
      responseHeaders: [{ name: 'Retry-After', value: '120' }, { name: 'Set-Cookie', value: 'secret=1' }, { name: 'CF-RAY', value: 'abc' }],
    });
    expect(failure?.headers).toEqual({ 'retry-after': '120', 'cf-ray': 'abc' });
  });
  it('joins repeated headers', () => {
    const failure = observe({
      ...base, statusCode: 401,
      responseHeaders: [{ name: 'WWW-Authenticate', value: 'Basic realm="a"' }, { name: 'www-authenticate', value: 'Bearer' }],
    });
    expect(failure?.headers?.['www-authenticate']).toBe('Basic realm="a", Bearer');
  });
  it.each([
    ['a huge URL', { url: `https://a.test/${'x'.repeat(100_000)}`, statusCode: 404 }],
    ['tabId -1', { tabId: -1, statusCode: 500 }],
    ['a missing method and type', { method: undefined as unknown as string, type: undefined as unknown as string, statusCode: 500 }],
    ['headers without values or names', { statusCode: 500, responseHeaders: [{ name: 'Allow' }, { name: undefined as unknown as string, value: 'x' }] }],
    ['a non-ASCII header', { statusCode: 405, responseHeaders: [{ name: 'Allow', value: 'GËT, ☃' }] }],
    ['a NaN timestamp', { timeStamp: Number.NaN, error: 'net::ERR_FAILED' }],
    ['a strange URL', { url: 'javascript:alert(1)<img>', error: 'net::ERR_UNKNOWN_URL_SCHEME' }],
  ])('copes with %s', (_name, extra) => {
    const failure = observe({ ...base, ...extra } as RequestDetails);
    expect(failure).not.toBeNull();
    expect(failure!.url.length).toBeLessThanOrEqual(MAX_URL_LENGTH + 1);
    expect(Number.isFinite(failure!.timeStamp)).toBe(true);
    expect(typeof failure!.method).toBe('string');
  });
  it('status 0 without an error is not a failure', () => expect(observe({ ...base, statusCode: 0 })).toBeNull());
  describe('a private window', () => {
    it.each([
      ['incognito', { incognito: true }, true],
      ['not incognito', { incognito: false }, undefined],
      ['no word on it', {}, undefined],
    ])('a failure %s is private: %s', (_name, extra, expected) => expect(observe({ ...base, statusCode: 503, ...extra })?.private).toBe(expected));
    it('an error answer the browser gave up on stays private', () =>
      expect(observe({ ...base, error: 'net::ERR_ABORTED', incognito: true }, undefined, undefined, { ...base, statusCode: 500 })?.private).toBe(true));
    it('keeps the key in place, so every record has one shape', () =>
      expect(Object.keys(observe({ ...base, statusCode: 503, incognito: true })!)).toEqual(Object.keys(observe({ ...base, statusCode: 503 })!)));
  });
  it('Firefox originUrl is used as the initiator', () =>
    expect(observe({ ...base, statusCode: 404, originUrl: 'https://page.test/' })?.initiator).toBe('https://page.test/'));
});

describe('isLoadOf: the failed load of the page at a URL', async () => {
  const { isLoadOf, MAX_URL_LENGTH } = await import('./observe');
  const page = { type: 'main_frame', url: 'https://shop.test/', redirects: ['http://shop.test/', 'https://shop.test/'] };
  it.each([
    ['its own URL', page, 'https://shop.test/', true],
    ['a URL of its redirect chain', page, 'http://shop.test/', true],
    ['another page', page, 'https://shop.test/cart', false],
    ['a sub-request at that URL', { ...page, type: 'xmlhttprequest' }, 'https://shop.test/', false],
    ['a long URL, cut alike', { type: 'main_frame', url: `https://shop.test/${'a'.repeat(MAX_URL_LENGTH)}`.slice(0, MAX_URL_LENGTH) + '…' }, `https://shop.test/${'a'.repeat(MAX_URL_LENGTH)}`, true],
  ])('%s', (_, record, url, expected) => expect(isLoadOf(record, url)).toBe(expected));
});

describe('keptAnswer: an error answer kept until its request ends', () => {
  const answer: RequestDetails = {
    url: `https://a.test/${'p'.repeat(9000)}`, method: 'GET', type: 'stylesheet', tabId: 3, timeStamp: 5, statusCode: 503,
    statusLine: 'HTTP/1.1 503 Service Unavailable', ip: '10.0.0.1', originUrl: `https://a.test/page?${'q'.repeat(900)}`,
    parentDocumentId: 'doc-1',
    responseHeaders: [{ name: 'Retry-After', value: '30' }, { name: 'Set-Cookie', value: 'session=1' }, { name: 'X-Request-Id', value: 'r-1' }],
  };
  it('observes into exactly the record the whole answer gave', () => {
    const ended = { url: answer.url, method: 'GET', type: 'stylesheet', tabId: 3, timeStamp: 9, error: 'net::ERR_ABORTED' };
    expect(observe(ended, undefined, undefined, keptAnswer(answer))).toEqual(observe(ended, undefined, undefined, answer));
  });
  it('keeps no header the diagnosis does not read', () => {
    expect(keptAnswer(answer).responseHeaders?.map((h) => h.name)).toEqual(['retry-after', 'x-request-id']);
  });
});
