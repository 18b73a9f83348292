import { describe, expect, it } from 'vitest';
import { hostLabel, hostOf, isFavicon, samePage, shortenMiddle, withoutQueriesIn } from './url';

describe('shortenMiddle: long hosts and URLs keep their start and end', () => {
  it.each([
    ['api.shop.test', 20, 'api.shop.test'],
    ['a-very-long-subdomain.of-a-long-site.example', 21, 'a-very-lon…te.example'],
    ['abcdefghij', 5, 'ab…ij'],
    ['abcdefghij', 6, 'abc…ij'],
  ])('%s (%i) → %s', (text, max, shortened) => {
    expect(shortenMiddle(text, max)).toBe(shortened);
    expect(shortenMiddle(text, max).length).toBeLessThanOrEqual(max);
  });
});

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
  it('answers for a URL as long as a page can make one (2 MB), which it does not remember', () => {
    const huge = `https://long.test/${'x'.repeat(2 * 2 ** 20)}`;
    for (let i = 0; i < 3; i++) expect(hostOf(`${huge}${i}`)).toBe('long.test');
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

describe('withoutQueriesIn: addresses quoted in a text lose their query strings', () => {
  it.each([
    ['https://sso.test/login?SAMLRequest=x → https://app.test/cb?code=y&state=z', 'https://sso.test/login → https://app.test/cb'],
    ['See http://a.test/x#frag, then retry.', 'See http://a.test/x then retry.'],
    ['wss://live.test/socket?token=t closed', 'wss://live.test/socket closed'],
    ['Is the server up? Try again later.', 'Is the server up? Try again later.'],
    ['https://a.test/plain stays', 'https://a.test/plain stays'],
    ['', ''],
  ])('%s', (text, expected) => expect(withoutQueriesIn(text)).toBe(expected));
});

describe('samePage: is a tab still on the page a failure happened on', () => {
  it.each([
    ['https://app.test/x?q=1', 'https://app.test/x?q=1', true],
    ['https://app.test/#/orders', 'https://app.test/#/cart', true],
    ['https://app.test/', 'https://app.test/#top', true],
    ['https://app.test/y', 'https://app.test/x', false],
    ['https://app.test/x?q=2', 'https://app.test/x?q=1', false],
    [undefined, 'https://app.test/', false],
    ['', '', false],
  ])('%s on %s → %s', (tab, page, same) => expect(samePage(tab, page)).toBe(same));
});
