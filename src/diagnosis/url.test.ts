import { describe, expect, it } from 'vitest';
import { hostLabel, hostOf, isFavicon } from './url';

describe('hostOf: one host key for report groups, notification lines and muted sites', () => {
  it.each([
    ['https://api.shop.test/cart?x=1', 'api.shop.test'],
    // The port is not part of the site: a mute of 127.0.0.1 holds for every port.
    ['http://127.0.0.1:8443/status/500', '127.0.0.1'],
    ['https://SHOP.test:443/', 'shop.test'],
    ['not a url', ''],
    ['data:text/plain,hi', ''],
    ['', ''],
    [undefined, ''],
  ])('%s → %j', (url, host) => expect(hostOf(url)).toBe(host));
  it('answers the same from its memory of recent URLs', () => {
    for (let i = 0; i < 600; i++) expect(hostOf(`https://h${i % 300}.test:${i}/`)).toBe(`h${i % 300}.test`);
  });
  it('labels a URL without a host by its start', () => {
    expect(hostLabel('https://cdn.test/a.js')).toBe('cdn.test');
    expect(hostLabel(`not a url ${'x'.repeat(200)}`)).toHaveLength(80);
  });
});

describe('isFavicon', () => {
  it.each([
    ['https://shop.test/favicon.ico', true],
    ['https://shop.test/FAVICON.ICO?v=2', true],
    ['https://shop.test/apple-touch-icon-precomposed.png#x', true],
    ['https://shop.test/img/favicon.ico', true],
    ['https://shop.test/favicon.ico.bak', false],
    ['https://shop.test/login?next=/favicon.ico', false],
    ['https://shop.test/apple-touch-icon/other.png', false],
    ['favicon.ico', false],
  ])('%s → %s', (url, expected) => expect(isFavicon(url)).toBe(expected));
});
