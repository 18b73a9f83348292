// History filters: each narrows the list, they combine, and they round-trip through the URL.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../types';
import { applyFilters, classOf, drawableEarly, filtersToParams, groupEntries, hostFilter, hostOf, parseFilters } from './filter';

const NOW = 10_000_000;
let serial = 0;
function entry(extra: Partial<HistoryEntry>): HistoryEntry {
  serial += 1;
  return {
    url: `https://api.shop.test/${serial}`, method: 'GET', type: 'fetch', tabId: 1, timeStamp: NOW - 1000, statusCode: 500, statusLine: undefined,
    error: undefined, ip: undefined, initiator: undefined, documentId: undefined, headers: undefined, redirects: undefined, stage: 'receive',
    code: '500', severity: 'error', blocked: false, errorName: undefined, count: 1, lastSeen: NOW - serial, pageUrl: 'https://shop.test/',
    pageTitle: 'Shop', ...extra,
  };
}

const e404 = entry({ statusCode: 404, code: '404', severity: 'warning', url: 'https://img.cdn.test/logo.png' });
const e502 = entry({ statusCode: 502, code: '502', pageUrl: 'https://blog.test/post', pageTitle: 'My post', tabId: 2 });
const dns = entry({ statusCode: undefined, code: 'net::ERR_NAME_NOT_RESOLVED', stage: 'dns', url: 'http://nonexistent.invalid/x', lastSeen: NOW - 3 * 3_600_000 });
const blocked = entry({ statusCode: undefined, code: 'net::ERR_BLOCKED_BY_CLIENT', stage: 'browser', blocked: true, url: 'https://ads.test/a.js', tabId: -1, pageUrl: '' });
const tls = entry({ statusCode: undefined, code: 'net::ERR_CERT_AUTHORITY_INVALID', stage: 'tls', url: 'https://self.test/', lastSeen: NOW - 20 * 60_000 });
const all = [dns, e404, blocked, e502, tls];

const filtered = (query: string, titleOf?: (e: HistoryEntry) => string) =>
  applyFilters(all, parseFilters(new URLSearchParams(query)), NOW, titleOf);

describe('history filters', () => {
  it('without filters: everything, newest first', () => {
    expect(filtered('view=history')).toEqual([e404, e502, blocked, tls, dns]);
  });

  it.each([
    ['q=logo', [e404]],
    ['q=NAME_NOT', [dns]],
    ['q=my%20post', [e502]],
    ['q=502', [e502]],
    ['stage=dns,tls', [tls, dns]],
    ['class=4xx', [e404]],
    ['class=5xx', [e502]],
    ['class=network', [tls, dns]],
    ['class=blocked', [blocked]],
    ['host=cdn.test', [e404]],
    ['host=IMG.cdn.test', [e404]],
    ['time=15m', [e404, e502, blocked]],
    ['time=1h', [e404, e502, blocked, tls]],
    ['time=1d', [e404, e502, blocked, tls, dns]],
    ['tab=-1', [blocked]],
    ['class=network&time=1h', [tls]],
    ['class=4xx,5xx&q=blog', [e502]],
  ])('%s', (query, expected) => {
    expect(filtered(query)).toEqual(expected);
  });

  it('searches the explanation title when given', () => {
    expect(filtered('q=gateway', (e) => (e.code === '502' ? 'Bad gateway' : 'Other'))).toEqual([e502]);
  });

  it('unknown or hostile values fall back to no filter', () => {
    expect(parseFilters(new URLSearchParams('stage=moon,dns&class=6xx&time=year&group=x&tab=abc'))).toEqual({
      text: '', stages: ['dns'], classes: [], host: '', range: 'session', group: 'none', tab: undefined,
    });
  });

  it('round-trips through the URL', () => {
    const filters = parseFilters(new URLSearchParams('q=a%26b&stage=dns&class=5xx,blocked&host=x.test&time=1h&group=page&tab=5'));
    expect(parseFilters(filtersToParams(filters))).toEqual(filters);
    expect(filtersToParams(parseFilters(new URLSearchParams())).toString()).toBe('view=history');
  });
});

describe('classes, hosts and groups', () => {
  it('classes', () => {
    expect([e404, e502, dns, blocked].map(classOf)).toEqual(['4xx', '5xx', 'network', 'blocked']);
    expect(classOf(entry({ statusCode: 999, code: '999' }))).toBe('5xx');
  });

  it('hosts of odd URLs never throw', () => {
    expect(hostOf('https://user:pw@Example.COM:8443/x')).toBe('example.com');
    expect(hostOf('http://[::1]:80/')).toBe('[::1]');
    expect(hostOf('not a url')).toBe('');
    expect(hostOf('x'.repeat(100_000))).toBe('');
  });

  it('groups by host or page, with the newest group first', () => {
    const newest = filtered('');
    expect(groupEntries(newest, 'page').map((g) => [g.key, g.entries.length])).toEqual([
      ['https://shop.test/', 3], ['https://blog.test/post', 1], ['', 1],
    ]);
    expect(groupEntries(newest, 'host')[0]).toEqual({ key: 'img.cdn.test', entries: [e404] });
    expect(groupEntries(newest, 'none')).toEqual([{ key: '', entries: newest }]);
  });
});

describe('hostFilter: what is typed or pasted as a host names a host', () => {
  it.each([
    ['api.example.com', 'api.example.com'],
    ['  API.Example.COM ', 'api.example.com'],
    ['localhost:3000', 'localhost'],
    ['https://api.example.com/v1/orders?x=1', 'api.example.com'],
    ['*.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['[::1]:8080', '[::1]'],
    ['', ''],
  ])('%j → %j', (input, host) => expect(hostFilter(input)).toBe(host));
  it('is what the URL parameter is read as', () => expect(parseFilters(new URLSearchParams('host=http://localhost:5173/')).host).toBe('localhost'));
});

describe('drawableEarly: which views the first screen can draw before the catalog and every entry are read', () => {
  const early = (query: string) => drawableEarly(parseFilters(new URLSearchParams(query)));
  it.each([
    ['', true], ['stage=dns,tls', true], ['class=5xx&host=shop.test&time=1h&tab=4', true], ['q=%20%20', true],
    ['q=bad%20gateway', false], ['group=host', false], ['group=page', false], ['group=none', true], ['group=bogus', true],
  ])('%s → %s', (query, expected) => expect(early(query)).toBe(expected));
});
