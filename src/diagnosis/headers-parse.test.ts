import { describe, expect, it } from 'vitest';
import { answeredBy, parseAllow, parseChallenge, parseRetryAfter, requestIds, siteOf } from './headers-parse';

const now = Date.UTC(2026, 10, 25, 14, 3, 0);

describe('Retry-After', () => {
  it.each([
    ['120', { kind: 'wait', seconds: 120, at: now + 120_000 }],
    [' 5 ', { kind: 'wait', seconds: 5, at: now + 5000 }],
    ['0', { kind: 'past' }],
    ['-30', { kind: 'invalid', value: '-30' }],
    ['120, 60', { kind: 'wait', seconds: 120 }],
    ['9223372036854775807', { kind: 'far' }],
    [String(367 * 86400), { kind: 'far' }],
    [String(366 * 86400), { kind: 'wait', seconds: 366 * 86400 }],
    ['May 2', { kind: 'invalid', value: 'May 2' }],
    ['Retry 2', { kind: 'invalid' }],
    ['Wed, 25 Nov 2026 14:03:00 GMT', { kind: 'past' }],
    ['Wednesday, 25-Nov-26 14:05:00 GMT', { kind: 'wait', seconds: 120 }],
    ['Wed Nov 25 14:05:00 2026', { kind: 'wait', seconds: 120 }],
    ['Fri, 31 Dec 9999 23:59:59 GMT', { kind: 'far' }],
    ['Wed, 25 Nov 2026 14:05:00 GMT', { kind: 'wait', seconds: 120, at: Date.UTC(2026, 10, 25, 14, 5) }],
    ['Wed, 25 Nov 2026 13:00:00 GMT', { kind: 'past' }],
    ['soon', { kind: 'invalid', value: 'soon' }],
    ['', { kind: 'invalid', value: '' }],
    ['1.5', { kind: 'invalid', value: '1.5' }],
    ['9'.repeat(400), { kind: 'far' }],
  ])('%s', (value, expected) => expect(parseRetryAfter(value, now)).toMatchObject(expected));
});

describe('Allow', () => {
  it.each([
    ['GET, HEAD', ['GET', 'HEAD']],
    ['get,head,,GET', ['GET', 'HEAD']],
    ['GËT, ☃, POST', ['POST']],
    ['', []],
    ['<script>, PUT', ['PUT']],
    ['GET HEAD', ['GET', 'HEAD']],
    [' GET ,  HEAD ', ['GET', 'HEAD']],
  ])('%s', (value, methods) => expect(parseAllow(value)).toEqual(methods));
  it('a huge list stays usable', () => expect(parseAllow(Array.from({ length: 5000 }, (_, i) => `M${i}`).join(','))).toHaveLength(5000));
});

describe('WWW-Authenticate', () => {
  it.each([
    ['Basic realm="Staff area"', { scheme: 'Basic', realm: 'Staff area' }],
    ['Bearer realm="api", error="invalid_token", error_description="The access token expired"', { scheme: 'Bearer', realm: 'api', error: 'invalid_token', errorDescription: 'The access token expired' }],
    ['Digest realm=plain, nonce="x"', { scheme: 'Digest', realm: 'plain' }],
    ['Basic realm="quote \\" inside"', { scheme: 'Basic', realm: 'quote " inside' }],
    ['Negotiate', { scheme: 'Negotiate' }],
    // Only the first challenge's own parameters.
    ['Basic realm="a", Bearer error="invalid_token"', { scheme: 'Basic', realm: 'a' }],
    ['Bearer, Basic realm="x"', { scheme: 'Bearer' }],
    ['Negotiate, NTLM', { scheme: 'Negotiate' }],
    ['Negotiate YIIBhgYGKwYBBQUCoIIBej==, Basic realm="x"', { scheme: 'Negotiate' }],
    ['Basic realm="x, y", charset="UTF-8"', { scheme: 'Basic', realm: 'x, y' }],
    ['Digest nonce="realm=fake", realm="real"', { scheme: 'Digest', realm: 'real' }],
    ['Bearer error="invalid_token", error_description="expired, renew it"', { scheme: 'Bearer', error: 'invalid_token', errorDescription: 'expired, renew it' }],
  ])('%s', (value, expected) => expect(parseChallenge(value)).toEqual(expected));
  it.each(['', '   ', '"quoted-first"'])('%j gives nothing', (value) => expect(parseChallenge(value)).toBeUndefined());
});

describe('who answered', () => {
  it.each([
    [{ 'cf-ray': '8a1b-AMS', server: 'cloudflare' }, { id: 'cloudflare', proxy: true }],
    [{ 'x-amz-cf-id': 'abc' }, { id: 'cloudfront', proxy: true }],
    [{ via: '1.1 abc.cloudfront.net (CloudFront)' }, { id: 'cloudfront', proxy: true }],
    [{ 'x-vercel-id': 'fra1::x' }, { id: 'vercel', proxy: true }],
    [{ 'x-nf-request-id': '01H' }, { id: 'netlify', proxy: true }],
    [{ 'x-akamai-request-id': '1' }, { id: 'akamai', proxy: true }],
    [{ 'x-served-by': 'cache-fra-123' }, { id: 'fastly', proxy: true }],
    [{ server: 'nginx/1.22.1' }, { id: 'nginx', detail: 'nginx/1.22.1', proxy: true }],
    [{ server: 'nginx' }, { id: 'nginx', proxy: true }],
    [{ server: 'Apache/2.4' }, { id: 'apache', detail: 'Apache/2.4', proxy: false }],
    [{ server: 'awselb/2.0' }, { id: 'awsLoadBalancer', proxy: true }],
    [{ server: 'Caddy' }, { id: 'server', detail: 'Caddy', proxy: false }],
    [{ via: '1.1 squid' }, { id: 'via', detail: '1.1 squid', proxy: true }],
    [{ 'x-powered-by': 'Express' }, { id: 'poweredBy', detail: 'Express', proxy: false }],
  ])('%j → %j', (headers, layer) => expect(answeredBy(headers)).toEqual(layer));
  it('nothing known gives nothing', () => expect(answeredBy({ 'content-type': 'text/html' })).toBeUndefined());
});

describe('request ids and sites', () => {
  it('lists request ids in a useful order', () =>
    expect(requestIds({ 'cf-ray': 'r', 'x-request-id': 'q', server: 's' })).toEqual([['x-request-id', 'q'], ['cf-ray', 'r']]));
  it.each([
    ['www.example.com', 'example.com'], ['api.shop.example.co.uk', 'example.co.uk'], ['127.0.0.1', '127.0.0.1'], ['localhost', 'localhost'],
    // Short second levels that are sites of their own, not shared suffixes.
    ['api.sbb.ch', 'sbb.ch'], ['www.bmw.de', 'bmw.de'], ['api.x.ai', 'x.ai'], ['www.orf.at', 'orf.at'],
    ['shop.example.com.au', 'example.com.au'], ['alice.github.io', 'alice.github.io'], ['my-app.vercel.app', 'my-app.vercel.app'],
  ])('%s is part of %s', (host, site) => expect(siteOf(host)).toBe(site));
});
