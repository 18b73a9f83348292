import { describe, expect, it } from 'vitest';
import { browserOf, normalizeTeamConfig, teamActive } from './config';
import { causeOf, droppedRow, failureRow, isTeamFailure, pageHostOf, type Failure } from './record';

const sender = { installId: 'i-1', browser: 'Chromium', browserVersion: '120.0', extensionVersion: '0.1.0' };
const failure = (extra: Partial<Failure>): Failure => ({
  url: 'https://api.example.com/v1/items?token=secret#frag', method: 'GET', type: 'xmlhttprequest', tabId: 3, timeStamp: 1,
  stage: 'wait', code: '503', severity: 'error', blocked: false, statusCode: 503, initiator: 'https://app.example.com',
  headers: { 'set-cookie': 'a=b', server: 'nginx' }, ...extra,
});

describe('team: which failures are sent', () => {
  it.each([
    // request url, type, initiator, my sites, sent
    ['https://api.example.com/x', 'xmlhttprequest', 'https://news.test', ['example.com'], true],
    ['https://ads.test/x', 'script', 'https://app.example.com', ['example.com'], true],
    ['https://ads.test/x', 'script', 'https://news.test', ['example.com'], false],
    ['https://example.com/', 'main_frame', undefined, ['example.com'], true],
    ['https://notexample.com/', 'main_frame', undefined, ['example.com'], false],
    ['https://api.example.com/x', 'xmlhttprequest', undefined, [], false],
    ['not a url', 'xmlhttprequest', 'also not', ['example.com'], false],
  ] as const)('%s (%s from %s) on %j: %s', (url, type, initiator, sites, sent) => {
    expect(isTeamFailure({ url, type, initiator }, sites)).toBe(sent);
  });

  it('never sends a failure from a private window', () => {
    expect(isTeamFailure({ url: 'https://example.com/', type: 'main_frame', private: true }, ['example.com'])).toBe(false);
    expect(isTeamFailure({ url: 'https://example.com/', type: 'main_frame', private: false }, ['example.com'])).toBe(true);
  });

  it.each([
    ['https://a.test/x', 'main_frame', 'https://b.test', 'a.test'],
    ['https://a.test/x', 'sub_frame', 'https://b.test', 'b.test'],
    ['https://a.test/x', 'image', undefined, ''],
  ] as const)('page host of %s (%s, from %s) is %j', (url, type, initiator, host) => {
    expect(pageHostOf({ url, type, initiator })).toBe(host);
  });
});

describe('team: the row', () => {
  it('has the fields the issue lists, and no headers, cookies or query string', () => {
    const row = failureRow(failure({}), 'i-1:7', 1_796_695_200_123, sender, false);
    expect(row).toEqual({
      id: 'i-1:7', kind: 'failure', time: 1_796_695_200_123, install_id: 'i-1', url: 'https://api.example.com/v1/items',
      host: 'api.example.com', path: '/v1/items', query: '', method: 'GET', code: '503', status: 503, stage: 'wait',
      cause: 'http-5xx', severity: 'error', resource_type: 'xmlhttprequest', page_host: 'app.example.com',
      browser: 'Chromium', browser_version: '120.0', extension_version: '0.1.0', recheck: '', count: 1,
    });
    expect(JSON.stringify(row)).not.toMatch(/secret|set-cookie|nginx|frag/);
  });

  it("a recheck's row is the failure's columns with its verdict, and a kind of its own (the team's counts read kind = 'failure')", () => {
    const row = failureRow(failure({}), 'i-1:8', 1_796_695_200_123, sender, false, 'failing');
    expect(row).toMatchObject({ id: 'i-1:8', kind: 'recheck', recheck: 'failing', code: '503', host: 'api.example.com', count: 1 });
    expect(failureRow(failure({}), 'x', 0, sender, false).kind).toBe('failure');
  });

  it('keeps the query string only when the person turns it on (never the fragment)', () => {
    const row = failureRow(failure({}), 'x', 0, sender, true);
    expect([row.url, row.query]).toEqual(['https://api.example.com/v1/items?token=secret', 'token=secret']);
  });

  it('keeps the port in the url, and bounds what a hostile page controls', () => {
    const long = `https://example.com:8443/${'a'.repeat(10_000)}?${'q'.repeat(10_000)}`;
    const row = failureRow(failure({ url: long, method: 'X'.repeat(100) }), 'x', 0, sender, true);
    expect(row.url.startsWith('https://example.com:8443/')).toBe(true);
    expect([row.url.length, row.path.length, row.query.length, row.method.length]).toEqual([4096, 2048, 2048, 32]);
  });

  it('keeps whole milliseconds (webRequest times have fractions)', () => {
    expect(failureRow(failure({}), 'x', 1_796_697_847_727.922, sender, false).time).toBe(1_796_697_847_728);
  });

  it('survives a URL that does not parse', () => {
    expect(failureRow(failure({ url: '::', initiator: 'x' }), 'x', 0, sender, false)).toMatchObject({ url: '', host: '', path: '', page_host: '' });
  });

  it.each([
    [{ code: 'net::ERR_NAME_NOT_RESOLVED', errorName: 'NAME_NOT_RESOLVED', statusCode: undefined, blocked: false }, 'NAME_NOT_RESOLVED'],
    [{ code: 'net::ERR_BLOCKED_BY_CLIENT', errorName: 'BLOCKED_BY_CLIENT', statusCode: undefined, blocked: true }, 'blocked'],
    [{ code: '404', statusCode: 404, blocked: false }, 'http-4xx'],
    [{ code: 'NS_ERROR_SOMETHING', blocked: false }, 'NS_ERROR_SOMETHING'],
  ] as const)('cause of %j is %s', (classification, cause) => {
    expect(causeOf({ stage: 'wait', severity: 'error', ...classification })).toBe(cause);
  });

  it('reports dropped records as a row of their own', () => {
    expect(droppedRow(42, 'i-1:d9', 5, sender)).toMatchObject({ id: 'i-1:d9', kind: 'dropped', count: 42, cause: 'queue-full', install_id: 'i-1', host: '' });
  });
});

describe('team settings', () => {
  it.each([
    [undefined, { sink: 'off', endpoint: '' }],
    [{ sink: 'clickhouse', endpoint: ' http://127.0.0.1:8123 ' }, { sink: 'clickhouse', endpoint: 'http://127.0.0.1:8123/' }],
    [{ sink: 'kafka', endpoint: 'javascript:alert(1)' }, { sink: 'off', endpoint: '' }],
    [{ sink: 'otlp', endpoint: 'ftp://x' }, { sink: 'otlp', endpoint: '' }],
  ])('reads %j as %j', (stored, expected) => {
    expect(normalizeTeamConfig(stored)).toMatchObject(expected);
  });

  it('is active only with a sink, an endpoint and sites I work on', () => {
    const on = normalizeTeamConfig({ sink: 'clickhouse', endpoint: 'http://ch.test:8123' });
    expect([teamActive(on, ['example.com']), teamActive(on, []), teamActive({ ...on, sink: 'off' }, ['example.com']), teamActive({ ...on, endpoint: '' }, ['x.test'])])
      .toEqual([true, false, false, false]);
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', '128.0'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36', 'Chromium', '120.0.6099.71'],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.61', 'Edge', '120.0.2210.61'],
    ['', 'other', ''],
  ])('%s is %s %s', (userAgent, browser, version) => {
    expect(browserOf(userAgent)).toEqual({ browser, version });
  });
});
