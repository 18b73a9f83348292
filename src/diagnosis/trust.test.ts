import { describe, expect, it } from 'vitest';
import { firstParty, mayFollow, type Failed } from './trust';

describe('first party', () => {
  const get = (url: string, extra: Partial<Failed> = {}): Failed => ({ url, type: 'xmlhttprequest', ...extra });
  it('same site as every page of the failure', () => {
    expect(firstParty(get('https://shop.example/a', { initiator: 'https://shop.example' }), 'https://shop.example/')).toBe(true);
    expect(firstParty(get('https://shop.example/a', { initiator: 'https://shop.example' }), 'https://other.example/')).toBe(false);
    expect(firstParty(get('https://shop.example/a'), 'https://www.shop.example/')).toBe(true);
  });
  it.each([
    ['a page that failed to load is its own page', { url: 'https://shop.example/', type: 'main_frame', initiator: 'https://search.example' }, undefined, true],
    ['no page known', { url: 'https://shop.example/a', type: 'image' }, undefined, false],
    ['an IP address is a site of its own', { url: 'http://127.0.0.1:1/a', type: 'image', initiator: 'http://127.0.0.2:1' }, undefined, false],
    ['a URL without a host', { url: 'data:,x', type: 'image', initiator: 'https://shop.example' }, undefined, false],
  ] as [string, Failed, string | undefined, boolean][])('%s → %s', (_name, failed, pageUrl, expected) => {
    expect(firstParty(failed, pageUrl)).toBe(expected);
  });
});

describe('which redirects a repeat follows', () => {
  it.each([
    ['http to https on the same host', 'http://shop.example/a', 'https://shop.example/a', 'public', true],
    ['to another host of the same site', 'https://shop.example/a', 'https://login.shop.example/', 'public', true],
    ['to another site', 'https://shop.example/a', 'https://sso.example.com/', 'public', false],
    ['to another site under a shared second level', 'https://a.co.uk/', 'https://b.co.uk/', 'public', false],
    ['127.0.0.1 to localhost', 'http://127.0.0.1:8080/a', 'http://localhost:8080/b', 'local', false],
    ['to another port of the same loopback host, from a loopback page', 'http://127.0.0.1:8080/a', 'http://127.0.0.1:9/b', 'local', true],
    ['to the same host on loopback, from a public page', 'http://127.0.0.1:8080/a', 'http://127.0.0.1:9/b', 'public', false],
    ['to a non-http scheme', 'https://shop.example/a', 'ftp://shop.example/a', 'public', false],
    ['to garbage', 'https://shop.example/a', 'not a url', 'public', false],
  ] as const)('%s → %s', (_name, from, to, reach, expected) => {
    expect(mayFollow(from, to, reach)).toBe(expected);
  });
});

