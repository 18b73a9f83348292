import { describe, expect, it } from 'vitest';
import { corsAnswerToKeep, PAGE_ORIGIN_ANSWER, readCorsAnswer, sameOrigin, WILDCARD_ANSWER, type CorsAnswer } from './cors-answer';
import { judgeCors, type CorsRequest } from './cors';

const PAGE = 'https://app.example';
const request = (extra: Partial<CorsRequest> = {}): CorsRequest =>
  ({ url: 'https://api.example/v1/items', method: 'GET', type: 'xmlhttprequest', initiator: PAGE, error: 'net::ERR_FAILED', ...extra });
const answer = (headers: Record<string, string | string[]>, status = 200): CorsAnswer =>
  readCorsAnswer(Object.entries(headers).flatMap(([name, value]) => [value].flat().map((v) => ({ name, value: v }))), status, 0);
const preflight = (headers: Record<string, string>, status = 204, requested = ''): CorsAnswer => ({ ...answer(headers, status), status, requestedHeaders: requested });

describe('the CORS check on an answer (no preflight)', () => {
  it.each([
    ['no Access-Control-Allow-Origin', {}, { rule: 'CORS_MISSING_ALLOW_ORIGIN' }],
    ['another origin', { 'Access-Control-Allow-Origin': 'https://other.example' }, { rule: 'CORS_ALLOW_ORIGIN_MISMATCH', allowOrigin: 'https://other.example', pageOrigin: PAGE }],
    ['two headers', { 'Access-Control-Allow-Origin': [PAGE, PAGE] }, { rule: 'CORS_MULTIPLE_ALLOW_ORIGIN_VALUES', allowOrigin: `${PAGE}, ${PAGE}` }],
    ['a list in one header', { 'access-control-allow-origin': `${PAGE} https://b.example, https://c.example` }, { rule: 'CORS_MULTIPLE_ALLOW_ORIGIN_VALUES' }],
    ['* (so the request carried credentials)', { 'Access-Control-Allow-Origin': '*' }, { rule: 'CORS_WILDCARD_ORIGIN_NOT_ALLOWED', credentialsInferred: true }],
    ['this origin without Allow-Credentials (so it carried credentials)', { 'Access-Control-Allow-Origin': PAGE }, { rule: 'CORS_INVALID_ALLOW_CREDENTIALS', credentialsInferred: true }],
    ['this origin with Allow-Credentials: True (not "true")', { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'True' }, { rule: 'CORS_INVALID_ALLOW_CREDENTIALS' }],
    ['another origin in other case', { 'Access-Control-Allow-Origin': 'HTTPS://APP.EXAMPLE' }, { rule: 'CORS_ALLOW_ORIGIN_MISMATCH' }],
  ])('%s', (_name, headers, expected) => {
    expect(judgeCors(request(), { answer: answer(headers) })).toEqual({ detail: expect.objectContaining({ pageOrigin: PAGE, ...expected }) });
  });

  it('says whether the answer varies by Origin (a cache may have served another origin its answer)', () => {
    expect(judgeCors(request(), { answer: answer({ 'Access-Control-Allow-Origin': 'https://x.example', Vary: 'Accept-Encoding, Origin' }) })?.detail.varyOrigin).toBe(true);
    expect(judgeCors(request(), { answer: answer({ 'Access-Control-Allow-Origin': 'https://x.example', Vary: 'Accept-Encoding' }) })?.detail.varyOrigin).toBe(false);
  });

  it('an answer that passes even with credentials is not a CORS matter: the failure keeps its own name', () => {
    expect(judgeCors(request(), { answer: answer({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' }) })).toBeUndefined();
  });

  it('an error status with a refusing answer is that status, which the page could not read', () => {
    expect(judgeCors(request(), { answer: answer({}, 500) })).toEqual({ detail: expect.objectContaining({ rule: 'CORS_MISSING_ALLOW_ORIGIN' }), hiddenStatus: 500 });
    expect(judgeCors(request(), { answer: answer({ 'Access-Control-Allow-Origin': 'https://x.example' }, 404) })?.hiddenStatus).toBe(404);
  });

  it('a sandboxed page (origin "null") is allowed only by "null"', () => {
    const sandboxed = request({ initiator: 'null' });
    expect(judgeCors(sandboxed, { answer: answer({ 'Access-Control-Allow-Origin': PAGE }) })?.detail.rule).toBe('CORS_ALLOW_ORIGIN_MISMATCH');
    expect(judgeCors(sandboxed, { answer: answer({ 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' }) })).toBeUndefined();
  });

  it('reads the shared answers kept for passing-without-credentials answers', () => {
    expect(judgeCors(request(), { answer: WILDCARD_ANSWER })?.detail.rule).toBe('CORS_WILDCARD_ORIGIN_NOT_ALLOWED');
    expect(judgeCors(request(), { answer: PAGE_ORIGIN_ANSWER })?.detail).toMatchObject({ rule: 'CORS_INVALID_ALLOW_CREDENTIALS', allowOrigin: PAGE });
  });
});

describe('the preflight, when the request itself was never sent', () => {
  const put = request({ method: 'PUT' });
  const allowed = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' };
  it.each([
    ['answered 405', preflight({ 'Access-Control-Allow-Origin': PAGE }, 405), { rule: 'CORS_PREFLIGHT_INVALID_STATUS', status: 405 }],
    ['answered 500 without CORS headers (the status comes first)', preflight({}, 500), { rule: 'CORS_PREFLIGHT_INVALID_STATUS', status: 500 }],
    ['redirected', preflight({ Location: '/x' }, 301), { rule: 'CORS_PREFLIGHT_DISALLOWED_REDIRECT', status: 301 }],
    ['no Access-Control-Allow-Origin', preflight({ 'Access-Control-Allow-Methods': 'PUT' }), { rule: 'CORS_MISSING_ALLOW_ORIGIN' }],
    ['the method not allowed', preflight({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET, POST' }), { rule: 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT', method: 'PUT', allowed: 'GET, POST' }],
    ['no methods allowed at all', preflight({ 'Access-Control-Allow-Origin': PAGE }), { rule: 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT', method: 'PUT' }],
    ['a header not allowed, named', preflight({ ...allowed, 'Access-Control-Allow-Headers': 'Content-Type' }, 204, 'content-type,x-trace'),
      { rule: 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT', header: 'x-trace', allowed: 'Content-Type' }],
    ['Authorization, which * never allows', preflight({ ...allowed, 'Access-Control-Allow-Headers': '*' }, 204, 'authorization'), { rule: 'CORS_HEADER_DISALLOWED_BY_PREFLIGHT', header: 'authorization' }],
    ['* methods, and the request failed: it carried credentials', preflight({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' }),
      { rule: 'CORS_METHOD_DISALLOWED_BY_PREFLIGHT', credentialsInferred: true }],
    ['everything allowed but credentials', preflight(allowed, 204, ''), { rule: 'CORS_INVALID_ALLOW_CREDENTIALS', credentialsInferred: true }],
  ])('%s', (_name, seen, expected) => {
    expect(judgeCors(put, { preflight: seen })?.detail).toEqual(expect.objectContaining({ preflight: true, pageOrigin: PAGE, ...expected }));
  });

  it("without the preflight's request (restarted in between), a header is named only as \"a header\", by elimination", () => {
    const { requestedHeaders: _seen, ...answerOnly } = preflight({ ...allowed, 'Access-Control-Allow-Credentials': 'true' });
    const detail = judgeCors(put, { preflight: answerOnly })?.detail;
    expect(detail?.rule).toBe('CORS_HEADER_DISALLOWED_BY_PREFLIGHT');
    expect(detail).not.toHaveProperty('header');
  });

  it('a preflight that passes in every way is not a CORS matter', () => {
    expect(judgeCors(put, { preflight: preflight({ ...allowed, 'Access-Control-Allow-Credentials': 'true' }, 200, '') })).toBeUndefined();
  });

  it('an answer wins over the preflight: it was sent, so its preflight passed', () => {
    expect(judgeCors(put, { preflight: preflight({}, 405), answer: answer({}) })?.detail.rule).toBe('CORS_MISSING_ALLOW_ORIGIN');
  });
});

describe('what is not a CORS matter, and what is not known', () => {
  it.each([
    ['same origin', request({ url: `${PAGE}/api` })],
    ['same origin with a query', request({ url: `${PAGE}?q=1` })],
    ['a named error', request({ error: 'net::ERR_CONNECTION_REFUSED' })],
    ['an image', request({ type: 'image' })],
    ['an extension page', request({ initiator: 'chrome-extension://abc' })],
    ['no page', request({ initiator: undefined })],
  ])('%s → undefined', (_name, req) => expect(judgeCors(req, { answer: answer({}) })).toBeUndefined());

  it('a look-alike host is another origin', () => expect(sameOrigin('https://app.example.evil/x', PAGE)).toBe(false));

  it('cross-origin, failed without a reason, nothing seen: only the origins are said, no rule', () => {
    expect(judgeCors(request(), {})).toEqual({ detail: { pageOrigin: PAGE } });
    expect(judgeCors(request({ error: 'NS_ERROR_DOM_BAD_URI' }))).toEqual({ detail: { pageOrigin: PAGE } });
  });
});

describe('what the listener keeps', () => {
  const headers = (acao?: string, acac?: string) => [
    { name: 'Content-Type', value: 'application/json' },
    ...(acao ? [{ name: 'Access-Control-Allow-Origin', value: acao }] : []),
    ...(acac ? [{ name: 'Access-Control-Allow-Credentials', value: acac }] : []),
  ];
  it('nothing for an answer that passes whatever the credentials mode', () => expect(corsAnswerToKeep(headers(PAGE, 'true'), 200, PAGE, 0)).toBeUndefined());
  it('a shared constant (no allocation) for answers that pass without credentials', () => {
    expect(corsAnswerToKeep(headers('*'), 200, PAGE, 0)).toBe(WILDCARD_ANSWER);
    expect(corsAnswerToKeep(headers(PAGE), 204, PAGE, 0)).toBe(PAGE_ORIGIN_ANSWER);
  });
  it('the CORS headers, clipped, of anything else', () => {
    expect(corsAnswerToKeep(headers(), 200, PAGE, 5)).toEqual({ at: 5 });
    expect(corsAnswerToKeep(headers('*'), 500, PAGE, 5)).toEqual({ at: 5, status: 500, allowOrigin: '*' });
    expect(corsAnswerToKeep(headers('x'.repeat(10_000)), 200, PAGE, 5)?.allowOrigin).toHaveLength(200);
  });
  it('odd headers never throw', () => {
    expect(() => corsAnswerToKeep([null, { name: 5 }, { name: 'Access-Control-Allow-Origin' }] as never, 200, PAGE, 0)).not.toThrow();
    expect(readCorsAnswer('nope' as never, 200, 0)).toEqual({ at: 0 });
    expect(readCorsAnswer([{ name: 'constructor', value: 'x' }, { name: '__proto__', value: 'y' }], 200, 0)).toEqual({ at: 0 });
  });
});
